/**
 * ValidateStructural of apiextensions-apiserver (pkg/apiserver/schema/validation.go): a CRD schema
 * in apiextensions.k8s.io/v1 must be structural — every specified field has a type (unless it
 * preserves unknown fields or is int-or-string), metadata at the root only restricts name and
 * generateName, and the logic junctors (allOf, anyOf, oneOf, not) only add value validation.
 * Kubernetes sorts these errors by their text (they come from map iteration), and so do we.
 * Left out: validateStructuralCompleteness and the regular-expression check of `pattern` (Go's RE2
 * wording cannot be reproduced).
 */
import { type FieldError, fieldErrors as fe, formatFieldError } from '../field-error.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

type Level = 'root' | 'item' | 'field';

const isObj = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSet = (v: unknown): boolean => v !== undefined && v !== null;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const entries = (m: unknown): [string, any][] => (isObj(m) ? Object.entries(m) : []);

const EMPTY_TYPE: Record<Level, string> = {
  root: 'must not be empty at the root',
  item: 'must not be empty for specified array items',
  field: 'must not be empty for specified object fields',
};

/** The int-or-string patterns that may carry types under anyOf: [{type: integer}, {type: string}]. */
function isIntOrStringAnyOf(anyOf: unknown): boolean {
  if (!Array.isArray(anyOf) || anyOf.length !== 2) return false;
  return ['integer', 'string'].every((t, i) => isObj(anyOf[i]) && Object.keys(anyOf[i]).length === 1 && anyOf[i].type === t);
}

function invariants(s: any, lvl: Level, p: string, errs: FieldError[]): void {
  if (!isObj(s)) return;
  const type = str(s.type);
  const intOrString = s['x-kubernetes-int-or-string'] === true;
  const preserve = s['x-kubernetes-preserve-unknown-fields'] === true;
  const embedded = s['x-kubernetes-embedded-resource'] === true;

  if (type === 'array' && !isSet(s.items)) errs.push(fe.required(`${p}.items`, 'must be specified'));
  invariants(s.items, 'item', `${p}.items`, errs);
  for (const [k, v] of entries(s.properties)) invariants(v, 'field', `${p}.properties[${k}]`, errs);
  if (isSet(s.additionalProperties)) {
    if (lvl === 'root') errs.push(fe.forbidden(`${p}.additionalProperties`, 'must not be used at the root'));
    invariants(s.additionalProperties, 'field', `${p}.additionalProperties`, errs);
  }

  if (intOrString && preserve) errs.push(fe.invalid(`${p}.x-kubernetes-preserve-unknown-fields`, true, 'must be false if x-kubernetes-int-or-string is true'));
  if (intOrString && embedded) errs.push(fe.invalid(`${p}.x-kubernetes-embedded-resource`, true, 'must be false if x-kubernetes-int-or-string is true'));

  const skipFirstAllOfAnyOf = Array.isArray(s.allOf) && isObj(s.allOf[0]) && isIntOrStringAnyOf(s.allOf[0].anyOf);
  junctors(s, isIntOrStringAnyOf(s.anyOf), skipFirstAllOfAnyOf, lvl, p, errs);

  if (embedded && type !== 'object') {
    const why = 'must be object if x-kubernetes-embedded-resource is true';
    errs.push(type ? fe.invalid(`${p}.type`, type, why) : fe.required(`${p}.type`, why));
  } else if (!type && !intOrString && !preserve) {
    errs.push(fe.required(`${p}.type`, EMPTY_TYPE[lvl]));
  }
  if (embedded && isSet(s.additionalProperties)) {
    errs.push(fe.forbidden(`${p}.additionalProperties`, 'must not be used if x-kubernetes-embedded-resource is set'));
  }
  if (lvl === 'root' && type && type !== 'object') errs.push(fe.invalid(`${p}.type`, type, 'must be object at the root'));

  const checkMetadata = lvl === 'root' || embedded;
  for (const key of ['kind', 'apiVersion']) {
    const prop = isObj(s.properties) ? s.properties[key] : undefined;
    if (isSet(prop) && checkMetadata && str(prop?.type) !== 'string') {
      errs.push(fe.invalid(`${p}.properties[${key}].type`, str(prop?.type), 'must be string'));
    }
  }
  if (isObj(s.properties) && isSet(s.properties.metadata)) metadataInvariants(s.properties.metadata, checkMetadata, lvl, `${p}.properties[metadata]`, errs);
  if (embedded && !preserve && entries(s.properties).length === 0) {
    errs.push(fe.required(`${p}.properties`, 'must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields'));
  }
}

