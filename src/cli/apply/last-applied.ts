import type { KubeObject } from '../../api/types.js';
import { sortedJson } from '../json-sort.js';

/** The annotation client-side apply keeps the user's last manifest in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * kubectl's GetModifiedConfiguration: the manifest with its own last-applied annotation removed
 * (leaving `annotations: {}` if it had no others), serialised as compact sorted JSON plus a
 * newline; the returned object is the manifest carrying that annotation.
 */
export function withLastApplied(manifest: KubeObject): { modified: KubeObject; annotation: string } {
  const copy = JSON.parse(JSON.stringify(manifest)) as KubeObject;
  copy.metadata ??= {};
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata.annotations = annotations;
  const annotation = sortedJson(copy) + '\n';
  const modified = structuredClone(copy);
  modified.metadata.annotations = { ...annotations, [LAST_APPLIED]: annotation };
  return { modified, annotation };
}

/** The live object's last-applied configuration, if it has a readable one. */
export function lastAppliedOf(live: KubeObject): Record<string, unknown> | undefined {
  const raw = live.metadata?.annotations?.[LAST_APPLIED];
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A copy without explicit nulls (what kubectl POSTs on the create path). */
export function stripNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripNulls) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = stripNulls(v);
    return out as T;
  }
  return value;
}
