/** Names in kube-apiserver's OpenAPI documents: schema (definition) names, operation ids, tags. */
import type { KindDef } from '../api/kind.js';

export const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
export const OBJECT_META = `${META}.ObjectMeta`;
export const LIST_META = `${META}.ListMeta`;
export const STATUS = `${META}.Status`;
export const DELETE_OPTIONS = `${META}.DeleteOptions`;
export const PATCH = `${META}.Patch`;
export const TIME = `${META}.Time`;
export const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
export const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
export const SCALE = 'io.k8s.api.autoscaling.v1.Scale';
export const BINDING = 'io.k8s.api.core.v1.Binding';
export const EVICTION = 'io.k8s.api.policy.v1.Eviction';

export const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });

/**
 * The package prefix of a group's Go types as kube names its definitions: `io.k8s.api.core` for
 * the core group, `io.k8s.api.apps` for apps, `io.k8s.api.rbac` for rbac.authorization.k8s.io;
 * a custom resource group reversed (`example.com` -> `com.example`), as apiextensions-apiserver does.
 */
export function packagePrefix(group: string, builtIn: boolean): string {
  if (!builtIn) return group.split('.').reverse().join('.');
  if (group === '') return 'io.k8s.api.core';
  if (group === 'apiextensions.k8s.io') return 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions';
  return `io.k8s.api.${group.split('.')[0]}`;
}

/** The definition name of a kind in a version: `io.k8s.api.apps.v1.Deployment`, `com.example.v1.Widget`. */
export function kindSchemaName(k: KindDef, version: string = k.version): string {
  return `${packagePrefix(k.group, k.schemaType !== '')}.${version}.${k.kind}`;
}

/** apiserver's ToValidOperationID: letters (and digits after the first), each run after a separator capitalised. */
export function toValidOperationId(s: string, capitalizeFirst: boolean): string {
  let out = '';
  let capitalize = capitalizeFirst;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (/\p{L}/u.test(c) || c === '_' || (i !== 0 && /\d/.test(c))) {
      out += capitalize ? c.toUpperCase() : c;
      capitalize = false;
    } else {
      capitalize = true;
    }
  }
  return out;
}

/** `CoreV1`, `AppsV1`, `RbacAuthorizationV1`, `ExampleComV1`: what an operation id puts after its verb. */
export function operationGroupVersion(group: string, version: string): string {
  return toValidOperationId((group || 'core').replace(/\.k8s\.io$/, ''), true) + toValidOperationId(version, true);
}

/** `core_v1`, `apps_v1`, `rbacAuthorization_v1`: the tag of a group version's operations. */
export function operationTag(group: string, version: string): string {
  return `${toValidOperationId((group || 'core').replace(/\.k8s\.io$/, ''), false)}_${toValidOperationId(version, false)}`;
}
