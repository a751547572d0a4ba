/**
 * Validation shared by the workload kinds (pkg/apis/apps/validation, pkg/apis/batch/validation):
 * selectors and their match with the template labels, non-negative counts, the restart policy a
 * controller's pods may have, and the immutable selector of apps/v1.
 */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import { selectorFromLabelSelector } from '../label-selector.js';
import type { LabelSelector } from '../types.js';
import { validateLabelSelector } from '../validation/labels.js';
import { goLabelSelector, goStringMap, invalidRaw } from './go-render.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** ValidateNonnegativeField for an optional number. */
export function nonNegative(value: unknown, field: string): FieldError[] {
  return typeof value === 'number' && value < 0 ? [fe.invalid(field, value, 'must be greater than or equal to 0')] : [];
}

/** LabelSelectorAsSelector + Matches: a nil selector matches nothing, an empty one everything; undefined when invalid. */
export function selectorMatches(sel: LabelSelector | undefined | null, labels: Record<string, string> | undefined): boolean | undefined {
  if (!sel) return false;
  try {
    return selectorFromLabelSelector(sel).matches(labels ?? {});
  } catch {
    return undefined;
  }
}

/** Whether LabelSelectorAsSelector succeeds (template checks are skipped when it does not). */
export function selectorUsable(sel: LabelSelector | undefined | null): boolean {
  return selectorMatches(sel, {}) !== undefined;
}

export function isEmptySelector(sel: LabelSelector | undefined | null): boolean {
  return !!sel && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0;
}

/** `spec.template.metadata.labels: Invalid value: map[...]: \`selector\` does not match template \`labels\`` */
export function templateMismatch(field: string, labels: Record<string, string> | undefined): FieldError {
  return invalidRaw(field, goStringMap(labels), '`selector` does not match template `labels`');
}

/**
 * The selector checks of Deployment, ReplicaSet and StatefulSet specs: required, valid, non-empty
 * (`empty selector is invalid for <what>`), and matching the template labels.
 */
export function validateControllerSelector(spec: any, what: string, invalidDetail = 'invalid label selector'): FieldError[] {
  const errs: FieldError[] = [];
  const sel: LabelSelector | undefined = spec?.selector ?? undefined;
  if (!sel) errs.push(fe.required('spec.selector'));
  else {
    errs.push(...validateLabelSelector(sel, 'spec.selector'));
    if (isEmptySelector(sel)) errs.push(invalidRaw('spec.selector', goLabelSelector(sel), `empty selector is invalid for ${what}`));
  }
  const labels = spec?.template?.metadata?.labels;
  const matches = selectorMatches(sel, labels);
  if (matches === undefined) errs.push(invalidRaw('spec.selector', goLabelSelector(sel), invalidDetail));
  else if (!matches && !isEmptySelector(sel)) errs.push(templateMismatch('spec.template.metadata.labels', labels));
  return errs;
}

/** The restart policy and activeDeadlineSeconds rules for pods of ReplicaSets, DaemonSets and StatefulSets. */
export function validateAlwaysRestart(template: any, kindName: string): FieldError[] {
  const errs: FieldError[] = [];
  const policy = template?.spec?.restartPolicy;
  if (policy !== 'Always') errs.push(fe.unsupported('spec.template.spec.restartPolicy', policy ?? '', ['Always']));
  if (template?.spec?.activeDeadlineSeconds !== undefined && template?.spec?.activeDeadlineSeconds !== null) {
    errs.push(fe.forbidden('spec.template.spec.activeDeadlineSeconds', `activeDeadlineSeconds in ${kindName} is not Supported`));
  }
  return errs;
}

/** ValidateImmutableField for spec.selector (apps/v1). */
export function validateSelectorImmutable(obj: any, old: any): FieldError[] {
  const a = obj?.spec?.selector;
  const b = old?.spec?.selector;
  return deepEqual(a, b) ? [] : [invalidRaw('spec.selector', goLabelSelector(a), 'field is immutable')];
}

/** Semantic deep equality of plain JSON values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => deepEqual(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => deepEqual(ao[k], bo[k]));
}
