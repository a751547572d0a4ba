/**
 * core/v1 LimitRange: per-namespace bounds and defaults for the resources of containers, pods and
 * claims. The LimitRanger admission plugin (apiserver/admission/limit-ranger.ts) applies them to
 * the pods and claims created in its namespace; the object itself only holds them.
 */
import { DescribeWriter } from '../describe-writer.js';
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KindDef } from '../kind.js';
import { compareQuantities, isValidQuantity, milliValue, quantityValue } from '../quantity.js';
import type { KubeObject } from '../types.js';
import { qualifiedNameErrors } from '../validation/labels.js';
import { goQuantity, invalidRaw } from './go-render.js';
import { createdAtColumn, nameColumn, sortedKeys } from './meta-columns.js';
import { validateContainerResourceName, validateResourceName, isNativeResource, isHugePageResourceName } from './resource-names.js';
import { canonicalizeList, quantityText } from './storage-helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export type ResourceList = Record<string, string>;

export const LIMIT_TYPES = ['Pod', 'Container', 'PersistentVolumeClaim'];
const LISTS = ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'] as const;

/** resource.MaxMilliValue: beyond it Go compares whole units rather than milli-units. */
const MAX_MILLI_VALUE = 9_223_372_036_854_775;

/** SetDefaults_LimitRangeItem: a container's default limit falls back to max, its default request to the default limit, then to min. */
function defaultItem(item: any): void {
  for (const list of LISTS) canonicalizeList(item[list]);
  if (item.type !== 'Container') return;
  const limit: ResourceList = { ...(item.default ?? {}) };
  const request: ResourceList = { ...(item.defaultRequest ?? {}) };
  for (const [k, v] of Object.entries<string>(item.max ?? {})) limit[k] ??= v;
  for (const [k, v] of Object.entries(limit)) request[k] ??= v;
  for (const [k, v] of Object.entries<string>(item.min ?? {})) request[k] ??= v;
  // Go makes the maps either way; empty ones are not serialised
  if (Object.keys(limit).length > 0) item.default = limit;
  if (Object.keys(request).length > 0) item.defaultRequest = request;
}

/** validateLimitRangeTypeName: a qualified name; unprefixed ones must be a standard type. */
function validateTypeName(type: string, field: string): FieldError[] {
  const errs = qualifiedNameErrors(type).map((msg) => fe.invalid(field, type, msg));
  if (errs.length === 0 && !type.includes('/') && !LIMIT_TYPES.includes(type)) errs.push(fe.invalid(field, type, 'must be a standard limit type or fully qualified'));
  return errs;
}

function validateItemResourceName(type: string, name: string, field: string): FieldError[] {
  return type === 'Pod' || type === 'Container' ? validateContainerResourceName(name, field) : validateResourceName(name, field);
}

/** IsOvercommitAllowed: native and not hugepages (their default limit and request must agree). */
const overcommitAllowed = (name: string): boolean => isNativeResource(name) && !isHugePageResourceName(name);

/** The comparisons between one resource's min, max, defaults and ratio in one item. */
function crossChecks(item: any, k: string, at: string): FieldError[] {
  const errs: FieldError[] = [];
  const get = (list: (typeof LISTS)[number]): string | undefined => {
    const q = item[list]?.[k];
    return q !== undefined && isValidQuantity(q) ? String(q) : undefined;
  };
  const [min, max, def, req, ratio] = [get('min'), get('max'), get('default'), get('defaultRequest'), get('maxLimitRequestRatio')];
  const t = quantityText;
  const bad = (list: string, value: string, detail: string) => errs.push(invalidRaw(`${at}.${list}[${k}]`, goQuantity(value), detail));
  if (min && max && compareQuantities(min, max) > 0) bad('min', min, `min value ${t(min)} is greater than max value ${t(max)}`);
  if (req && min && compareQuantities(min, req) > 0) bad('defaultRequest', req, `min value ${t(min)} is greater than default request value ${t(req)}`);
  if (req && max && compareQuantities(req, max) > 0) bad('defaultRequest', req, `default request value ${t(req)} is greater than max value ${t(max)}`);
  if (req && def && compareQuantities(req, def) > 0) bad('defaultRequest', req, `default request value ${t(req)} is greater than default limit value ${t(def)}`);
  if (def && min && compareQuantities(min, def) > 0) bad('default', min, `min value ${t(min)} is greater than default value ${t(def)}`);
  // Go reports the max here, not the default
  if (def && max && compareQuantities(def, max) > 0) bad('default', max, `default value ${t(def)} is greater than max value ${t(max)}`);
  if (ratio && compareQuantities(ratio, 1) < 0) bad('maxLimitRequestRatio', ratio, `ratio ${t(ratio)} is less than 1`);
  if (ratio && min && max) {
    const milli = quantityValue(ratio) < MAX_MILLI_VALUE && quantityValue(min) < MAX_MILLI_VALUE && quantityValue(max) < MAX_MILLI_VALUE;
    const ratioValue = milli ? milliValue(ratio) / 1000 : quantityValue(ratio);
    const limit = milli ? milliValue(max) / milliValue(min) : quantityValue(max) / quantityValue(min);
    if (ratioValue > limit) bad('maxLimitRequestRatio', ratio, `ratio ${t(ratio)} is greater than max/min = ${limit.toFixed(6)}`);
  }
  if (!overcommitAllowed(k) && def && req && compareQuantities(def, req) !== 0) {
    bad('defaultRequest', req, `default value ${t(def)} must equal to defaultRequest value ${t(req)} in ${k}`);
  }
  return errs;
}