/** Fields whose false value is Go's zero value (plain bools in the structural schema). */
const FALSE_IS_ZERO = ['nullable', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-embedded-resource', 'x-kubernetes-int-or-string', 'exclusiveMaximum', 'exclusiveMinimum', 'uniqueItems'];

/** At the root, metadata may only be `type: object` with properties name and/or generateName. */
function metadataInvariants(m: any, checkMetadata: boolean, lvl: Level, p: string, errs: FieldError[]): void {
  if (checkMetadata && str(m?.type) !== 'object') errs.push(fe.invalid(`${p}.type`, str(m?.type), 'must be object'));
  if (lvl !== 'root' || !isObj(m)) return;
  const props = Object.keys(isObj(m.properties) ? m.properties : {});
  const onlyNames = props.length > 0 && props.every((k) => k === 'name' || k === 'generateName');
  const rest = Object.entries(m).filter(([k, v]) => {
    if (k === 'type' || k === 'default' || !isSet(v)) return false;
    if (k === 'properties') return !onlyNames && props.length > 0;
    if (v === false && FALSE_IS_ZERO.includes(k)) return false;
    return !(v === '' && ['description', 'title', 'format', 'pattern'].includes(k));
  });
  if (rest.length > 0) errs.push(fe.forbidden(p, 'must not specify anything other than name and generateName, but metadata is implicitly specified'));
}

/** validateValueValidation: the schemas under allOf, anyOf, oneOf and not. */
function junctors(s: any, skipAnyOf: boolean, skipFirstAllOfAnyOf: boolean, lvl: Level, p: string, errs: FieldError[]): void {
  if (!skipAnyOf) (Array.isArray(s.anyOf) ? s.anyOf : []).forEach((x: any, i: number) => nested(x, false, lvl, `${p}.anyOf[${i}]`, errs));
  (Array.isArray(s.allOf) ? s.allOf : []).forEach((x: any, i: number) => nested(x, skipFirstAllOfAnyOf && i === 0, lvl, `${p}.allOf[${i}]`, errs));
  (Array.isArray(s.oneOf) ? s.oneOf : []).forEach((x: any, i: number) => nested(x, false, lvl, `${p}.oneOf[${i}]`, errs));
  nested(s.not, false, lvl, `${p}.not`, errs);
}

/** validateNestedValueValidation: a junctor schema may only validate values, never shape them. */
function nested(v: any, skipAnyOf: boolean, lvl: Level, p: string, errs: FieldError[]): void {
  if (!isObj(v)) return;
  junctors(v, skipAnyOf, false, lvl, p, errs);
  nested(v.items, false, lvl, `${p}.items`, errs);
  for (const [k, x] of entries(v.properties)) nested(x, false, 'field', `${p}.properties[${k}]`, errs);
  const forbid = (field: string, detail: string): void => void errs.push(fe.forbidden(`${p}.${field}`, detail));
  if (str(v.type)) forbid('type', 'must be empty to be structural');
  if (isSet(v.additionalProperties)) forbid('additionalProperties', 'must be undefined to be structural');
  if (isSet(v.default)) forbid('default', 'must be undefined to be structural');
  if (str(v.title)) forbid('title', 'must be empty to be structural');
  if (str(v.description)) forbid('description', 'must be empty to be structural');
  if (v.nullable === true) forbid('nullable', 'must be false to be structural');
  if (v['x-kubernetes-preserve-unknown-fields'] === true) forbid('x-kubernetes-preserve-unknown-fields', 'must be false to be structural');
  if (v['x-kubernetes-embedded-resource'] === true) forbid('x-kubernetes-embedded-resource', 'must be false to be structural');
  if (v['x-kubernetes-int-or-string'] === true) forbid('x-kubernetes-int-or-string', 'must be false to be structural');
  if (Array.isArray(v['x-kubernetes-list-map-keys']) && v['x-kubernetes-list-map-keys'].length > 0) forbid('x-kubernetes-list-map-keys', 'must be empty to be structural');
  if (isSet(v['x-kubernetes-list-type'])) forbid('x-kubernetes-list-type', 'must be undefined to be structural');
  if (isSet(v['x-kubernetes-map-type'])) forbid('x-kubernetes-map-type', 'must be undefined to be structural');
  if (Array.isArray(v['x-kubernetes-validations']) && v['x-kubernetes-validations'].length > 0) forbid('x-kubernetes-validations', 'must be empty to be structural');
  if (isObj(v.properties) && isSet(v.properties.metadata)) forbid('properties[metadata]', 'must not be specified in a nested context');
}

/** ValidateStructural(fldPath, NewStructural(schema)), sorted as Kubernetes sorts them. */
export function validateStructural(schema: any, p: string): FieldError[] {
  const errs: FieldError[] = [];
  invariants(schema, 'root', p, errs);
  const text = new Map(errs.map((e) => [e, formatFieldError(e)]));
  return errs.sort((a, b) => (text.get(a)! < text.get(b)! ? -1 : text.get(a)! > text.get(b)! ? 1 : 0));
}
