/**
 * The RBAC objects as the authorizer reads them: straight from the API server's store, by key and
 * by range (/registry/clusterrolebindings/, /registry/rolebindings/<ns>/), like kube-apiserver's
 * authorizer reads its informer caches rather than making API calls. A review reads the bindings
 * once per request; there are few.
 */
import { isStatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import type { ServerContext } from '../context.js';
import { getObject, listObjects } from '../read.js';
import { kindFor } from '../resolve.js';
import type { RbacReader } from './rule-resolver.js';

function getOrUndefined(f: () => KubeObject): KubeObject | undefined {
  try {
    return f();
  } catch (e) {
    if (isStatusError(e) && e.code === 404) return undefined;
    throw e;
  }
}

export function storeRbacReader(ctx: ServerContext): RbacReader {
  const kind = (resource: string) => kindFor(ctx.registry, resource);
  return {
    clusterRoleBindings: () => listObjects(ctx, kind('clusterrolebindings')).items,
    roleBindings: (namespace) => listObjects(ctx, kind('rolebindings'), { namespace }).items,
    role: (namespace, name) => getOrUndefined(() => getObject(ctx, kind('roles'), namespace, name)),
    clusterRole: (name) => getOrUndefined(() => getObject(ctx, kind('clusterroles'), undefined, name)),
  };
}
