/**
 * ValidateCustomResourceDefinitionOpenAPISchema and specStandardValidatorV3 of apiextensions
 * validation.go: what OpenAPI v3 a CRD schema may use (no $ref, id, definitions, dependencies,
 * patternProperties, additionalItems, item arrays, null type, uniqueItems), where defaults are
 * forbidden (top-level apiVersion/kind/metadata), and the list/map type extensions.
 * Left out: compiling x-kubernetes-validations rules (CEL) and their cost estimates.
 */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import { invalidRaw } from './go-render.js';
import { goStrings } from './crd-internal.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const OPENAPI_V3_TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string'];
const META_FIELDS = ['metadata', 'kind', 'apiVersion'];
const VALIDATION_REASONS = ['FieldValueDuplicate', 'FieldValueForbidden', 'FieldValueInvalid', 'FieldValueRequired'];

const isObj = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSet = (v: unknown): boolean => v !== undefined && v !== null;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): any[] => (Array.isArray(v) ? v : []);
const nonEmpty = (m: unknown): boolean => (isObj(m) ? Object.keys(m).length > 0 : Array.isArray(m) && m.length > 0);

interface Ctx {
  allowDefaults: boolean;
  disallowDefaultsReason: string;
  insideResourceMeta: boolean;
}

export const ROOT_CTX: Ctx = { allowDefaults: true, disallowDefaultsReason: '', insideResourceMeta: false };
const withForbiddenDefaults = (c: Ctx, reason: string): Ctx => ({ ...c, allowDefaults: false, disallowDefaultsReason: reason });

/** specStandardValidatorV3.validate: the OpenAPI v3 features a CRD schema may not use. */
function standard(s: any, p: string, c: Ctx, errs: FieldError[]): void {
  const type = str(s.type);
  if (type && !OPENAPI_V3_TYPES.includes(type)) errs.push(fe.unsupported(`${p}.type`, type, OPENAPI_V3_TYPES));
  if (isSet(s.default) && !c.allowDefaults) {
    errs.push(fe.forbidden(`${p}.default`, c.disallowDefaultsReason ? `must not be set ${c.disallowDefaultsReason}` : 'must not be set'));
  }
  const forbid = (field: string): void => void errs.push(fe.forbidden(`${p}.${field}`, `${field} is not supported`));
  if (str(s.id)) forbid('id');
  if (isSet(s.additionalItems)) forbid('additionalItems');
  if (nonEmpty(s.patternProperties)) forbid('patternProperties');
  if (nonEmpty(s.definitions)) forbid('definitions');
  if (isSet(s.dependencies)) forbid('dependencies');
  if (isSet(s.$ref)) forbid('$ref');
  if (type === 'null') errs.push(fe.forbidden(`${p}.type`, 'type cannot be set to null, use nullable as an alternative'));
  if (Array.isArray(s.items) && s.items.length > 0) errs.push(fe.forbidden(`${p}.items`, 'items must be a schema object and not an array'));
  if (c.insideResourceMeta && s['x-kubernetes-embedded-resource'] === true) {
    errs.push(fe.forbidden(`${p}.x-kubernetes-embedded-resource`, 'must not be used inside of resource meta'));
  }
}

