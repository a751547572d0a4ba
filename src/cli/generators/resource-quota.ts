/** `kubectl create quota` (create_quota.go). */
import { canonicalQuantity, parseQuantityExact } from '../../api/quantity.js';
import type { KubeObject } from '../../api/types.js';
import { objectMeta, sortedMap, typed } from './meta.js';

export interface QuotaInput {
  name: string;
  namespace?: string;
  hard: string;
  scopes: string;
}

/** populateResourceListV1: `name=quantity,…` (a later name wins); nothing for an empty flag. */
function hardList(spec: string): Record<string, string> | undefined {
  if (spec === '') return undefined;
  const out = new Map<string, string>();
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) throw new Error(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
    parseQuantityExact(parts[1]); // throws with ParseQuantity's words
    out.set(parts[0], canonicalQuantity(parts[1]));
  }
  return sortedMap(out);
}

/** parseScopes: kept as given (the API server checks them), but none may be empty. */
function scopeList(spec: string): string[] | undefined {
  if (spec === '') return undefined;
  const scopes = spec.split(',');
  if (scopes.includes('')) throw new Error('invalid resource quota scope ""');
  return scopes;
}

/** corev1.ResourceQuota in struct order: spec.hard and spec.scopes are omitempty, status an empty struct. */
export function generateResourceQuota(q: QuotaInput): KubeObject {
  const hard = hardList(q.hard);
  const scopes = scopeList(q.scopes);
  return typed('ResourceQuota', 'v1', {
    metadata: objectMeta({ name: q.name, namespace: q.namespace }),
    spec: { ...(hard ? { hard } : {}), ...(scopes ? { scopes } : {}) },
    status: {},
  });
}
