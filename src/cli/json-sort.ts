import { sortKeys } from './printers/serialize.js';

/**
 * Compact JSON as Go's json.Marshal writes a map[string]interface{}: keys sorted at every level,
 * `<`, `>`, `&`, U+2028 and U+2029 escaped (they only occur inside strings, so a replace is safe).
 */
export function sortedJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
