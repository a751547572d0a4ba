/**
 * JSON merge patch (RFC 7386, application/merge-patch+json): objects merge recursively, `null`
 * deletes a key, anything else (arrays included) replaces the target. The target is not mutated.
 */
import { apiErrors } from '../errors.js';
import { type JsonMap, clone, isMap } from './json-value.js';

function merge(target: unknown, patch: unknown): unknown {
  if (!isMap(patch)) return clone(patch);
  const result: JsonMap = isMap(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = merge(result[key], value);
  }
  return result;
}

export function applyJsonMergePatch<T extends object>(original: T, patch: unknown): T {
  if (!isMap(patch)) {
    throw apiErrors.badRequest(`json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`);
  }
  return clone(merge(original, patch)) as T;
}
