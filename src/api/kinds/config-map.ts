/** core/v1 ConfigMap. */
import { DescribeWriter } from '../describe-writer.js';
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { MAX_DATA_SIZE, validateConfigKeys, validateImmutableData } from './config-keys.js';
import { ageColumn, nameColumn, sortedKeys, writeMetaHeader } from './meta-columns.js';

function validateConfigMap(cm: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateConfigKeys(cm.data, 'data'));
  errs.push(...validateConfigKeys(cm.binaryData, 'binaryData'));
  let size = 0;
  for (const [k, v] of Object.entries(cm.data ?? {})) {
    size += k.length + Buffer.byteLength(String(v));
    if (cm.binaryData && Object.prototype.hasOwnProperty.call(cm.binaryData, k)) {
      errs.push(fe.invalid(`data[${k}]`, k, 'duplicate of key present in binaryData'));
    }
  }
  for (const [k, v] of Object.entries(cm.binaryData ?? {})) size += k.length + Buffer.from(String(v), 'base64').length;
  if (size > MAX_DATA_SIZE) errs.push(fe.tooLong('', '', MAX_DATA_SIZE));
  return errs;
}

function describeConfigMap(cm: KubeObject): string {
  const w = new DescribeWriter();
  writeMetaHeader(w, cm);
  w.write(0, '');
  w.write(0, 'Data');
  w.write(0, '====');
  for (const k of sortedKeys(cm.data)) {
    w.write(0, `${k}:`);
    w.write(0, '----');
    for (const line of String(cm.data[k]).split('\n')) w.write(0, line);
    w.write(0, '');
  }
  w.write(0, '');
  w.write(0, 'BinaryData');
  w.write(0, '====');
  for (const k of sortedKeys(cm.binaryData)) w.write(0, `${k}: ${Buffer.from(String(cm.binaryData[k]), 'base64').length} bytes`);
  w.write(0, '');
  return w.toString();
}

export const configMapKind: KindDef = {
  group: '',
  version: 'v1',
  kind: 'ConfigMap',
  plural: 'configmaps',
  singular: 'configmap',
  shortNames: ['cm'],
  categories: [],
  namespaced: true,
  schemaType: 'V1ConfigMap',
  statusSubresource: false,
  bumpsGeneration: false,
  nameRule: 'subdomain',

  validate: validateConfigMap,
  validateUpdate: (obj, old) => validateImmutableData(obj, old, ['data', 'binaryData']),

  columns: [
    nameColumn,
    { name: 'DATA', cell: (o) => String(Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length) },
    ageColumn,
  ],
  describe: describeConfigMap,
  describeEvents: true,
};
