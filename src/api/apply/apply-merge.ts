/**
 * Object surgery for server-side apply: merging an applied configuration into the live object,
 * removing the fields an applier gave up, and reading the value at a field path.
 */

import { listStrategy } from '../patch/merge-keys.js';
import { deepEqual, isMap, type JsonMap } from '../patch/json-value.js';
import { cloneJson } from '../../util/json-clone.js';
import type { FieldPath, PathElement } from './field-path.js';
import { parseElement } from './field-path.js';
import type { FieldSet } from './field-set.js';

/** Whether a list item matches a key element (every key field deep-equal). */
function matchesKey(item: unknown, fields: Record<string, unknown>): boolean {
  return isMap(item) && Object.entries(fields).every(([k, v]) => deepEqual(item[k], v));
}

/** Config merged into live (neither is mutated): config wins, maps merge, lists merge by their strategy. */
export function mergeConfig<T>(live: T, config: unknown, schemaType: string | undefined): T {
  return mergeValue(live, config, schemaType, []) as T;
}

function mergeValue(live: unknown, config: unknown, schemaType: string | undefined, names: string[]): unknown {
  if (isMap(config)) {
    if (!isMap(live)) return cloneJson(config);
    const out: JsonMap = cloneJson(live);
    for (const [k, v] of Object.entries(config)) {
      if (v === undefined) continue;
      out[k] = mergeValue(live[k], v, schemaType, [...names, k]);
    }
    return out;
  }
  if (Array.isArray(config) && Array.isArray(live)) {
    const strategy = listStrategy(schemaType, names);
    if (strategy.strategy === 'merge' && strategy.mergeKey) {
      const mk = strategy.mergeKey;
      if (config.every((x) => isMap(x) && x[mk] !== undefined) && live.every((x) => isMap(x))) {
        const keysInConfig = config.map((x) => (x as JsonMap)[mk]);
        const merged = config.map((item) => {
          const k = (item as JsonMap)[mk];
          const liveItem = live.find((l) => deepEqual((l as JsonMap)[mk], k));
          return liveItem === undefined ? cloneJson(item) : mergeValue(liveItem, item, schemaType, names);
        });
        const rest = live.filter((l) => !keysInConfig.some((k) => deepEqual((l as JsonMap)[mk], k)));
        return [...merged, ...cloneJson(rest)];
      }
    } else if (strategy.strategy === 'merge') {
      const rest = live.filter((l) => !config.some((c) => deepEqual(c, l)));
      return [...cloneJson(config), ...cloneJson(rest)];
    }
  }
  return cloneJson(config);
}

/** The value at `path` in obj (undefined when absent). */
export function valueAt(obj: unknown, path: FieldPath): unknown {
  let cur: unknown = obj;
  for (const e of path) {
    cur = step(cur, e);
    if (cur === undefined) return undefined;
  }
  return cur;
}

function step(cur: unknown, e: PathElement): unknown {
  switch (e.kind) {
    case 'field':
      return isMap(cur) && Object.prototype.hasOwnProperty.call(cur, e.name) ? cur[e.name] : undefined;
    case 'key':
      return Array.isArray(cur) ? cur.find((item) => matchesKey(item, e.fields)) : undefined;
    case 'value':
      return Array.isArray(cur) ? cur.find((item) => deepEqual(item, e.value)) : undefined;
  }
}

function isEmptyContainer(v: unknown): boolean {
  return (isMap(v) && Object.keys(v).length === 0) || (Array.isArray(v) && v.length === 0);
}

/**
 * A copy of obj without the member paths of `set`. When `keep` is given, a map or list left
 * empty by the removals is deleted too unless `keep` has a member at or below it.
 */
export function removeFields<T>(obj: T, set: FieldSet, keep?: FieldSet): T {
  const out = cloneJson(obj);
  removeIn(out, set, keep, []);
  return out;
}

function removeIn(container: unknown, set: FieldSet, keep: FieldSet | undefined, prefix: FieldPath): void {
  for (const k of set.childKeys()) {
    const c = set.child(k);
    if (!c) continue;
    const e = parseElement(k);
    const path = [...prefix, e];
    if (e.kind === 'field') {
      if (!isMap(container) || !Object.prototype.hasOwnProperty.call(container, e.name)) continue;
      if (c.member) {
        delete container[e.name];
        continue;
      }
      const v = container[e.name];
      const wasEmpty = isEmptyContainer(v);
      removeIn(v, c.set, keep, path);
      if (keep && !wasEmpty && isEmptyContainer(v) && !keep.hasPrefix(path)) delete container[e.name];
      continue;
    }
    if (!Array.isArray(container)) continue;
    const idx = container.findIndex((item) => (e.kind === 'key' ? matchesKey(item, e.fields) : deepEqual(item, e.value)));
    if (idx < 0) continue;
    if (c.member) container.splice(idx, 1);
    else removeIn(container[idx], c.set, keep, path);
  }
}
