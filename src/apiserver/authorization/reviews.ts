/**
 * The review endpoints: create-only, never stored (pkg/registry/authorization/*, and
 * authentication's selfsubjectreview). The API server answers a POSTed review with the same body and
 * its status filled in:
 *   SelfSubjectAccessReview / LocalSubjectAccessReview / SubjectAccessReview → status.allowed, reason
 *   SelfSubjectRulesReview → the rules that apply to the requester in spec.namespace
 *   SelfSubjectReview → the requester's user info.
 * The requester must itself be allowed to create the review (system:basic-user grants the self ones).
 */
import type { ReviewOptions } from '../../api/client.js';
import { StatusError, apiErrors } from '../../api/errors.js';
import { type FieldError, fieldErrors as fe } from '../../api/field-error.js';
import type { KubeObject } from '../../api/types.js';
import type { ServerContext } from '../context.js';
import { authorize } from './rbac-authorizer.js';
import { forbidden, impersonate } from './impersonation.js';
import type { PolicyRule, RequestAttributes } from './rule-match.js';
import { type RbacReader, rulesFor } from './rule-resolver.js';
import { storeRbacReader } from './store-reader.js';
import { EMBEDDED_ADMIN, type UserInfo } from './user-info.js';

/* eslint-disable @typescript-eslint/no-explicit-any */


const AUTHZ = 'authorization.k8s.io';
const AUTHN = 'authentication.k8s.io';

/** Each review kind: its group and resource, and whether it lives in a namespace. */
const REVIEWS: Record<string, { group: string; resource: string; namespaced?: boolean }> = {
  SelfSubjectAccessReview: { group: AUTHZ, resource: 'selfsubjectaccessreviews' },
  SubjectAccessReview: { group: AUTHZ, resource: 'subjectaccessreviews' },
  LocalSubjectAccessReview: { group: AUTHZ, resource: 'localsubjectaccessreviews', namespaced: true },
  SelfSubjectRulesReview: { group: AUTHZ, resource: 'selfsubjectrulesreviews' },
  SelfSubjectReview: { group: AUTHN, resource: 'selfsubjectreviews' },
};

/** The request attributes a SubjectAccessReviewSpec asks about (authorizationutil.ResourceAttributesFrom…). */
function attributesOf(spec: any): RequestAttributes {
  const r = spec.resourceAttributes;
  if (r) {
    return { verb: r.verb ?? '', resourceRequest: true, apiGroup: r.group ?? '', resource: r.resource ?? '', subresource: r.subresource ?? '', namespace: r.namespace ?? '', name: r.name ?? '' };
  }
  const n = spec.nonResourceAttributes ?? {};
  return { verb: n.verb ?? '', resourceRequest: false, path: n.path ?? '' };
}

function specErrors(spec: any, needsSubject: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.resourceAttributes && spec.nonResourceAttributes) {
    errs.push(fe.invalid('spec.nonResourceAttributes', spec.nonResourceAttributes, 'cannot be specified in combination with resourceAttributes'));
  }
  if (!spec.resourceAttributes && !spec.nonResourceAttributes) {
    errs.push(fe.invalid('spec.resourceAttributes', null, 'exactly one of nonResourceAttributes or resourceAttributes must be specified'));
  }
  if (needsSubject && !spec.user && !(spec.groups ?? []).length) errs.push(fe.invalid('spec.user', spec.user ?? '', 'at least one of user or group must be specified'));
  return errs;
}

function accessReviewStatus(reader: RbacReader, user: UserInfo, spec: any): any {
  const d = authorize(reader, user, attributesOf(spec));
  return { allowed: d.allowed, ...(d.reason ? { reason: d.reason } : {}) };
}

