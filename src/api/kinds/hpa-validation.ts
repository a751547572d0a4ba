/**
 * ValidateHorizontalPodAutoscaler (autoscaling/v2, pkg/apis/autoscaling/validation): the target
 * reference, the replica bounds, each metric's source and target, and the scaling behavior.
 */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import { isValidQuantity, parseQuantity } from '../quantity.js';
import type { KubeObject } from '../types.js';
import { validatePathSegmentName } from '../validation/names.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const METRIC_SOURCE_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
/** The field of each source type (spec.metrics[i].resource for Resource, …). */
const SOURCE_FIELD: Record<string, string> = {
  ContainerResource: 'containerResource', External: 'external', Object: 'object', Pods: 'pods', Resource: 'resource',
};
const SCALING_POLICY_TYPES = ['Pods', 'Percent'];
const SELECT_POLICIES = ['Max', 'Min', 'Disabled'];
const MAX_PERIOD_SECONDS = 1800;
const MAX_STABILIZATION_WINDOW_SECONDS = 3600;

function validateReference(ref: any, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const part of ['kind', 'name'] as const) {
    const v = ref?.[part];
    if (!v) errs.push(fe.required(`${field}.${part}`, ''));
    else errs.push(...validatePathSegmentName(String(v), `${field}.${part}`));
  }
  return errs;
}

function positive(q: unknown): boolean {
  return isValidQuantity(q) && parseQuantity(q as string) > 0;
}

function validateTarget(t: any, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = t?.type ?? '';
  if (!type) errs.push(fe.required(`${field}.type`, 'must specify a metric target type'));
  if (!['Utilization', 'Value', 'AverageValue'].includes(type)) errs.push(fe.invalid(`${field}.type`, type, 'must be either Utilization, Value, or AverageValue'));
  if (t?.value != null && !positive(t.value)) errs.push(fe.invalid(`${field}.value`, t.value, 'must be positive'));
  if (t?.averageValue != null && !positive(t.averageValue)) errs.push(fe.invalid(`${field}.averageValue`, t.averageValue, 'must be positive'));
  if (t?.averageUtilization != null && t.averageUtilization < 1) errs.push(fe.invalid(`${field}.averageUtilization`, t.averageUtilization, 'must be greater than 0'));
  return errs;
}

/** Resource and ContainerResource: a resource name and an average (utilization or value), not both. */
function validateResourceSource(src: any, field: string, container: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (!src.name) errs.push(fe.required(`${field}.name`, 'must specify a resource name'));
  if (container && !src.container) errs.push(fe.required(`${field}.container`, 'must specify a container'));
  errs.push(...validateTarget(src.target, `${field}.target`));
  const t = src.target ?? {};
  if (t.averageUtilization == null && t.averageValue == null) errs.push(fe.required(`${field}.target.averageUtilization`, 'must set either a target raw value or a target utilization'));
  if (t.averageUtilization != null && t.averageValue != null) errs.push(fe.forbidden(`${field}.target.averageValue`, 'may not set both a target raw value and a target utilization'));
  return errs;
}

/** Pods, Object and External: a metric name and a target of the kinds each allows. */
function validateMetricSource(type: string, src: any, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (type === 'Object') errs.push(...validateReference(src.describedObject, `${field}.describedObject`));
  if (!src.metric?.name) errs.push(fe.required(`${field}.metric.name`, 'must specify a metric name'));
  errs.push(...validateTarget(src.target, `${field}.target`));
  const t = src.target ?? {};
  if (type === 'Pods' && t.averageValue == null) errs.push(fe.required(`${field}.target.averageValue`, 'must specify a positive target averageValue'));
  if (type !== 'Pods' && t.value == null && t.averageValue == null) errs.push(fe.required(`${field}.target.averageValue`, 'must set either a target value or averageValue'));
  return errs;
}

