/**
 * Strategic merge patch (application/strategic-merge-patch+json), as apimachinery's strategicpatch
 * applies it: maps merge recursively and `null` deletes a key; lists follow merge-keys.ts (merged by
 * key, merged as a set of primitives, or replaced whole); directives `$patch` (replace/delete/merge),
 * `$retainKeys`, `$deleteFromPrimitiveList/<f>` and `$setElementOrder/<f>` are honoured.
 * The original is never mutated.
 */
import { apiErrors } from '../errors.js';
import { normalizeElementOrder, identity } from './element-order.js';
import { type JsonMap, clone, isMap } from './json-value.js';
import { listStrategy } from './merge-keys.js';

export { createThreeWayMergePatch } from './three-way.js';

const DELETE_FROM = '$deleteFromPrimitiveList/';
const SET_ORDER = '$setElementOrder/';

class Merger {
  constructor(private readonly schemaType: string | undefined) {}

  /** Returns the merged map, or undefined when the patch says `$patch: delete`. */
  map(original: JsonMap, patch: JsonMap, path: string[]): JsonMap | undefined {
    const directive = patch.$patch;
    if (directive === 'replace') {
      const rest = { ...patch };
      delete rest.$patch;
      return this.map({}, rest, path);
    }
    if (directive === 'delete') return undefined;
    if (directive !== undefined && directive !== 'merge') {
      throw apiErrors.badRequest(`Unknown patch type: ${String(directive)} in map: ${JSON.stringify(patch)}`);
    }
    const result = clone(original);
    const retain = patch.$retainKeys;
    if (retain !== undefined) {
      if (!Array.isArray(retain)) throw apiErrors.badRequest(`invalid value for $retainKeys: ${JSON.stringify(retain)}`);
      for (const k of Object.keys(result)) if (!retain.includes(k)) delete result[k];
    }
    for (const [key, value] of Object.entries(patch)) {
      if (!key.startsWith(DELETE_FROM)) continue;
      const field = key.slice(DELETE_FROM.length);
      const current = result[field];
      if (!Array.isArray(value)) throw apiErrors.badRequest(`invalid value for ${key}: must be a list`);
      if (Array.isArray(current)) {
        const drop = new Set(value.map((v) => JSON.stringify(v)));
        result[field] = current.filter((v) => !drop.has(JSON.stringify(v)));
      }
    }
    for (const [key, value] of Object.entries(patch)) {
      if (key.startsWith('$')) continue;
      const childPath = [...path, key];
      if (value === null) delete result[key];
      else if (Array.isArray(value)) result[key] = this.list(Array.isArray(result[key]) ? (result[key] as unknown[]) : [], value, childPath);
      else if (isMap(value)) {
        const merged = this.map(isMap(result[key]) ? (result[key] as JsonMap) : {}, value, childPath);
        if (merged === undefined) delete result[key];
        else result[key] = merged;
      } else result[key] = value;
    }
    for (const [key, order] of Object.entries(patch)) {
      if (!key.startsWith(SET_ORDER)) continue;
      const field = key.slice(SET_ORDER.length);
      const list = result[field];
      if (!Array.isArray(order)) throw apiErrors.badRequest(`invalid value for ${key}: must be a list`);
      if (!Array.isArray(list)) continue;
      const { mergeKey } = listStrategy(this.schemaType, [...path, field]);
      const serverOrder = Array.isArray(original[field]) ? (original[field] as unknown[]) : [];
      result[field] = normalizeElementOrder(list, order, serverOrder, mergeKey);
    }
    return result;
  }

  list(original: unknown[], patch: unknown[], path: string[]): unknown[] {
    const st = listStrategy(this.schemaType, path);
    if (st.strategy === 'atomic') return patch.filter((v) => !(isMap(v) && v.$patch !== undefined)).map((v) => this.clean(v, path));
    if (st.mergeKey === undefined) {
      const seen = new Set<string>();
      return [...original, ...patch].filter((v) => {
        const id = JSON.stringify(v);
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
    }
    return this.keyedList(original, patch, path, st.mergeKey);
  }

  private keyedList(original: unknown[], patch: unknown[], path: string[], mergeKey: string): unknown[] {
    let working = clone(original);
    const plain: JsonMap[] = [];
    let replace = false;
    for (const item of patch) {
      if (!isMap(item)) throw apiErrors.badRequest(`unable to find api field in struct for the list item ${JSON.stringify(item)}`);
      const directive = item.$patch;
      if (directive === undefined) plain.push(item);
      else if (directive === 'delete') {
        if (!(mergeKey in item)) throw noMergeKey(item, mergeKey);
        const id = identity(item, mergeKey);
        working = working.filter((v) => identity(v, mergeKey) !== id);
      } else if (directive === 'replace') replace = true;
      else if (directive === 'merge') throw apiErrors.badRequest('merging lists cannot yet be specified in the patch');
      else throw apiErrors.badRequest(`Unknown patch type: ${String(directive)} in map: ${JSON.stringify(item)}`);
    }
    if (replace) return plain.map((v) => this.clean(v, path));
    for (const item of plain) {
      if (!(mergeKey in item)) throw noMergeKey(item, mergeKey);
      const id = identity(item, mergeKey);
      const at = working.findIndex((v) => identity(v, mergeKey) === id);
      if (at >= 0) working[at] = this.map(isMap(working[at]) ? (working[at] as JsonMap) : {}, item, path) ?? {};
      else working.push(this.clean(item, path));
    }
    return normalizeElementOrder(working, plain, original, mergeKey);
  }

  /** A patch value taken as is, with its directives processed against nothing. */
  private clean(v: unknown, path: string[]): unknown {
    if (isMap(v)) return this.map({}, v, path) ?? {};
    if (Array.isArray(v)) return this.list([], v, path);
    return v;
  }
}

function noMergeKey(item: JsonMap, mergeKey: string) {
  return apiErrors.badRequest(`map: ${JSON.stringify(item)} does not contain declared merge key: ${mergeKey}`);
}

/**
 * Applies a strategic merge patch to `original` (e.g. a live object) and returns the result.
 * `schemaType` names the object's type (`V1Deployment`), which selects the list merge keys.
 */
export function applyStrategicMergePatch<T extends object>(original: T, patch: unknown, schemaType?: string): T {
  if (!isMap(patch)) throw apiErrors.badRequest(`json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`);
  const merged = new Merger(schemaType).map(original as JsonMap, patch, []);
  return (merged ?? {}) as T;
}