/** The x-kubernetes-map-type / list-type / list-map-keys rules. */
function listAndMapTypes(s: any, p: string, errs: FieldError[]): void {
  const type = str(s.type);
  const mapType = s['x-kubernetes-map-type'];
  const listType = s['x-kubernetes-list-type'];
  const keys: string[] = list(s['x-kubernetes-list-map-keys']);
  const items = isObj(s.items) ? s.items : undefined;
  const typed = (want: string, ext: string): FieldError => {
    const why = `must be ${want} if ${ext} is specified`;
    return type ? fe.invalid(`${p}.type`, type, why) : fe.required(`${p}.type`, why);
  };
  if (isSet(mapType) && type !== 'object') errs.push(typed('object', 'x-kubernetes-map-type'));
  if (isSet(mapType) && mapType !== 'atomic' && mapType !== 'granular') errs.push(fe.unsupported(`${p}.x-kubernetes-map-type`, mapType, ['atomic', 'granular']));
  if (isSet(listType) && type !== 'array') errs.push(typed('array', 'x-kubernetes-list-type'));
  else if (listType === 'set' && items) {
    const why = 'must be atomic as item of a list with x-kubernetes-list-type=set';
    if (items.type === 'array' && isSet(items['x-kubernetes-list-type']) && items['x-kubernetes-list-type'] !== 'atomic') {
      errs.push(fe.invalid(`${p}.items.x-kubernetes-list-type`, items['x-kubernetes-list-type'], why));
    }
    // Kubernetes reports the item's list type here (nil for an object), not its map type
    if (items.type === 'object' && items['x-kubernetes-map-type'] !== 'atomic') errs.push(fe.invalid(`${p}.items.x-kubernetes-map-type`, items['x-kubernetes-list-type'] ?? null, why));
  }
  if (isSet(listType) && !['atomic', 'set', 'map'].includes(listType)) errs.push(fe.unsupported(`${p}.x-kubernetes-list-type`, listType, ['atomic', 'set', 'map']));
  if (keys.length > 0) {
    const why = 'must be map if x-kubernetes-list-map-keys is non-empty';
    if (!isSet(listType)) errs.push(fe.required(`${p}.x-kubernetes-list-type`, why));
    else if (listType !== 'map') errs.push(fe.invalid(`${p}.x-kubernetes-list-type`, listType, why));
  }
  if (listType !== 'map') return;
  if (keys.length === 0) errs.push(fe.required(`${p}.x-kubernetes-list-map-keys`, 'must not be empty if x-kubernetes-list-type is map'));
  if (!isSet(s.items)) errs.push(fe.required(`${p}.items`, 'must have a schema if x-kubernetes-list-type is map'));
  if (Array.isArray(s.items)) errs.push(invalidRaw(`${p}.items`, '&apiextensions.JSONSchemaPropsOrArray{…}', 'must only have a single schema if x-kubernetes-list-type is map'));
  if (!items) return;
  if (items.type !== 'object') errs.push(fe.invalid(`${p}.items.type`, str(items.type), "must be object if parent array's x-kubernetes-list-type is map"));
  else {
    const seen = new Set<string>();
    for (const k of keys) {
      const prop = isObj(items.properties) ? items.properties[k] : undefined;
      if (!isObj(prop)) errs.push(invalidRaw(`${p}.x-kubernetes-list-map-keys`, goStrings(keys), 'entries must all be names of item properties'));
      else if (prop.type === 'array' || prop.type === 'object') {
        errs.push(fe.invalid(`${p}.items.properties[${k}].type`, 'object', "must be a scalar type if parent array's x-kubernetes-list-type is map"));
      }
      if (seen.has(k)) errs.push(invalidRaw(`${p}.x-kubernetes-list-map-keys`, goStrings(keys), 'must not contain duplicate entries'));
      seen.add(k);
    }
  }
}

/** validateMapListKeysMapSet: the items of set and map lists, and the keys of map lists. */
function mapListKeys(s: any, p: string, errs: FieldError[]): void {
  const listType = s['x-kubernetes-list-type'];
  const items = s.items;
  if (!isObj(items) || (listType !== 'set' && listType !== 'map')) return;
  if (items.nullable === true) errs.push(fe.forbidden(`${p}.items.nullable`, `cannot be nullable when x-kubernetes-list-type is ${listType}`));
  if (listType !== 'map') return;
  const required: string[] = list(items.required);
  for (const k of list(s['x-kubernetes-list-map-keys'])) {
    const prop = isObj(items.properties) ? items.properties[k] : undefined;
    if (!isObj(prop)) continue;
    if (!required.includes(k) && !isSet(prop.default)) {
      errs.push(fe.required(`${p}.items.properties[${k}].default`, 'this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property'));
    }
    if (prop.nullable === true) errs.push(fe.forbidden(`${p}.items.properties[${k}].nullable`, 'this property is in x-kubernetes-list-map-keys, so it cannot be nullable'));
  }
}

