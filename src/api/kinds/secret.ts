/** core/v1 Secret: `stringData` is merged into base64 `data`; values are never shown by describe. */
import { DescribeWriter } from '../describe-writer.js';
import { apiErrors } from '../errors.js';
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { MAX_DATA_SIZE, validateConfigKeys, validateImmutableData } from './config-keys.js';
import { ageColumn, nameColumn, sortedKeys, writeMetaHeader } from './meta-columns.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const B64_CHARS = /^[A-Za-z0-9+/]$/;

/**
 * Index of the first byte Go's strict base64 decoder rejects, or -1 when the text decodes: a bad
 * character is reported where it stands, a truncated last quantum where that quantum starts.
 */
export function base64ErrorIndex(s: string): number {
  let count = 0;
  let quantumStart = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\r' || ch === '\n') continue;
    if (count % 4 === 0) quantumStart = i;
    if (ch === '=') {
      const rest = s.slice(i).replace(/[\r\n]/g, '');
      const inQuantum = count % 4;
      const ok = (inQuantum === 2 && rest === '==') || (inQuantum === 3 && rest === '=');
      return ok ? -1 : i;
    }
    if (!B64_CHARS.test(ch)) return i;
    count++;
  }
  return count % 4 === 0 ? -1 : quantumStart;
}

function decodeData(obj: KubeObject): void {
  for (const [k, v] of Object.entries(obj.data ?? {})) {
    const idx = typeof v === 'string' ? base64ErrorIndex(v) : 0;
    if (idx >= 0) {
      throw apiErrors.badRequest(`Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte ${idx}`);
    }
    (obj.data as any)[k] = Buffer.from(v as string, 'base64').toString('base64');
  }
}

const byteLen = (b64: unknown): number => Buffer.from(String(b64 ?? ''), 'base64').length;

function validateSecret(s: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const data: Record<string, string> = s.data ?? {};
  errs.push(...validateConfigKeys(data, 'data'));
  let size = 0;
  for (const [k, v] of Object.entries(data)) size += k.length + byteLen(v);
  if (size > MAX_DATA_SIZE) errs.push(fe.tooLong('data', '', MAX_DATA_SIZE));
  const has = (k: string): boolean => Object.prototype.hasOwnProperty.call(data, k);
  switch (s.type) {
    case 'kubernetes.io/service-account-token':
      if (!s.metadata.annotations?.['kubernetes.io/service-account.name']) {
        errs.push(fe.required('metadata.annotations[kubernetes.io/service-account.name]'));
      }
      break;
    case 'kubernetes.io/dockercfg':
    case 'kubernetes.io/dockerconfigjson': {
      const key = s.type === 'kubernetes.io/dockercfg' ? '.dockercfg' : '.dockerconfigjson';
      if (!has(key)) errs.push(fe.required(`data[${key}]`));
      else {
        try {
          JSON.parse(Buffer.from(data[key], 'base64').toString('utf8'));
        } catch (e) {
          errs.push(fe.invalid(`data[${key}]`, '<secret contents redacted>', (e as Error).message));
        }
      }
      break;
    }
    case 'kubernetes.io/basic-auth':
      if (!has('username') && !has('password')) errs.push(fe.required('data[username]'), fe.required('data[password]'));
      break;
    case 'kubernetes.io/ssh-auth':
      if (!has('ssh-privatekey')) errs.push(fe.required('data[ssh-privatekey]'));
      break;
    case 'kubernetes.io/tls':
      if (!has('tls.crt')) errs.push(fe.required('data[tls.crt]'));
      if (!has('tls.key')) errs.push(fe.required('data[tls.key]'));
      break;
    default:
      break;
  }
  return errs;
}

function describeSecret(s: KubeObject): string {
  const w = new DescribeWriter();
  writeMetaHeader(w, s);
  w.write(0, '');
  w.write(0, 'Type:', s.type ?? '');
  w.write(0, '');
  w.write(0, 'Data');
  w.write(0, '====');
  for (const k of sortedKeys(s.data)) {
    if (k === 'token' && s.type === 'kubernetes.io/service-account-token') {
      w.write(0, `${k}:`, Buffer.from(String(s.data[k]), 'base64').toString('utf8'));
    } else {
      w.write(0, `${k}:`, `${byteLen(s.data[k])} bytes`);
    }
  }
  return w.toString();
}

export const secretKind: KindDef = {
  group: '',
  version: 'v1',
  kind: 'Secret',
  plural: 'secrets',
  singular: 'secret',
  shortNames: [],
  categories: [],
  namespaced: true,
  schemaType: 'V1Secret',
  statusSubresource: false,
  bumpsGeneration: false,
  nameRule: 'subdomain',

  defaults(obj) {
    decodeData(obj);
    if (obj.stringData && typeof obj.stringData === 'object') {
      obj.data ??= {};
      for (const [k, v] of Object.entries(obj.stringData)) obj.data[k] = Buffer.from(String(v), 'utf8').toString('base64');
    }
    delete obj.stringData;
    obj.type ||= 'Opaque';
  },
  validate: validateSecret,
  validateUpdate(obj, old) {
    const errs = validateImmutableData(obj, old, ['data']);
    if ((obj.type ?? '') !== (old.type ?? '')) errs.push(fe.immutable('type', obj.type ?? ''));
    return errs;
  },

  columns: [
    nameColumn,
    { name: 'TYPE', cell: (o) => o.type ?? '' },
    { name: 'DATA', cell: (o) => String(Object.keys(o.data ?? {}).length) },
    ageColumn,
  ],
  fieldSelectors: { type: (o) => o.type ?? '' },
  describe: describeSecret,
  describeEvents: false,
};
