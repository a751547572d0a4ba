/**
 * kubectl's CreateThreeWayMergePatch for client-side apply:
 *   original = last-applied configuration, modified = the new manifest, current = the live object.
 * Additions and changes come from modified vs current; deletions from original vs modified (fields
 * the user once applied and has since removed). Fields never in original (set by controllers, defaults,
 * status) are left alone. `{}` means nothing to do.
 */
import { identity } from './element-order.js';
import { type JsonMap, deepEqual, isMap } from './json-value.js';
import { listStrategy, mapRetainsKeys } from './merge-keys.js';

class Differ {
  constructor(private readonly schemaType: string | undefined) {}

  map(original: JsonMap | undefined, modified: JsonMap, current: JsonMap, path: string[], retainKeys: boolean): JsonMap {
    const patch: JsonMap = {};
    for (const [key, mod] of Object.entries(modified)) {
      const cur = current[key];
      const orig = original?.[key];
      const childPath = [...path, key];
      if (cur === undefined || cur === null) {
        if (mod !== null) patch[key] = mod;
      } else if (mod === null) {
        patch[key] = null;
      } else if (isMap(mod) && isMap(cur)) {
        const sub = this.map(isMap(orig) ? orig : undefined, mod, cur, childPath, mapRetainsKeys(this.schemaType, childPath));
        if (Object.keys(sub).length > 0) patch[key] = sub;
      } else if (Array.isArray(mod) && Array.isArray(cur)) {
        this.list(Array.isArray(orig) ? orig : undefined, mod, cur, childPath, key, patch);
      } else if (!deepEqual(mod, cur)) {
        patch[key] = mod;
      }
    }
    if (original) {
      for (const key of Object.keys(original)) {
        if (!(key in modified) && original[key] !== undefined) patch[key] = null;
      }
    }
    if (retainKeys && Object.keys(patch).length > 0) patch.$retainKeys = Object.keys(modified).sort();
    return patch;
  }

  private list(original: unknown[] | undefined, modified: unknown[], current: unknown[], path: string[], key: string, patch: JsonMap): void {
    const st = listStrategy(this.schemaType, path);
    if (st.strategy === 'atomic') {
      if (!deepEqual(modified, current)) patch[key] = modified;
      return;
    }
    const mk = st.mergeKey;
    const curById = new Map(current.map((v) => [identity(v, mk), v]));
    const origById = new Map((original ?? []).map((v) => [identity(v, mk), v]));
    const modIds = new Set(modified.map((v) => identity(v, mk)));
    const items: unknown[] = [];
    let changed = false;
    if (mk === undefined) {
      for (const v of modified) if (!curById.has(identity(v, mk))) items.push(v);
      const removed = (original ?? []).filter((v) => !modIds.has(identity(v, mk)));
      if (removed.length > 0) {
        patch[`$deleteFromPrimitiveList/${key}`] = removed;
        changed = true;
      }
    } else {
      for (const v of modified) {
        const id = identity(v, mk);
        const cur = curById.get(id);
        if (cur === undefined || !isMap(v) || !isMap(cur)) {
          if (!deepEqual(v, cur)) items.push(v);
          continue;
        }
        const orig = origById.get(id);
        const sub = this.map(isMap(orig) ? orig : undefined, v, cur, path, st.retainKeysItems === true);
        if (Object.keys(sub).length > 0) items.push({ [mk]: v[mk], ...sub });
      }
      for (const [id, v] of origById) {
        if (!modIds.has(id) && isMap(v)) items.push({ $patch: 'delete', [mk]: v[mk] });
      }
    }
    if (items.length > 0) {
      patch[key] = items;
      changed = true;
    }
    if (changed || !sameOrder(modified, current, mk)) {
      patch[`$setElementOrder/${key}`] = modified.map((v) => (mk === undefined ? v : { [mk]: (v as JsonMap)[mk] }));
    }
  }
}

/** Whether the items common to both lists appear in the same relative order. */
function sameOrder(modified: unknown[], current: unknown[], mk: string | undefined): boolean {
  const modIds = modified.map((v) => identity(v, mk));
  const inMod = new Set(modIds);
  const curIds = current.map((v) => identity(v, mk)).filter((id) => inMod.has(id));
  const inCur = new Set(curIds);
  const common = modIds.filter((id) => inCur.has(id));
  return common.every((id, i) => curIds[i] === id);
}

/** The patch that takes `current` to `modified`, deleting what `original` had and `modified` dropped. */
export function createThreeWayMergePatch(original: object | undefined, modified: object, current: object, schemaType?: string): Record<string, unknown> {
  return new Differ(schemaType).map(original as JsonMap | undefined, modified as JsonMap, current as JsonMap, [], false);
}