/** The static checks of x-kubernetes-validations entries (their rules are not compiled). */
function validationRules(s: any, p: string, errs: FieldError[]): void {
  list(s['x-kubernetes-validations']).forEach((r: any, i: number) => {
    const at = `${p}.x-kubernetes-validations[${i}]`;
    const rule = str(r?.rule).trim();
    const message = str(r?.message);
    if (!rule) errs.push(fe.required(`${at}.rule`, 'rule is not specified'));
    else if (message.length > 0 && !message.trim()) errs.push(fe.invalid(`${at}.message`, message, 'must be non-empty if specified'));
    else if (/[\n\r]/.test(message.trim())) errs.push(fe.invalid(`${at}.message`, message, 'must not contain line breaks'));
    else if (/[\n\r]/.test(rule) && !message.trim()) errs.push(fe.required(`${at}.message`, 'message must be specified if rule contains line breaks'));
    const messageExpression = str(r?.messageExpression);
    if (messageExpression.length > 0 && !messageExpression.trim()) errs.push(fe.required(`${at}.messageExpression`, 'messageExpression must be non-empty if specified'));
    if (isSet(r?.reason) && !VALIDATION_REASONS.includes(r.reason)) errs.push(fe.unsupported(`${at}.reason`, r.reason, VALIDATION_REASONS));
    const fieldPath = str(r?.fieldPath);
    if (fieldPath.length > 0 && !fieldPath.trim()) errs.push(fe.invalid(`${at}.fieldPath`, fieldPath, 'must be non-empty if specified'));
    if (/[\n\r]/.test(fieldPath)) errs.push(fe.invalid(`${at}.fieldPath`, fieldPath, 'must not contain line breaks'));
  });
}

/** ValidateCustomResourceDefinitionOpenAPISchema, recursively, in Kubernetes' order of checks. */
export function validateOpenAPISchema(s: any, p: string, c: Ctx, isRoot: boolean, errs: FieldError[] = []): FieldError[] {
  if (!isObj(s)) return errs;
  standard(s, p, c, errs);
  if (s.uniqueItems === true) errs.push(fe.forbidden(`${p}.uniqueItems`, 'uniqueItems cannot be set to true since the runtime complexity becomes quadratic'));
  const ap = s.additionalProperties;
  if (isSet(ap)) {
    if (nonEmpty(s.properties) && (ap === false || isObj(ap))) {
      errs.push(fe.forbidden(`${p}.additionalProperties`, 'additionalProperties and properties are mutual exclusive'));
    }
    const sub = c.insideResourceMeta ? withForbiddenDefaults(c, 'inside additionalProperties applying to object metadata') : c;
    validateOpenAPISchema(ap, `${p}.additionalProperties`, sub, false, errs);
  }
  for (const [k, v] of Object.entries(isObj(s.properties) ? s.properties : {})) {
    let sub = c;
    if ((isRoot || s['x-kubernetes-embedded-resource'] === true) && META_FIELDS.includes(k)) {
      sub = { ...sub, insideResourceMeta: true };
      if (isRoot) sub = withForbiddenDefaults(sub, `in top-level ${k}`);
    }
    validateOpenAPISchema(v, `${p}.properties[${k}]`, sub, false, errs);
  }
  validateOpenAPISchema(s.not, `${p}.not`, c, false, errs);
  for (const junctor of ['allOf', 'oneOf', 'anyOf']) list(s[junctor]).forEach((x, i) => validateOpenAPISchema(x, `${p}.${junctor}[${i}]`, c, false, errs));
  for (const [k, v] of Object.entries(isObj(s.definitions) ? s.definitions : {})) validateOpenAPISchema(v, `${p}.definitions[${k}]`, c, false, errs);
  if (isObj(s.items)) validateOpenAPISchema(s.items, `${p}.items`, c, false, errs);
  else list(s.items).forEach((x, i) => validateOpenAPISchema(x, `${p}.items[${i}]`, c, false, errs));
  for (const [k, v] of Object.entries(isObj(s.dependencies) ? s.dependencies : {})) validateOpenAPISchema(v, `${p}.dependencies[${k}]`, c, false, errs);
  if (s['x-kubernetes-preserve-unknown-fields'] === false) {
    errs.push(fe.invalid(`${p}.x-kubernetes-preserve-unknown-fields`, false, 'must be true or undefined'));
  }
  listAndMapTypes(s, p, errs);
  mapListKeys(s, p, errs);
  validationRules(s, p, errs);
  return errs;
}
