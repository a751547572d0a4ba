import { compareGoStrings } from '../../api/crd/go-values.js';
import type { JSONSchemaProps } from '../../api/crd/json-schema.js';
import { typeFieldList, typeOutput } from './builtin-body.js';
import { crdDocSchema, type DocSchema, enumStrings, present, typeGuess } from './custom-schema-view.js';
import { descriptionBlock, fieldDetail, fieldHead, joinDescriptions } from './layout.js';
import { FieldNotFoundError, typeDescription } from './schema-view.js';

/**
 * explain's body for a custom resource, from its CRD version's schema as the OpenAPI v3 document
 * serves it (custom-schema-view.ts), following kubectl 1.32's plaintext template step by step:
 * "output" walks the field path (a property, else through items, additionalProperties and the
 * allOf alternatives), "description" joins a schema's description with those it leads to, and
 * "fieldList" lists properties sorted (with --recursive, their own fields two spaces deeper).
 * The ObjectMeta that metadata references is explained from the built-in docs, as for pods.
 */
export function customOutput(schema: JSONSchemaProps, path: string[], recursive: boolean): string {
  const out = output(crdDocSchema(schema), path, recursive);
  // the template's "schema": no output means the path left the schema
  if (!out) throw new FieldNotFoundError(path[path.length - 1]);
  return out;
}

/**
 * The template's "output". Its history of references (against cycles) needs no keeping here: the
 * only references are to built-in types, whose walk typeOutput does.
 */
function output(s: DocSchema, path: string[], recursive: boolean): string {
  if (s.$ref) return refOutput(s.$ref, path, recursive);
  if (path.length === 0) return descriptionBlock(description(s), fieldList(s, 1, recursive));
  const [name, ...rest] = path;
  const sub = s.properties?.[name];
  if (present(sub)) {
    const head = rest.length === 0 ? fieldHead(name, typeGuess(sub), enumStrings(sub.enum)) : '';
    return head + output(sub, rest, recursive);
  }
  if (present(s.items)) return output(s.items, path, recursive);
  if (present(s.additionalProperties)) return output(s.additionalProperties, path, recursive);
  for (const alternative of s.allOf ?? []) {
    const out = output(alternative, path, recursive);
    if (out) return out;
  }
  return '';
}

/** A referenced built-in type: its docs, or the walk on through its fields ('' when the path leaves them). */
function refOutput(type: string, path: string[], recursive: boolean): string {
  try {
    return typeOutput(type, path, recursive);
  } catch (err) {
    if (err instanceof FieldNotFoundError) return '';
    throw err;
  }
}

/** The template's "description": the schema's own, then those of its allOf, items and additionalProperties. */
function description(s: DocSchema): string {
  if (s.$ref) return joinDescriptions(typeDescription(s.$ref));
  let out = joinDescriptions(s.description ?? '');
  for (const alternative of s.allOf ?? []) out += description(alternative);
  if (present(s.items)) out += description(s.items);
  if (present(s.additionalProperties)) out += description(s.additionalProperties);
  return out;
}

function fieldList(s: DocSchema, level: number, recursive: boolean): string {
  if (s.$ref) return typeFieldList(s.$ref, level, recursive, new Set([s.$ref]));
  let out = '';
  const props = s.properties ?? {};
  // Go templates range over a map in sorted key order
  for (const name of Object.keys(props).sort(compareGoStrings)) {
    const field = props[name];
    out += fieldDetail({
      name,
      typeName: typeGuess(field),
      required: s.required?.includes(name) ?? false,
      enum: enumStrings(field.enum),
      description: field.description ?? '',
    }, level, recursive);
    if (recursive) out += fieldList(field, level + 1, recursive);
  }
  for (const alternative of s.allOf ?? []) out += fieldList(alternative, level, recursive);
  if (present(s.items)) out += fieldList(s.items, level, recursive);
  if (present(s.additionalProperties)) out += fieldList(s.additionalProperties, level, recursive);
  return out;
}
