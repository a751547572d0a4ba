/**
 * Helpers shared by PersistentVolume, PersistentVolumeClaim and StatefulSet claim templates:
 * access-mode abbreviations, the effective storage class, canonical quantities and PVC spec checks.
 */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import { canonicalQuantity, isValidQuantity, parseQuantity } from '../quantity.js';
import type { KubeObject } from '../types.js';
import { validateLabelSelector } from '../validation/labels.js';
import { dns1123SubdomainErrors } from '../validation/names.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
export const VOLUME_MODES = ['Block', 'Filesystem'];
const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, duplicates dropped. */
export function accessModesText(modes: string[] | undefined): string {
  const set = new Set(modes ?? []);
  const out: string[] = [];
  if (set.has('ReadWriteOnce')) out.push('RWO');
  if (set.has('ReadOnlyMany')) out.push('ROX');
  if (set.has('ReadWriteMany')) out.push('RWX');
  if (set.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

/** GetPersistentVolumeClass / GetPersistentVolumeClaimClass: the beta annotation wins over the field. */
export function storageClassOf(obj: KubeObject): string {
  const ann = obj.metadata?.annotations?.[BETA_CLASS_ANNOTATION];
  if (ann !== undefined) return ann;
  return obj.spec?.storageClassName ?? '';
}

/** Rewrites the quantities of a resource list in the canonical form the API server stores. */
export function canonicalizeList(list: any): void {
  if (!list || typeof list !== 'object') return;
  for (const k of Object.keys(list)) {
    if (isValidQuantity(list[k])) list[k] = canonicalQuantity(list[k]);
  }
}

/** Quantity.String() of a stored quantity ('' → '0' as Go prints a zero Quantity). */
export function quantityText(q: unknown): string {
  if (q === undefined || q === null || q === '') return '0';
  return isValidQuantity(q) ? canonicalQuantity(q as string) : String(q);
}

const QUANTITY_RE = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** ValidatePositiveQuantityValue (plus the decoder's format check) for one quantity. */
export function positiveQuantityErrors(q: unknown, field: string): FieldError[] {
  if (!isValidQuantity(q)) return [fe.invalid(field, q, QUANTITY_RE)];
  return parseQuantity(q as string) <= 0 ? [fe.invalid(field, quantityText(q), 'must be greater than zero')] : [];
}

/** The access-mode checks of PV and PVC specs. */
export function accessModeErrors(modes: string[] | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  let rwop = false;
  let other = false;
  for (const mode of modes ?? []) {
    if (!ACCESS_MODES.includes(mode)) errs.push(fe.unsupported(field, mode, ACCESS_MODES));
    if (mode === 'ReadWriteOncePod') rwop = true;
    else if (ACCESS_MODES.includes(mode)) other = true;
  }
  if (rwop && other) errs.push(fe.forbidden(field, 'may not use ReadWriteOncePod with other access modes'));
  return errs;
}

export function classNameErrors(name: unknown, field: string): FieldError[] {
  if (typeof name !== 'string' || name.length === 0) return [];
  return dns1123SubdomainErrors(name).map((msg) => fe.invalid(field, name, msg));
}

/** ValidatePersistentVolumeClaimSpec at `field` (`spec`, or a claim template's spec). */
export function validateClaimSpec(spec: any, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec?.accessModes?.length) errs.push(fe.required(`${field}.accessModes`, 'at least 1 access mode is required'));
  if (spec?.selector) errs.push(...validateLabelSelector(spec.selector, `${field}.selector`));
  errs.push(...accessModeErrors(spec?.accessModes, `${field}.accessModes`));
  const storage = spec?.resources?.requests?.storage;
  if (storage === undefined) errs.push(fe.required(`${field}.resources[storage]`));
  else errs.push(...positiveQuantityErrors(storage, `${field}.resources[storage]`));
  errs.push(...classNameErrors(spec?.storageClassName, `${field}.storageClassName`));
  if (spec?.volumeMode !== undefined && spec?.volumeMode !== null && !VOLUME_MODES.includes(spec.volumeMode)) {
    errs.push(fe.unsupported(`${field}.volumeMode`, spec.volumeMode, VOLUME_MODES));
  }
  return errs;
}

/** SetDefaults_PersistentVolumeClaimSpec plus canonical quantities. */
export function defaultClaimSpec(spec: any): void {
  if (!spec || typeof spec !== 'object') return;
  spec.volumeMode ??= 'Filesystem';
  canonicalizeList(spec.resources?.requests);
  canonicalizeList(spec.resources?.limits);
}
