/**
 * Validation of the parts of a CRD version (or of their top-level, hoisted form): the schema block
 * (ValidateCustomResourceDefinitionValidation), subresources, printer columns, selectable fields and
 * the deprecation warning, worded as apiextensions validation.go words them.
 */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import { invalidRaw } from './go-render.js';
import { validateStructural } from './crd-schema-structural.js';
import { ROOT_CTX, validateOpenAPISchema } from './crd-schema-openapi.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const isObj = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSet = (v: unknown): boolean => v !== undefined && v !== null;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

// ---- the schema block ----

/** JSONSchemaProps fields in Go struct order; the status subresource allows only some at the root. */
const SCHEMA_FIELDS = ['ID', 'Schema', 'Ref', 'Description', 'Type', 'Nullable', 'Format', 'Title', 'Default', 'Maximum',
  'ExclusiveMaximum', 'Minimum', 'ExclusiveMinimum', 'MaxLength', 'MinLength', 'Pattern', 'MaxItems', 'MinItems', 'UniqueItems',
  'MultipleOf', 'Enum', 'MaxProperties', 'MinProperties', 'Required', 'Items', 'AllOf', 'OneOf', 'AnyOf', 'Not', 'Properties',
  'AdditionalProperties', 'PatternProperties', 'Dependencies', 'AdditionalItems', 'Definitions', 'ExternalDocs', 'Example',
  'XPreserveUnknownFields', 'XEmbeddedResource', 'XIntOrString', 'XListMapKeys', 'XListType', 'XMapType', 'XValidations'];
const ALLOWED_AT_ROOT = ['Description', 'Type', 'Format', 'Title', 'Maximum', 'ExclusiveMaximum', 'Minimum', 'ExclusiveMinimum',
  'MaxLength', 'MinLength', 'Pattern', 'MaxItems', 'MinItems', 'UniqueItems', 'MultipleOf', 'Required', 'Items', 'Properties',
  'ExternalDocs', 'Example', 'XPreserveUnknownFields', 'XValidations'];
const PLAIN_BOOLS = ['Nullable', 'ExclusiveMaximum', 'ExclusiveMinimum', 'UniqueItems', 'XEmbeddedResource', 'XIntOrString'];
const PLAIN_STRINGS = ['ID', 'Schema', 'Description', 'Type', 'Format', 'Title', 'Pattern'];

function jsonName(goName: string): string {
  if (goName === 'ID') return 'id';
  if (goName === 'Schema' || goName === 'Ref') return `$${goName.toLowerCase()}`;
  if (goName.startsWith('X')) return `x-kubernetes-${goName.slice(1).replace(/(?<=.)([A-Z])/g, '-$1').toLowerCase()}`;
  return goName[0].toLowerCase() + goName.slice(1);
}

/** Go's zero value test of a struct field (false and "" are zero only for non-pointer fields). */
function isZero(goName: string, v: unknown): boolean {
  if (!isSet(v)) return true;
  if (v === false) return PLAIN_BOOLS.includes(goName);
  return v === '' && PLAIN_STRINGS.includes(goName);
}

/** With the status subresource, status' schema is properties[status]: the root may only shape the object. */
function rootForStatus(schema: any, p: string, errs: FieldError[]): void {
  for (const goName of SCHEMA_FIELDS) {
    const v = schema[jsonName(goName)];
    if (isZero(goName, v)) continue;
    if (goName === 'Type') {
      if (v === 'object') continue;
      errs.push(fe.invalid(`${p}.openAPIV3Schema.type`, v, 'only "object" is allowed as the type at the root of the schema if the status subresource is enabled'));
      return;
    }
    if (!ALLOWED_AT_ROOT.includes(goName)) {
      errs.push(invalidRaw(`${p}.openAPIV3Schema`, 'apiextensions.JSONSchemaProps{…}',
        `only [${ALLOWED_AT_ROOT.join(' ')}] fields are allowed at the root of the schema if the status subresource is enabled`));
      return;
    }
  }
}

/**
 * ValidateCustomResourceDefinitionValidation (`p` is spec.validation or spec.versions[i].schema).
 * Left out: validating defaults against their schema and building the schema validator.
 */
export function validateSchemaBlock(validation: any, statusEnabled: boolean, requireStructural: boolean, p: string): FieldError[] {
  const errs: FieldError[] = [];
  const schema = validation?.openAPIV3Schema;
  if (!isObj(schema)) return errs;
  if (statusEnabled) rootForStatus(schema, p, errs);
  if (schema.nullable === true) errs.push(fe.forbidden(`${p}.openAPIV3Schema.nullable`, 'nullable cannot be true at the root'));
  if (requireStructural) errs.push(...validateStructural(schema, `${p}.openAPIV3Schema`));
  return validateOpenAPISchema(schema, `${p}.openAPIV3Schema`, ROOT_CTX, true, errs);
}

// ---- subresources and printer columns ----