function validateMetric(m: any, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = m?.type ?? '';
  if (!type) errs.push(fe.required(`${field}.type`, 'must specify a metric source type'));
  if (!METRIC_SOURCE_TYPES.includes(type)) errs.push(fe.unsupported(`${field}.type`, type, METRIC_SOURCE_TYPES));
  const present = METRIC_SOURCE_TYPES.filter((t) => m?.[SOURCE_FIELD[t]!] != null);
  if (present.length === 1) {
    const t = present[0]!;
    const src = m[SOURCE_FIELD[t]!];
    const at = `${field}.${SOURCE_FIELD[t]}`;
    errs.push(...(t === 'Resource' || t === 'ContainerResource' ? validateResourceSource(src, at, t === 'ContainerResource') : validateMetricSource(t, src, at)));
  }
  const expected = SOURCE_FIELD[type];
  if (expected && m[expected] == null) errs.push(fe.required(`${field}.${expected}`, 'must populate information for the given metric source'));
  if (present.length !== 1) {
    for (const t of present) if (SOURCE_FIELD[t] !== expected) errs.push(fe.forbidden(`${field}.${SOURCE_FIELD[t]}`, 'must populate the given metric source only'));
  }
  return errs;
}

function validateScalingRules(rules: any, field: string): FieldError[] {
  if (rules == null) return [];
  const errs: FieldError[] = [];
  const window = rules.stabilizationWindowSeconds;
  if (window != null && window < 0) errs.push(fe.invalid(`${field}.stabilizationWindowSeconds`, window, 'must be greater than or equal to zero'));
  if (window != null && window > MAX_STABILIZATION_WINDOW_SECONDS) {
    errs.push(fe.invalid(`${field}.stabilizationWindowSeconds`, window, `must be less than or equal to ${MAX_STABILIZATION_WINDOW_SECONDS}`));
  }
  if (rules.selectPolicy && !SELECT_POLICIES.includes(rules.selectPolicy)) errs.push(fe.unsupported(`${field}.selectPolicy`, rules.selectPolicy, SELECT_POLICIES));
  const policies: any[] = rules.policies ?? [];
  if (policies.length === 0) errs.push(fe.required(`${field}.policies`, 'must specify at least one Policy'));
  policies.forEach((p, i) => {
    const at = `${field}.policies[${i}]`;
    if (!SCALING_POLICY_TYPES.includes(p?.type)) errs.push(fe.unsupported(`${at}.type`, p?.type ?? '', SCALING_POLICY_TYPES));
    if (!(p?.value > 0)) errs.push(fe.invalid(`${at}.value`, p?.value ?? 0, 'must be greater than zero'));
    if (!(p?.periodSeconds > 0)) errs.push(fe.invalid(`${at}.periodSeconds`, p?.periodSeconds ?? 0, 'must be greater than zero'));
    if (p?.periodSeconds > MAX_PERIOD_SECONDS) errs.push(fe.invalid(`${at}.periodSeconds`, p.periodSeconds, `must be less than or equal to ${MAX_PERIOD_SECONDS}`));
  });
  return errs;
}

export function validateHorizontalPodAutoscaler(hpa: KubeObject): FieldError[] {
  const spec = hpa.spec ?? {};
  const errs: FieldError[] = [];
  const min = spec.minReplicas;
  const max = spec.maxReplicas ?? 0;
  if (min != null && min < 1) errs.push(fe.invalid('spec.minReplicas', min, 'must be greater than or equal to 1'));
  if (max < 1) errs.push(fe.invalid('spec.maxReplicas', max, 'must be greater than 0'));
  if (min != null && max < min) errs.push(fe.invalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  errs.push(...validateReference(spec.scaleTargetRef, 'spec.scaleTargetRef'));
  ((spec.metrics ?? []) as any[]).forEach((m, i) => errs.push(...validateMetric(m, `spec.metrics[${i}]`)));
  errs.push(...validateScalingRules(spec.behavior?.scaleUp, 'spec.behavior.scaleUp'));
  errs.push(...validateScalingRules(spec.behavior?.scaleDown, 'spec.behavior.scaleDown'));
  return errs;
}
