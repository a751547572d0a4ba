/** ObjectMeta validation on create and update (apimachinery api/validation/objectmeta.go + core's finalizer rule). */
import { type FieldError, fieldErrors } from '../field-error.js';
import type { ObjectMeta, OwnerReference } from '../types.js';
import { validateAnnotations, validateLabels, qualifiedNameErrors } from './labels.js';
import { dns1123LabelErrors, type NameRule, nameErrors } from './names.js';

export interface ObjectMetaOptions {
  namespaced: boolean;
  nameRule: NameRule;
}

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** schema.FromAPIVersionAndKind's version part ('' when apiVersion does not parse). */
function versionOf(apiVersion: string): string {
  if (!apiVersion) return '';
  const parts = apiVersion.split('/');
  if (parts.length === 1) return parts[0];
  if (parts.length === 2) return parts[1];
  return '';
}

export function validateOwnerReferences(refs: OwnerReference[] | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    if (!versionOf(ref.apiVersion ?? '')) errs.push(fieldErrors.invalid(`${field}.apiVersion`, ref.apiVersion ?? '', 'version must not be empty'));
    if (!ref.kind) errs.push(fieldErrors.invalid(`${field}.kind`, ref.kind ?? '', 'must not be empty'));
    if (!ref.name) errs.push(fieldErrors.invalid(`${field}.name`, ref.name ?? '', 'must not be empty'));
    if (!ref.uid) errs.push(fieldErrors.invalid(`${field}.uid`, ref.uid ?? '', 'must not be empty'));
    if (ref.controller === true) {
      const current = `${ref.kind}/${ref.name}`;
      if (firstController) {
        errs.push(
          fieldErrors.invalid(
            field,
            refs,
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`,
          ),
        );
      } else {
        firstController = current;
      }
    }
  }
  return errs;
}

/** ValidateFinalizers plus core's rule that unqualified names must be standard finalizers. */
export function validateFinalizers(finalizers: string[] | undefined, field: string): FieldError[] {
  if (!finalizers) return [];
  const errs: FieldError[] = [];
  for (const f of finalizers) for (const m of qualifiedNameErrors(f)) errs.push(fieldErrors.invalid(field, f, m));
  if (finalizers.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    errs.push(fieldErrors.invalid(field, finalizers, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  finalizers.forEach((f, i) => {
    if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      errs.push(fieldErrors.invalid(`${field}[${i}]`, f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  });
  return errs;
}

function validateCommon(meta: ObjectMeta, field: string): FieldError[] {
  return [
    ...validateLabels(meta.labels, `${field}.labels`),
    ...validateAnnotations(meta.annotations, `${field}.annotations`),
    ...validateOwnerReferences(meta.ownerReferences, `${field}.ownerReferences`),
    ...validateFinalizers(meta.finalizers, `${field}.finalizers`),
  ];
}

/** ValidateObjectMeta for a new object. */
export function validateObjectMeta(meta: ObjectMeta | undefined, opts: ObjectMetaOptions, field = 'metadata'): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  if (m.generateName) {
    for (const msg of nameErrors(opts.nameRule, m.generateName, true)) errs.push(fieldErrors.invalid(`${field}.generateName`, m.generateName, msg));
  }
  if (!m.name) {
    errs.push(fieldErrors.required(`${field}.name`, 'name or generateName is required'));
  } else {
    for (const msg of nameErrors(opts.nameRule, m.name)) errs.push(fieldErrors.invalid(`${field}.name`, m.name, msg));
  }
  if (opts.namespaced) {
    if (!m.namespace) errs.push(fieldErrors.required(`${field}.namespace`));
    else for (const msg of dns1123LabelErrors(m.namespace)) errs.push(fieldErrors.invalid(`${field}.namespace`, m.namespace, msg));
  } else if (m.namespace) {
    errs.push(fieldErrors.forbidden(`${field}.namespace`, 'not allowed on this type'));
  }
  if (typeof m.generation === 'number' && m.generation < 0) {
    errs.push(fieldErrors.invalid(`${field}.generation`, m.generation, 'must be greater than or equal to 0'));
  }
  errs.push(...validateCommon(m, field));
  return errs;
}

function immutable(field: string, value: unknown, old: unknown): FieldError[] {
  return value === old ? [] : [fieldErrors.immutable(field, value ?? '')];
}

/**
 * ValidateObjectMetaUpdate: identity fields are immutable, resourceVersion must be given (the API server fills
 * it from the stored object for unconditional updates before validating), generation may not go down.
 */
export function validateObjectMetaUpdate(meta: ObjectMeta | undefined, old: ObjectMeta | undefined, field = 'metadata'): FieldError[] {
  const m = meta ?? {};
  const o = old ?? {};
  const errs: FieldError[] = [];
  if (o.deletionTimestamp) {
    const before = new Set(o.finalizers ?? []);
    const extra = [...new Set((m.finalizers ?? []).filter((f) => !before.has(f)))].sort();
    if (extra.length) {
      errs.push(
        fieldErrors.forbidden(
          `${field}.finalizers`,
          `no new finalizers can be added if the object is being deleted, found new finalizers []string{${extra.map((f) => JSON.stringify(f)).join(', ')}}`,
        ),
      );
    }
  }
  if (!m.resourceVersion) errs.push(fieldErrors.invalid(`${field}.resourceVersion`, m.resourceVersion ?? '', 'must be specified for an update'));
  if ((m.generation ?? 0) < (o.generation ?? 0)) {
    errs.push(fieldErrors.invalid(`${field}.generation`, m.generation ?? 0, 'must not be decremented'));
  }
  errs.push(...immutable(`${field}.name`, m.name ?? '', o.name ?? ''));
  errs.push(...immutable(`${field}.namespace`, m.namespace ?? '', o.namespace ?? ''));
  errs.push(...immutable(`${field}.uid`, m.uid ?? '', o.uid ?? ''));
  errs.push(...immutable(`${field}.creationTimestamp`, m.creationTimestamp, o.creationTimestamp));
  errs.push(...immutable(`${field}.deletionTimestamp`, m.deletionTimestamp, o.deletionTimestamp));
  errs.push(...immutable(`${field}.deletionGracePeriodSeconds`, m.deletionGracePeriodSeconds, o.deletionGracePeriodSeconds));
  errs.push(...validateCommon(m, field));
  return errs;
}
