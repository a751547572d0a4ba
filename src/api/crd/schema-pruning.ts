/**
 * Structural pruning (apiextensions pkg/apiserver/schema/pruning): the fields of a custom resource its schema
 * does not declare, which strict field validation reports (`unknown field "spec.extra"`) and the decoder drops.
 *
 * - A property of the schema is kept and pruned inside; with additionalProperties (a schema, or true) every key
 *   is kept and its value pruned against that schema (against nothing when it is true: an object value loses
 *   all its fields). Anything else is unknown.
 * - x-kubernetes-preserve-unknown-fields keeps unknown keys at that level (and in its items), while known
 *   properties are still pruned inside.
 * - The root, and every x-kubernetes-embedded-resource object, keeps apiVersion, kind and metadata untouched
 *   (their metadata is pruned to ObjectMeta elsewhere).
 * - Array items are pruned against `items`; without it, objects in the array lose all their fields.
 *
 * Paths read `spec.items[0].x`, map keys as `.key`. Kubernetes sorts them (sort.Strings) before reporting,
 * so the result is in that order, not in document order.
 */
import { additionalSchema, hasOwn, itemsSchema, type JSONSchemaProps } from './json-schema.js';
import { compareGoStrings, isPlainObject } from './go-values.js';

const META_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

interface Walk {
  drop: boolean;
  found: string[];
}

const keyPath = (parent: string, key: string): string => (parent ? `${parent}.${key}` : key);

/**
 * The `unknown field "<path>"` messages for `obj` against `schema`, sorted as Kubernetes sorts them; with
 * `drop`, the unknown fields are also deleted from `obj`.
 */
export function unknownFields(obj: unknown, schema: JSONSchemaProps, opts: { drop: boolean }): string[] {
  const w: Walk = { drop: opts.drop, found: [] };
  prune(obj, schema, '', w, true);
  return [...new Set(w.found)].sort(compareGoStrings).map((p) => `unknown field "${p}"`);
}

/** The schema a map key's value is pruned against: its property, additionalProperties, or none at all. */
function fieldSchema(s: JSONSchemaProps, key: string): { known: boolean; schema?: JSONSchemaProps } {
  if (s.properties && hasOwn(s.properties, key)) return { known: true, schema: s.properties[key] };
  if (s.additionalProperties !== undefined) return { known: true, schema: additionalSchema(s) };
  return { known: false };
}

function prune(x: unknown, s: JSONSchemaProps | undefined, path: string, w: Walk, embedded = false): void {
  if (s?.['x-kubernetes-preserve-unknown-fields'] === true) {
    skipPrune(x, s, path, w, embedded);
    return;
  }
  if (isPlainObject(x)) {
    const keepMeta = embedded || s?.['x-kubernetes-embedded-resource'] === true;
    for (const k of Object.keys(x)) {
      if (s && keepMeta && META_FIELDS.has(k)) continue;
      const f = s ? fieldSchema(s, k) : { known: false };
      if (f.known) {
        prune(x[k], f.schema, keyPath(path, k), w);
        continue;
      }
      // The root's apiVersion/kind/metadata are never reported, even where the schema is missing.
      if (!META_FIELDS.has(k) || path !== '') w.found.push(keyPath(path, k));
      if (w.drop) delete x[k];
    }
  } else if (Array.isArray(x)) {
    x.forEach((item, i) => prune(item, itemsSchema(s), `${path}[${i}]`, w));
  }
}

/** Below x-kubernetes-preserve-unknown-fields: unknown keys stay, known ones are pruned as usual. */
function skipPrune(x: unknown, s: JSONSchemaProps, path: string, w: Walk, embedded: boolean): void {
  if (isPlainObject(x)) {
    const keepMeta = embedded || s['x-kubernetes-embedded-resource'] === true;
    for (const k of Object.keys(x)) {
      if (keepMeta && META_FIELDS.has(k)) continue;
      const f = fieldSchema(s, k);
      if (f.known) prune(x[k], f.schema, keyPath(path, k), w);
    }
  } else if (Array.isArray(x)) {
    const items = itemsSchema(s);
    if (items) x.forEach((item, i) => skipPrune(item, items, `${path}[${i}]`, w, false));
  }
}
