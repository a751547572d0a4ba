/** The strict field check and validation steps shared by create and update. */
import type { FieldValidation, WriteOptions } from '../api/client.js';
import { apiErrors } from '../api/errors.js';
import type { FieldError } from '../api/field-error.js';
import { type KindDef, apiVersionOf, schemaTypeIn } from '../api/kind.js';
import { checkStrict, dropUnknownFields, strictDecodingError } from '../api/schema/strict.js';
import type { KubeObject } from '../api/types.js';
import { validateObjectMeta, validateObjectMetaUpdate } from '../api/validation/meta.js';

/**
 * fieldValidation: Strict (default) rejects unknown/mistyped fields; Warn drops unknown fields and
 * reports them; Ignore drops them silently (the stored object never has them). A typed body (see
 * WriteOptions.typed) has none: nothing to check.
 */
export function schemaCheck(kind: KindDef, obj: KubeObject, opts: WriteOptions | undefined): string[] {
  if (opts?.typed) return [];
  const mode = opts?.fieldValidation ?? 'Strict';
  if (kind.unknownFields) return customFieldCheck(kind, obj, mode, opts);
  // the body's own version's schema (obj may be in another served version: versionSchemaTypes)
  const apiVersion = obj.apiVersion || apiVersionOf(kind);
  const type = schemaTypeIn(kind, apiVersion);
  if (mode === 'Ignore') {
    dropUnknownFields(obj, type);
    return [];
  }
  if (mode === 'Warn') {
    const warnings = dropUnknownFields(obj, type);
    for (const w of warnings) opts?.onWarning?.(w);
    return warnings;
  }
  const err = checkStrict(obj, type, kind.kind, apiVersion.slice(apiVersion.indexOf('/') + 1));
  if (err) throw err;
  return [];
}

/** schemaCheck for a kind checked by its own schema (custom resources): unknown fields only. */
function customFieldCheck(kind: KindDef, obj: KubeObject, mode: FieldValidation, opts: WriteOptions | undefined): string[] {
  const unknown = kind.unknownFields!(obj, mode !== 'Strict');
  if (unknown.length === 0 || mode === 'Ignore') return [];
  if (mode === 'Warn') {
    for (const w of unknown) opts?.onWarning?.(w);
    return unknown;
  }
  throw strictDecodingError(kind.kind, kind.version, unknown);
}

/** Meta and kind validation; throws 422 Invalid with every cause. */
export function validateObject(kind: KindDef, obj: KubeObject, old?: KubeObject): void {
  const errs: FieldError[] = validateObjectMeta(obj.metadata, { namespaced: kind.namespaced, nameRule: kind.nameRule });
  if (old) errs.push(...validateObjectMetaUpdate(obj.metadata, old.metadata));
  errs.push(...(kind.validate?.(obj) ?? []));
  if (old) errs.push(...(kind.validateUpdate?.(obj, old) ?? []));
  if (errs.length > 0) throw apiErrors.invalid(kind.kind, kind.group, obj.metadata.name ?? obj.metadata.generateName ?? '', errs);
}
