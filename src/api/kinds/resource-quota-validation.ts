/**
 * ValidateResourceQuota and ValidateResourceQuotaUpdate (pkg/apis/core/validation): the hard
 * limits' names and values, the scopes and the scope selector. Map keys are visited in sorted order
 * (Go visits them in no set order).
 */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import { isValidQuantity, milliValue, parseQuantity } from '../quantity.js';
import { QUOTA_SCOPES } from '../quota/scopes.js';
import type { KubeObject } from '../types.js';
import { goQuantity, invalidRaw } from './go-render.js';
import { isIntegerResourceName, isStandardQuotaResourceName, validateQuotaResourceName } from './resource-names.js';
import { quantityText } from './storage-helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const POD_COMPUTE = ['cpu', 'memory', 'limits.cpu', 'limits.memory', 'requests.cpu', 'requests.memory'];

/** IsResourceQuotaScopeValidForResource. */
function scopeValidForResource(scope: string, resource: string): boolean {
  switch (scope) {
    case 'Terminating': case 'NotTerminating': case 'NotBestEffort': case 'PriorityClass': case 'CrossNamespacePodAffinity':
      return resource === 'pods' || POD_COMPUTE.includes(resource);
    case 'BestEffort':
      return resource === 'pods';
    default:
      return true;
  }
}

const CONFLICTING = [['BestEffort', 'NotBestEffort'], ['Terminating', 'NotTerminating']];

/** `%#v` of a []core.ResourceQuotaScope. */
export function goScopes(scopes: unknown): string {
  if (!Array.isArray(scopes)) return '[]core.ResourceQuotaScope(nil)';
  return `[]core.ResourceQuotaScope{${scopes.map((s) => JSON.stringify(String(s))).join(', ')}}`;
}

const goStrings = (values: unknown): string =>
  (Array.isArray(values) ? `[]string{${values.map((v) => JSON.stringify(String(v))).join(', ')}}` : '[]string(nil)');

/** `%#v` of a core.ScopeSelector. */
function goScopeSelector(sel: any): string {
  const exprs = Array.isArray(sel?.matchExpressions)
    ? `[]core.ScopedResourceSelectorRequirement{${sel.matchExpressions.map((e: any) =>
      `core.ScopedResourceSelectorRequirement{ScopeName:${JSON.stringify(String(e?.scopeName ?? ''))}, Operator:${JSON.stringify(String(e?.operator ?? ''))}, Values:${goStrings(e?.values)}}`).join(', ')}}`
    : '[]core.ScopedResourceSelectorRequirement(nil)';
  return `core.ScopeSelector{MatchExpressions:${exprs}}`;
}

/** ValidateResourceQuantityValue: not negative, and whole for the resources counted in units. */
export function validateQuotaQuantity(resource: string, value: unknown, field: string): FieldError[] {
  if (!isValidQuantity(value)) return [];
  const errs: FieldError[] = [];
  if (parseQuantity(value as string) < 0) errs.push(fe.invalid(field, quantityText(value), 'must be greater than or equal to 0'));
  if (isIntegerResourceName(resource) && milliValue(value as string) % 1000 !== 0) errs.push(invalidRaw(field, goQuantity(value as string), 'must be an integer'));
  return errs;
}

function validateScopes(spec: any, hard: string[]): FieldError[] {
  const scopes: string[] = spec?.scopes ?? [];
  if (scopes.length === 0) return [];
  const errs: FieldError[] = [];
  const raw = goScopes(spec.scopes);
  for (const scope of scopes) {
    if (!QUOTA_SCOPES.includes(scope)) errs.push(invalidRaw('spec.scopes', raw, 'unsupported scope'));
    for (const k of hard) {
      if (isStandardQuotaResourceName(k) && !scopeValidForResource(scope, k)) errs.push(invalidRaw('spec.scopes', raw, 'unsupported scope applied to resource'));
    }
  }
  for (const pair of CONFLICTING) if (pair.every((s) => scopes.includes(s))) errs.push(invalidRaw('spec.scopes', raw, 'conflicting scopes'));
  return errs;
}

const EXISTS_ONLY = ['BestEffort', 'NotBestEffort', 'Terminating', 'NotTerminating', 'CrossNamespacePodAffinity'];

function validateScopeSelector(spec: any, hard: string[]): FieldError[] {
  const sel = spec?.scopeSelector;
  if (sel === undefined || sel === null) return [];
  const at = 'spec.scopeSelector.matchExpressions';
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  for (const req of sel.matchExpressions ?? []) {
    const scope = String(req?.scopeName ?? '');
    const op = String(req?.operator ?? '');
    if (!QUOTA_SCOPES.includes(scope)) errs.push(invalidRaw(`${at}.scopeName`, JSON.stringify(scope), 'unsupported scope'));
    for (const k of hard) {
      if (isStandardQuotaResourceName(k) && !scopeValidForResource(scope, k)) errs.push(invalidRaw(at, goScopeSelector(sel), 'unsupported scope applied to resource'));
    }
    if (EXISTS_ONLY.includes(scope) && op !== 'Exists') {
      errs.push(invalidRaw(`${at}.operator`, JSON.stringify(op),
        "must be 'Exist' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity"));
    }
    const values: unknown[] = req?.values ?? [];
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0) errs.push(fe.required(`${at}.values`, "must be at least one value when `operator` is 'In' or 'NotIn' for scope selector"));
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length > 0) errs.push(invalidRaw(`${at}.values`, goStrings(req.values), "must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector"));
    } else {
      errs.push(invalidRaw(`${at}.operator`, JSON.stringify(op), 'not a valid selector operator'));
    }
    seen.add(scope);
  }
  for (const pair of CONFLICTING) if (pair.every((s) => seen.has(s))) errs.push(invalidRaw(at, goScopes(spec.scopes), 'conflicting scopes'));
  return errs;
}

/** ValidateResourceQuotaSpec (the name is checked with the object meta). */
export function validateResourceQuota(q: KubeObject): FieldError[] {
  const hard = Object.keys(q.spec?.hard ?? {}).sort();
  const errs: FieldError[] = [];
  for (const k of hard) {
    errs.push(...validateQuotaResourceName(k, `spec.hard[${k}]`));
    errs.push(...validateQuotaQuantity(k, q.spec.hard[k], `spec.hard[${k}]`));
  }
  errs.push(...validateScopes(q.spec, hard));
  errs.push(...validateScopeSelector(q.spec, hard));
  return errs;
}

/** The scopes are fixed at creation (as a set). */
export function validateResourceQuotaUpdate(q: KubeObject, old: KubeObject): FieldError[] {
  const now = new Set<string>(q.spec?.scopes ?? []);
  const before = new Set<string>(old.spec?.scopes ?? []);
  const same = now.size === before.size && [...now].every((s) => before.has(s));
  return same ? [] : [invalidRaw('spec.scopes', goScopes(q.spec?.scopes), 'field is immutable')];
}