/** SubjectRulesReviewStatus from the resolved rules (RBACAuthorizer.RulesFor + the REST's conversion). */
export function rulesReviewStatus(reader: RbacReader, user: UserInfo, namespace: string): any {
  const { rules, errors } = rulesFor(reader, user, namespace);
  const resourceRules = rules.filter((r) => (r.resources ?? []).length > 0).map((r: PolicyRule) => ({
    verbs: r.verbs ?? [], ...(r.apiGroups ? { apiGroups: r.apiGroups } : {}), resources: r.resources, ...(r.resourceNames ? { resourceNames: r.resourceNames } : {}),
  }));
  const nonResourceRules = rules.filter((r) => (r.nonResourceURLs ?? []).length > 0).map((r) => ({ verbs: r.verbs ?? [], nonResourceURLs: r.nonResourceURLs }));
  const evaluationError = errors.length === 0 ? undefined : errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
  return { resourceRules, nonResourceRules, incomplete: false, ...(evaluationError ? { evaluationError } : {}) };
}

/** POST of a review body: the body back, with its status. */
export function serveReview(ctx: ServerContext, body: KubeObject, opts: ReviewOptions = {}): KubeObject {
  const info = REVIEWS[body?.kind ?? ''];
  const expectedVersion = info ? `${info.group}/v1` : '';
  if (!info || body.apiVersion !== expectedVersion) throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
  const reader = storeRbacReader(ctx);
  const user = impersonate(reader, EMBEDDED_ADMIN, opts.impersonate);
  const namespace = info.namespaced ? (body.metadata?.namespace || 'default') : undefined;
  const create: RequestAttributes = { verb: 'create', resourceRequest: true, apiGroup: info.group, resource: info.resource, namespace };
  const allowed = authorize(reader, user, create);
  if (!allowed.allowed) throw forbidden(user, create, allowed.reason);

  const spec = body.spec ?? {};
  // a Go metav1.Time left zero is written as null (kubectl's -o yaml shows `creationTimestamp: null`)
  const metadata = { ...(body.metadata ?? {}), creationTimestamp: null } as unknown as KubeObject['metadata'];
  const out: KubeObject = { kind: body.kind, apiVersion: body.apiVersion, metadata };
  if (body.kind !== 'SelfSubjectReview') out.spec = spec;
  const invalid = (errs: FieldError[]) => {
    if (errs.length > 0) throw apiErrors.invalid(body.kind!, info.group, '', errs);
  };
  switch (body.kind) {
    case 'SelfSubjectAccessReview':
      invalid(specErrors(spec, false));
      out.status = accessReviewStatus(reader, user, spec);
      break;
    case 'SubjectAccessReview': {
      invalid(specErrors(spec, true));
      const subject: UserInfo = { username: spec.user ?? '', groups: spec.groups ?? [] };
      out.status = accessReviewStatus(reader, subject, spec);
      break;
    }
    case 'LocalSubjectAccessReview': {
      invalid(specErrors(spec, true));
      if (spec.nonResourceAttributes) throw apiErrors.badRequest(`disallowed on this kind of request: ${JSON.stringify(spec.nonResourceAttributes)}`);
      const attrs = spec.resourceAttributes;
      if (attrs.namespace && attrs.namespace !== namespace) {
        throw apiErrors.badRequest(`spec.resourceAttributes.namespace must match namespace: ${namespace}`);
      }
      out.spec = { ...spec, resourceAttributes: { ...attrs, namespace } };
      out.metadata.namespace = namespace;
      out.status = accessReviewStatus(reader, { username: spec.user ?? '', groups: spec.groups ?? [] }, out.spec);
      break;
    }
    case 'SelfSubjectRulesReview':
      if (!spec.namespace) throw apiErrors.badRequest('no namespace on request');
      out.status = rulesReviewStatus(reader, user, spec.namespace);
      break;
    default:
      out.status = { userInfo: { username: user.username, ...(user.uid ? { uid: user.uid } : {}), groups: user.groups, ...(user.extra ? { extra: user.extra } : {}) } };
  }
  return out;
}
