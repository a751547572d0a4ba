/** Key and size rules shared by ConfigMap and Secret data (IsConfigMapKey, MaxSecretSize, immutability). */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KubeObject } from '../types.js';

const KEY_RE = /^[-._a-zA-Z0-9]+$/;
const KEY_MSG = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
/** 1 MiB, the size limit of a ConfigMap's or Secret's data. */
export const MAX_DATA_SIZE = 1024 * 1024;

export function configKeyErrors(key: string): string[] {
  const msgs: string[] = [];
  if (key.length > 253) msgs.push('must be no more than 253 characters');
  if (!KEY_RE.test(key)) msgs.push(KEY_MSG);
  if (key === '.') msgs.push("must not be '.'");
  else if (key === '..') msgs.push("must not be '..'");
  else if (key.startsWith('..')) msgs.push("must not start with '..'");
  return msgs;
}

export function validateConfigKeys(map: Record<string, unknown> | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of Object.keys(map ?? {})) {
    for (const msg of configKeyErrors(key)) errs.push(fe.invalid(`${field}[${key}]`, key, msg));
  }
  return errs;
}

/** `immutable: true` freezes data (and itself) for ConfigMaps and Secrets. */
export function validateImmutableData(obj: KubeObject, old: KubeObject, fields: string[]): FieldError[] {
  if (old.immutable !== true) return [];
  const errs: FieldError[] = [];
  if (obj.immutable !== true) errs.push(fe.forbidden('immutable', 'field is immutable when `immutable` is set'));
  for (const f of fields) {
    if (JSON.stringify(sorted(obj[f])) !== JSON.stringify(sorted(old[f]))) errs.push(fe.forbidden(f, 'field is immutable when `immutable` is set'));
  }
  return errs;
}

function sorted(m: Record<string, unknown> | undefined): [string, unknown][] {
  return Object.entries(m ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
