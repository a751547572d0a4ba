/**
 * The schema validation the API server runs on a custom resource (1.32): kube-openapi's validator against the
 * version's openAPIV3Schema, turned into field errors as apiextensions does (ValidateCustomResource), followed
 * by the x-kubernetes-list-type set/map checks (listtype.ValidateListSetsAndMaps), as the custom resource
 * strategy appends them. For `{spec: {replicas: "x"}}` against `replicas: {type: integer}`:
 *
 *   spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"
 *
 * Not done here: apiVersion, kind and metadata at the root (validated as ObjectMeta/TypeMeta elsewhere), the
 * metadata of embedded resources, x-kubernetes-validations (CEL), and ratcheting of unchanged fields on update.
 * The caller prunes unknown fields, drops non-nullable nulls and applies defaults first, as the decoder does.
 */
import type { FieldError } from '../field-error.js';
import type { JSONSchemaProps } from './json-schema.js';
import { validateListTypes } from './list-type-validation.js';
import { validateValue } from './openapi-validator.js';
import { toFieldError } from './schema-field-errors.js';

/**
 * The field errors of `value` (a whole custom resource) against `schema`. `path` prefixes the fields, as the
 * fldPath argument of ValidateCustomResource (the API server passes none, so errors without a field of their
 * own, the allOf/anyOf/oneOf/not ones, read `<nil>: Invalid value: "": …`).
 */
export function validateAgainstSchema(value: unknown, schema: JSONSchemaProps, path?: string): FieldError[] {
  const result = validateValue(schema, value ?? null, '', true);
  return [...result.errors.map((e) => toFieldError(e, path)), ...validateListTypes(value, schema, path)];
}
