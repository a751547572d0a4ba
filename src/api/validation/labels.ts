/** Label, annotation, qualified-name and label-selector validation (apimachinery metav1 validation). */
import { type FieldError, fieldErrors } from '../field-error.js';
import type { LabelSelector } from '../types.js';
import { emptyError, maxLenError, prefixEach, regexError } from './messages.js';
import { dns1123SubdomainErrors } from './names.js';

const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const QUALIFIED_NAME_RE = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
const QUALIFIED_NAME_MAX_LENGTH = 63;

const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`);
export const LABEL_VALUE_MAX_LENGTH = 63;

/** Total size (keys + values, in bytes) allowed for metadata.annotations. */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** IsQualifiedName: optional DNS-subdomain prefix and '/', then a name of at most 63 characters. */
export function qualifiedNameErrors(value: string): string[] {
  if (isQualifiedName(value)) return [];
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push(`prefix part ${emptyError()}`);
    else errs.push(...prefixEach(dns1123SubdomainErrors(prefix), 'prefix part '));
  } else {
    return [
      `a qualified name ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}` +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errs.push(`name part ${emptyError()}`);
  else if (name.length > QUALIFIED_NAME_MAX_LENGTH) errs.push(`name part ${maxLenError(QUALIFIED_NAME_MAX_LENGTH)}`);
  if (!QUALIFIED_NAME_RE.test(name)) {
    errs.push(`name part ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  }
  return errs;
}

/** IsValidLabelValue. */
export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > LABEL_VALUE_MAX_LENGTH) errs.push(maxLenError(LABEL_VALUE_MAX_LENGTH));
  if (!LABEL_VALUE_RE.test(value)) errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errs;
}

export function validateQualifiedName(value: string, field: string): FieldError[] {
  return qualifiedNameErrors(value).map((m) => fieldErrors.invalid(field, value, m));
}

export function validateLabelValue(value: string, field: string): FieldError[] {
  return labelValueErrors(value).map((m) => fieldErrors.invalid(field, value, m));
}

const sortedKeys = (m: Record<string, unknown>): string[] => Object.keys(m).sort();

/** Whether code is an ASCII letter or digit. */
function isAlnum(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
}

/** QUALIFIED_NAME_RE.test(value[from, to)) and at most 63 characters, character by character. */
function isNamePart(value: string, from: number, to: number): boolean {
  if (to <= from || to - from > QUALIFIED_NAME_MAX_LENGTH || !isAlnum(value.charCodeAt(from)) || !isAlnum(value.charCodeAt(to - 1))) return false;
  for (let i = from + 1; i < to - 1; i++) {
    const c = value.charCodeAt(i);
    if (c !== 0x2d && c !== 0x5f && c !== 0x2e && !isAlnum(c)) return false;
  }
  return true;
}

/** Whether qualifiedNameErrors finds nothing wrong with key, found without the regular expressions. */
function isQualifiedName(key: string): boolean {
  const slash = key.indexOf('/');
  if (slash < 0) return isNamePart(key, 0, key.length);
  if (slash === 0 || key.indexOf('/', slash + 1) >= 0 || !isNamePart(key, slash + 1, key.length)) return false;
  return dns1123SubdomainErrors(key.slice(0, slash)).length === 0;
}

/** Whether a label's key and value are valid (qualifiedNameErrors and labelValueErrors find nothing). */
function isValidLabel(key: string, value: string): boolean {
  return (value.length === 0 || isNamePart(value, 0, value.length)) && isQualifiedName(key);
}

/**
 * Whether every label is valid, checked without the regular expressions (they only word what is
 * wrong): every create of a labelled object asks, a scale-up's pods 30,000 times.
 */
function allLabelsValid(labels: Record<string, string>): boolean {
  for (const key in labels) if (!isValidLabel(key, String(labels[key]))) return false;
  return true;
}

/** ValidateLabels: each key a qualified name, each value a valid label value (reported against the map's path). */
export function validateLabels(labels: Record<string, string> | undefined, field: string): FieldError[] {
  if (!labels || allLabelsValid(labels)) return [];
  const errs: FieldError[] = [];
  for (const k of sortedKeys(labels)) {
    errs.push(...validateQualifiedName(k, field));
    errs.push(...validateLabelValue(String(labels[k]), field));
  }
  return errs;
}

/** Total byte size of annotations as ValidateAnnotationsSize counts it. */
export function annotationsSize(annotations: Record<string, string>): number {
  let total = 0;
  for (const [k, v] of Object.entries(annotations)) total += Buffer.byteLength(k) + Buffer.byteLength(String(v));
  return total;
}

/** ValidateAnnotations: keys are qualified names (case-insensitively); all of it at most 256 KiB. */
export function validateAnnotations(annotations: Record<string, string> | undefined, field: string): FieldError[] {
  if (!annotations) return [];
  const errs: FieldError[] = [];
  for (const k of sortedKeys(annotations)) {
    for (const m of qualifiedNameErrors(k.toLowerCase())) errs.push(fieldErrors.invalid(field, k, m));
  }
  if (annotationsSize(annotations) > TOTAL_ANNOTATION_SIZE_LIMIT) {
    errs.push(fieldErrors.tooLong(field, '', TOTAL_ANNOTATION_SIZE_LIMIT));
  }
  return errs;
}

type Requirement = NonNullable<LabelSelector['matchExpressions']>[number];

/** ValidateLabelSelectorRequirement. */
export function validateLabelSelectorRequirement(req: Requirement, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(fieldErrors.required(`${field}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        errs.push(fieldErrors.forbidden(`${field}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      }
      break;
    default:
      errs.push(fieldErrors.invalid(`${field}.operator`, req.operator ?? '', 'not a valid selector operator'));
  }
  errs.push(...validateQualifiedName(req.key ?? '', `${field}.key`));
  values.forEach((v, i) => errs.push(...validateLabelValue(v, `${field}.values[${i}]`)));
  return errs;
}

/** ValidateLabelSelector for a metav1.LabelSelector object (nil is valid). */
export function validateLabelSelector(sel: LabelSelector | undefined | null, field: string): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels, `${field}.matchLabels`);
  (sel.matchExpressions ?? []).forEach((r, i) => errs.push(...validateLabelSelectorRequirement(r, `${field}.matchExpressions[${i}]`)));
  return errs;
}