/** validateSimpleJSONPath. */
function simpleJSONPath(s: string, p: string): FieldError[] {
  if (s.length === 0) return [fe.invalid(p, s, 'must not be empty')];
  if (!s.startsWith('.')) return [fe.invalid(p, s, 'must be a simple json path starting with .')];
  return [];
}

/** ValidateCustomResourceDefinitionSubresources. */
export function validateSubresources(sub: any, p: string): FieldError[] {
  const scale = isObj(sub) ? sub.scale : undefined;
  if (!isObj(scale)) return [];
  const errs: FieldError[] = [];
  const path = (field: string, prefixes: string[], why: string): void => {
    const value = str(scale[field]);
    const at = `${p}.scale.${field}`;
    if (!value) {
      if (field !== 'labelSelectorPath') errs.push(fe.required(at, ''));
      return;
    }
    const bad = simpleJSONPath(value, at);
    if (bad.length > 0) errs.push(...bad);
    else if (!prefixes.some((pre) => value.startsWith(pre))) errs.push(fe.invalid(at, value, why));
  };
  path('specReplicasPath', ['.spec.'], 'should be a json path under .spec');
  path('statusReplicasPath', ['.status.'], 'should be a json path under .status');
  path('labelSelectorPath', ['.spec.', '.status.'], 'should be a json path under either .spec or .status');
  return errs;
}

const PRINTER_TYPES = ['boolean', 'date', 'integer', 'number', 'string'];
const PRINTER_FORMATS = ['byte', 'date', 'date-time', 'double', 'float', 'int32', 'int64', 'password'];

/** ValidateCustomResourceColumnDefinition (its path child is `JSONPath`, the internal field name). */
export function validateColumn(col: any, p: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!str(col?.name)) errs.push(fe.required(`${p}.name`, ''));
  const type = str(col?.type);
  const types = `must be one of ${PRINTER_TYPES.join(',')}`;
  if (!type) errs.push(fe.required(`${p}.type`, types));
  else if (!PRINTER_TYPES.includes(type)) errs.push(fe.invalid(`${p}.type`, type, types));
  const format = str(col?.format);
  if (format && !PRINTER_FORMATS.includes(format)) errs.push(fe.invalid(`${p}.format`, format, `must be one of ${PRINTER_FORMATS.join(',')}`));
  const jsonPath = str(col?.jsonPath);
  if (!jsonPath) errs.push(fe.required(`${p}.JSONPath`, ''));
  else errs.push(...simpleJSONPath(jsonPath, `${p}.JSONPath`));
  return errs;
}

// ---- selectable fields and deprecation warnings ----

export const MAX_SELECTABLE_FIELDS = 8;

/** The schema a simple `.a.b` path names, or undefined when it names none. */
function resolveField(schema: any, path: string): any {
  if (!path.startsWith('.')) return undefined;
  let node = schema;
  for (const part of path.slice(1).split('.')) {
    node = isObj(node?.properties) ? node.properties[part] : undefined;
    if (!isObj(node)) return undefined;
  }
  return node;
}

/**
 * ValidateCustomResourceSelectableFields. Left out: the wording of cel.ValidFieldPath for a path
 * that names no field (such a path is not reported here).
 */
export function validateSelectableFields(fields: any[], schema: any, p: string): FieldError[] {
  const errs: FieldError[] = [];
  const unique = new Set<string>();
  fields.forEach((f, i) => {
    const at = `${p}[${i}].jsonPath`;
    const path = str(f?.jsonPath);
    if (!path) return void errs.push(fe.required(at, ''));
    const found = resolveField(schema, path);
    if (!found) return;
    if (path.split('.')[1] === 'metadata') errs.push(fe.invalid(at, path, 'must not point to fields in metadata'));
    if (!['string', 'boolean', 'integer'].includes(found.type)) {
      errs.push(fe.invalid(at, path, 'must point to a field of type string, boolean or integer. Enum string fields and strings with formats are allowed.'));
    }
    if (unique.has(path)) errs.push(fe.duplicate(at, path));
    unique.add(path);
  });
  if (unique.size > MAX_SELECTABLE_FIELDS) errs.push(fe.tooMany(p, unique.size, MAX_SELECTABLE_FIELDS));
  return errs;
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** ValidateDeprecationWarning (lengths and indexes in bytes, as Go counts them). */
export function deprecationWarningErrors(deprecated: boolean, warning: string | undefined): string[] {
  if (!deprecated && warning !== undefined) return ['can only be set for deprecated versions'];
  if (warning === undefined) return [];
  const errs: string[] = [];
  if (Buffer.byteLength(warning) > 256) errs.push('must be <= 256 characters long');
  if (warning.length === 0) errs.push('must not be an empty string');
  let at = 0;
  for (const ch of warning) {
    if (!PRINTABLE.test(ch)) {
      errs.push(`must only contain printable UTF-8 characters; non-printable character found at index ${at}`);
      break;
    }
    at += Buffer.byteLength(ch);
  }
  return errs;
}