/** ValidateLimitRange (the name is checked with the object meta); map keys are visited in sorted order. */
export function validateLimitRange(lr: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (lr.spec?.limits ?? []).forEach((item: any, i: number) => {
    const at = `spec.limits[${i}]`;
    const type = String(item?.type ?? '');
    errs.push(...validateTypeName(type, `${at}.type`));
    if (seen.has(type)) errs.push(fe.duplicate(`${at}.type`, type));
    seen.add(type);
    const keys = new Set<string>();
    const names = (list: string) => {
      for (const k of sortedKeys(item?.[list])) {
        errs.push(...validateItemResourceName(type, k, `${at}.${list}[${k}]`));
        keys.add(k);
      }
    };
    names('max');
    names('min');
    if (type === 'Pod') {
      if (Object.keys(item.default ?? {}).length > 0) errs.push(fe.forbidden(`${at}.default`, "may not be specified when `type` is 'Pod'"));
      if (Object.keys(item.defaultRequest ?? {}).length > 0) errs.push(fe.forbidden(`${at}.defaultRequest`, "may not be specified when `type` is 'Pod'"));
    } else {
      names('default');
      names('defaultRequest');
    }
    if (type === 'PersistentVolumeClaim' && item.min?.storage === undefined && item.max?.storage === undefined) {
      errs.push(fe.required(`${at}.limits`, 'either minimum or maximum storage value is required, but neither was provided'));
    }
    names('maxLimitRequestRatio');
    for (const k of [...keys].sort()) errs.push(...crossChecks(item, k, at));
  });
  return errs;
}

/** kubectl's describeLimitRangeSpec rows (Go walks a map: the resources come in no set order; here sorted). */
export function writeLimitRows(w: DescribeWriter, lr: KubeObject, prefix: string): void {
  for (const item of lr.spec?.limits ?? []) {
    const keys = new Set<string>();
    for (const list of LISTS) for (const k of Object.keys(item[list] ?? {})) keys.add(k);
    const cell = (list: (typeof LISTS)[number], k: string) => (item[list]?.[k] === undefined ? '-' : quantityText(item[list][k]));
    for (const k of [...keys].sort()) {
      w.write(0, `${prefix}${item.type ?? ''}`, k, cell('min', k), cell('max', k), cell('defaultRequest', k), cell('default', k), cell('maxLimitRequestRatio', k));
    }
  }
}

export const LIMIT_TABLE_HEADER = ['Type', 'Resource', 'Min', 'Max', 'Default Request', 'Default Limit', 'Max Limit/Request Ratio'];
export const LIMIT_TABLE_RULE = ['----', '--------', '---', '---', '---------------', '-------------', '-----------------------'];

/** kubectl's describeLimitRange. */
function describe(lr: KubeObject): string {
  const w = new DescribeWriter();
  w.write(0, 'Name:', lr.metadata.name ?? '');
  w.write(0, 'Namespace:', lr.metadata.namespace ?? '');
  w.write(0, ...LIMIT_TABLE_HEADER);
  w.write(0, ...LIMIT_TABLE_RULE);
  writeLimitRows(w, lr, '');
  return w.toString();
}

export const limitRangeKind: KindDef = {
  group: '',
  version: 'v1',
  kind: 'LimitRange',
  plural: 'limitranges',
  singular: 'limitrange',
  shortNames: ['limits'],
  categories: [],
  namespaced: true,
  schemaType: 'V1LimitRange',
  statusSubresource: false,
  bumpsGeneration: false,
  nameRule: 'subdomain',
  defaults(lr) {
    for (const item of lr.spec?.limits ?? []) if (item && typeof item === 'object') defaultItem(item);
  },
  validate: validateLimitRange,
  columns: [nameColumn, createdAtColumn],
  describe,
  describeEvents: false,
};
