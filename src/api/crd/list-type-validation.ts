/**
 * apiextensions' listtype.ValidateListSetsAndMaps: arrays marked `x-kubernetes-list-type: set` must not repeat
 * an item, `map` arrays must hold objects (or nulls) whose `x-kubernetes-list-map-keys` values do not repeat.
 * It walks the structural part of the schema only (properties, additionalProperties, items) and names fields
 * with field.Path: `spec.ports[1]`, map entries `spec.byName[key]`. Each repeat is reported once, at its
 * second appearance. Keys are walked in sorted order (Kubernetes: Go map order).
 */
import type { FieldError } from '../field-error.js';
import { additionalSchema, hasOwn, itemsSchema, type JSONSchemaProps } from './json-schema.js';
import { compareGoStrings, goJSON, isPlainObject } from './go-values.js';
import { goValueError } from './schema-field-errors.js';

const ROOT_META = new Set(['apiVersion', 'kind', 'metadata']);

const child = (path: string | undefined, name: string): string => (path ? `${path}.${name}` : name);
const at = (path: string | undefined, i: number | string): string => `${path ?? ''}[${i}]`;

/** The list-type errors in `obj` (the whole resource; its apiVersion, kind and metadata are skipped). */
export function validateListTypes(obj: unknown, schema: JSONSchemaProps, path?: string): FieldError[] {
  return isPlainObject(obj) ? walkObject(obj, schema, path, true) : [];
}

function walkObject(obj: Record<string, unknown>, s: JSONSchemaProps, path: string | undefined, root = false): FieldError[] {
  const errs: FieldError[] = [];
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined && !(root && ROOT_META.has(k))).sort(compareGoStrings);
  const ap = additionalSchema(s);
  if (ap) for (const k of keys) errs.push(...walk(obj[k], ap, at(path, k)));
  if (s.properties) for (const k of keys) if (hasOwn(s.properties, k)) errs.push(...walk(obj[k], s.properties[k], child(path, k)));
  return errs;
}

function walk(v: unknown, s: JSONSchemaProps, path: string): FieldError[] {
  if (Array.isArray(v)) return walkArray(v, s, path);
  if (isPlainObject(v)) return walkObject(v, s, path);
  return [];
}

function walkArray(list: unknown[], s: JSONSchemaProps, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const listType = s['x-kubernetes-list-type'];
  if (listType === 'set') {
    for (const i of repeats(list)) errs.push(goValueError('Duplicate value', at(path, i), list[i]));
  } else if (listType === 'map') {
    errs.push(...mapListErrors(list, s['x-kubernetes-list-map-keys'] ?? [], path));
  }
  const items = itemsSchema(s);
  if (items) list.forEach((item, i) => errs.push(...walk(item, items, at(path, i))));
  return errs;
}

/** A key that distinguishes scalars by type and compares objects and arrays by their JSON. */
function identity(v: unknown): string {
  if (v === undefined) return 'unspecified';
  if (Array.isArray(v) || isPlainObject(v)) return `json:${goJSON(v)}`;
  return `${v === null ? 'null' : typeof v}:${String(v)}`;
}

/** Indexes of the second appearance of each repeated value. */
function repeats(values: unknown[]): number[] {
  if (values.length <= 1) return [];
  const seen = new Map<string, number>();
  const out: number[] = [];
  values.forEach((v, i) => {
    const id = identity(v);
    const times = seen.get(id) ?? 0;
    if (times === 1) out.push(i);
    seen.set(id, times + 1);
  });
  return out;
}

function mapListErrors(list: unknown[], keyFields: string[], path: string): FieldError[] {
  const bad = list.findIndex((x) => x !== null && x !== undefined && !isPlainObject(x));
  if (bad >= 0) return [goValueError('Invalid value', at(path, bad), list[bad], 'must be an object for an array of list-type map')];
  if (list.length <= 1) return [];
  // One key field: compare its values (absent is its own value); several: compare the maps of those present.
  const keys = list.map((x) => {
    const item = isPlainObject(x) ? x : {};
    if (keyFields.length === 1) return hasOwn(item, keyFields[0]) ? item[keyFields[0]] : undefined;
    const key: Record<string, unknown> = {};
    for (const f of keyFields) if (hasOwn(item, f)) key[f] = item[f];
    return key;
  });
  return repeats(keys).map((i) => {
    const key = keys[i];
    const shown = keyFields.length !== 1 ? key : key === undefined ? {} : { [keyFields[0]]: key };
    return goValueError('Duplicate value', at(path, i), shown);
  });
}
