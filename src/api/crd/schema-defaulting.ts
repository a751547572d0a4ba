/**
 * Structural defaulting (apiextensions pkg/apiserver/schema/defaulting), as the API server applies it to custom
 * resources after decoding (and after pruning).
 *
 * - A property with a `default` that is missing, or null while not nullable, gets a deep copy of the default.
 * - Defaulting then descends into every present value (defaults included, so a defaulted object gets its own
 *   properties' defaults), map values through additionalProperties and array items through items; a null map
 *   value or item that is not nullable gets its schema's default too. Nothing absent is descended into.
 * - `default: null` counts as no default. Defaults under allOf/anyOf/oneOf/not are not applied (CRD validation
 *   forbids them there).
 */
import { additionalSchema, hasOwn, itemsSchema, type JSONSchemaProps } from './json-schema.js';
import { compareGoStrings, deepCopyJSON, isPlainObject } from './go-values.js';

const hasDefault = (s: JSONSchemaProps | undefined): s is JSONSchemaProps => s?.default !== undefined && s.default !== null;
const nonNullableNull = (v: unknown, s: JSONSchemaProps | undefined): boolean => v === null && s !== undefined && !s.nullable;

/** Applies the schema's defaults to `obj` in place. */
export function applyDefaults(obj: unknown, schema: JSONSchemaProps | undefined): void {
  if (!schema) return;
  if (isPlainObject(obj)) {
    const props = schema.properties ?? {};
    for (const k of Object.keys(props).sort(compareGoStrings)) {
      const prop = props[k];
      if (!hasDefault(prop)) continue;
      if (!hasOwn(obj, k) || obj[k] === undefined || nonNullableNull(obj[k], prop)) obj[k] = deepCopyJSON(prop.default);
    }
    const ap = additionalSchema(schema);
    for (const k of Object.keys(obj)) {
      if (hasOwn(props, k)) {
        applyDefaults(obj[k], props[k]);
      } else if (ap) {
        if (hasDefault(ap) && nonNullableNull(obj[k], ap)) obj[k] = deepCopyJSON(ap.default);
        applyDefaults(obj[k], ap);
      }
    }
  } else if (Array.isArray(obj)) {
    const items = itemsSchema(schema);
    if (!items) return;
    obj.forEach((item, i) => {
      if (hasDefault(items) && nonNullableNull(item, items)) obj[i] = deepCopyJSON(items.default);
      applyDefaults(obj[i], items);
    });
  }
}

/**
 * PruneNonNullableNullsWithoutDefaults, which the decoder runs after pruning and before defaulting: a null
 * map value whose schema is neither nullable nor defaulted is removed (so validation never sees it). Nulls
 * in arrays stay. A null that has a default is left for applyDefaults.
 */
export function pruneNonNullableNulls(obj: unknown, schema: JSONSchemaProps | undefined): void {
  if (isPlainObject(obj)) {
    for (const k of Object.keys(obj)) {
      const s = schema?.properties && hasOwn(schema.properties, k) ? schema.properties[k] : additionalSchema(schema);
      if (obj[k] === null && s !== undefined && !s.nullable && !hasDefault(s)) delete obj[k];
      else pruneNonNullableNulls(obj[k], s);
    }
  } else if (Array.isArray(obj)) {
    for (const item of obj) pruneNonNullableNulls(item, itemsSchema(schema));
  }
}
