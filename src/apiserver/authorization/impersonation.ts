/**
 * Impersonation (k8s.io/apiserver/pkg/endpoints/filters/impersonation.go): a request made `--as`
 * another user (and `--as-group`) runs as that user, if the requester may `impersonate` the user
 * (resource `users`, or `serviceaccounts` in its namespace for a service account's name) and each
 * group (`groups`). A service account impersonated without groups gets its fixed groups; every
 * impersonated user but system:anonymous is in system:authenticated.
 */
import type { Impersonation } from '../../api/client.js';
import { StatusError } from '../../api/errors.js';
import { authorize } from './rbac-authorizer.js';
import type { RequestAttributes } from './rule-match.js';
import type { RbacReader } from './rule-resolver.js';
import {
  ALL_AUTHENTICATED, ALL_UNAUTHENTICATED, ANONYMOUS, type UserInfo, serviceAccountGroups, splitServiceAccountUsername,
} from './user-info.js';


/** responsewriters.forbiddenMessage. */
export function forbiddenMessage(user: UserInfo, a: RequestAttributes): string {
  const who = `User ${JSON.stringify(user.username)}`;
  if (!a.resourceRequest) return `${who} cannot ${a.verb} path ${JSON.stringify(a.path ?? '')}`;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : (a.resource ?? '');
  const where = a.namespace ? `in the namespace ${JSON.stringify(a.namespace)}` : 'at the cluster scope';
  return `${who} cannot ${a.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(a.apiGroup ?? '')} ${where}`;
}

/** A 403 as the API server's Forbidden response words it (`<resource>[.<group>] ["name"] is forbidden: …`). */
export function forbidden(user: UserInfo, a: RequestAttributes, reason: string): StatusError {
  const qualified = a.apiGroup ? `${a.resource}.${a.apiGroup}` : (a.resource ?? '');
  const subject = a.name ? `${qualified} ${JSON.stringify(a.name)}` : qualified;
  const message = `${subject} is forbidden: ${forbiddenMessage(user, a)}${reason ? `: ${reason}` : ''}`;
  return new StatusError(403, 'Forbidden', message, { name: a.name, group: a.apiGroup, kind: a.resource });
}

function check(reader: RbacReader, requester: UserInfo, a: RequestAttributes): void {
  const d = authorize(reader, requester, a);
  if (!d.allowed) throw forbidden(requester, a, d.reason);
}

/** The user a request runs as; throws 403 when the requester may not impersonate them. */
export function impersonate(reader: RbacReader, requester: UserInfo, imp: Impersonation | undefined): UserInfo {
  if (!imp) return requester;
  const groupsGiven = (imp.groups ?? []).length > 0;
  let groups = [...(imp.groups ?? [])];
  const sa = splitServiceAccountUsername(imp.user);
  if (sa) {
    check(reader, requester, { verb: 'impersonate', resourceRequest: true, apiGroup: '', resource: 'serviceaccounts', namespace: sa.namespace, name: sa.name });
    if (!groupsGiven) groups = serviceAccountGroups(sa.namespace);
  } else {
    check(reader, requester, { verb: 'impersonate', resourceRequest: true, apiGroup: '', resource: 'users', name: imp.user });
  }
  for (const g of imp.groups ?? []) check(reader, requester, { verb: 'impersonate', resourceRequest: true, apiGroup: '', resource: 'groups', name: g });
  const implied = imp.user === ANONYMOUS ? ALL_UNAUTHENTICATED : ALL_AUTHENTICATED;
  if (!groups.includes(implied)) groups.push(implied);
  return { username: imp.user, groups };
}
