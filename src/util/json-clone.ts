/**
 * Deep copy of a JSON value, with JSON's semantics (object properties holding undefined are
 * dropped). Several times faster than structuredClone or a JSON round trip for API objects,
 * which matters because every object read from a pending batch is handed out as a copy.
 */
export function cloneJson<T>(value: T): T {
  return copy(value) as T;
}

function copy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      out[i] = item === undefined ? null : copy(item);
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  // for-in, not Object.keys: no key array per object (a quarter faster on a pod). JSON values have
  // no enumerable inherited properties, so it visits the same keys.
  for (const k in value) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = copy(v);
  }
  return out;
}
