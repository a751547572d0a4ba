/** Resource → kind lookup, the object's key, and the type meta the server fills in. */
import { apiErrors, StatusError } from '../api/errors.js';
import { type KindDef, apiVersionOf, resourceOf } from '../api/kind.js';
import type { Registry } from '../api/registry.js';
import type { KubeObject } from '../api/types.js';
import { registryKey } from '../store/store.js';

export function kindFor(registry: Registry, resource: string): KindDef {
  const kind = registry.byPlural(resource);
  if (!kind) throw new StatusError(404, 'NotFound', 'the server could not find the requested resource', { kind: resource });
  return kind;
}

/** The namespace a request on `kind` works in: none for cluster-scoped kinds, `default` when not given. */
export function scopeNamespace(kind: KindDef, namespace: string | undefined): string | undefined {
  return kind.namespaced ? namespace || 'default' : undefined;
}

export function objectKey(kind: KindDef, namespace: string | undefined, name: string): string {
  return registryKey(resourceOf(kind), scopeNamespace(kind, namespace), name);
}

/**
 * Fills apiVersion/kind when absent (the server decodes into the endpoint's type) and rejects a
 * body of another type, as the API server's decoder does. A body may be in any served version of
 * the kind (alsoServed): the caller checks its fields (schemaCheck) and then converts it to the
 * kind's own version (inOwnVersion).
 */
export function checkTypeMeta(kind: KindDef, obj: KubeObject): void {
  const expected = apiVersionOf(kind);
  if (!obj.apiVersion) obj.apiVersion = expected;
  if (!obj.kind) obj.kind = kind.kind;
  if (obj.apiVersion !== expected && !kind.alsoServed?.includes(obj.apiVersion)) {
    throw apiErrors.badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${expected})`);
  }
  if (obj.kind !== kind.kind) {
    throw apiErrors.badRequest(`the kind in the data (${obj.kind}) does not match the expected kind (${kind.kind})`);
  }
}

/** An object body must be a JSON object with a metadata map. */
export function checkBody(obj: unknown): asserts obj is KubeObject {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw apiErrors.badRequest('the body of the request was in an unknown format');
  const o = obj as { metadata?: unknown };
  if (o.metadata === undefined || o.metadata === null) o.metadata = {};
  if (typeof o.metadata !== 'object' || Array.isArray(o.metadata)) throw apiErrors.badRequest('the body of the request was in an unknown format');
}
