/**
 * scheduling.k8s.io/v1 PriorityClass: a name for a pod priority. The Priority admission plugin
 * (apiserver/admission/priority.ts) turns a pod's priorityClassName into spec.priority and
 * spec.preemptionPolicy, which the scheduler's queue and preemption read. The two system classes
 * exist in every cluster (bootstrap) and cannot be deleted or redefined.
 */
import { DescribeWriter } from '../describe-writer.js';
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { ageColumn, formatLabels, nameColumn } from './meta-columns.js';

/** scheduling.SystemPriorityClassPrefix. */
export const SYSTEM_PRIORITY_CLASS_PREFIX = 'system-';
/** scheduling.HighestUserDefinablePriority. */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;
export const PREEMPTION_POLICIES = ['Never', 'PreemptLowerPriority'];

/** The system classes (scheduling.SystemPriorityClasses), as the API server creates them at start. */
export const SYSTEM_PRIORITY_CLASSES: readonly { name: string; value: number; description: string }[] = [
  { name: 'system-node-critical', value: 2_000_001_000, description: 'Used for system critical pods that must not be moved from their current node.' },
  { name: 'system-cluster-critical', value: 2_000_000_000, description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.' },
];

export function systemPriorityClass(name: string): KubeObject | undefined {
  const c = SYSTEM_PRIORITY_CLASSES.find((s) => s.name === name);
  return c && {
    apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: c.name },
    value: c.value, description: c.description, preemptionPolicy: 'PreemptLowerPriority',
  };
}

/** scheduling.IsKnownSystemPriorityClass: undefined when it is one, else why not. */
function notSystemClass(name: string, value: unknown, globalDefault: boolean): string | undefined {
  const c = SYSTEM_PRIORITY_CLASSES.find((s) => s.name === name);
  if (!c) return `${name} is not a known system priority class`;
  if (c.value !== value) return `value of ${name} PriorityClass must be ${c.value}`;
  if (globalDefault) return `globalDefault of ${name} PriorityClass must be false`;
  return undefined;
}

/** ValidatePreemptionPolicy. */
export function validatePreemptionPolicy(policy: unknown, field: string): FieldError[] {
  if (policy === '') return [fe.required(field, '')];
  return PREEMPTION_POLICIES.includes(policy as string) ? [] : [fe.unsupported(field, policy, PREEMPTION_POLICIES)];
}

/** ValidatePriorityClass (the name itself is checked with the object meta). */
function validate(pc: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const name = pc.metadata.name ?? '';
  if (name.startsWith(SYSTEM_PRIORITY_CLASS_PREFIX)) {
    const why = notSystemClass(name, pc.value ?? 0, pc.globalDefault === true);
    if (why) errs.push(fe.forbidden('metadata.name', `priority class names with '${SYSTEM_PRIORITY_CLASS_PREFIX}' prefix are reserved for system use only. error: ${why}`));
  } else if ((pc.value ?? 0) > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errs.push(fe.forbidden('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
  }
  if (pc.preemptionPolicy != null) errs.push(...validatePreemptionPolicy(pc.preemptionPolicy, 'preemptionPolicy'));
  return errs;
}

/** ValidatePriorityClassUpdate: value and preemptionPolicy are fixed at creation. */
function validateUpdate(pc: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if ((pc.value ?? 0) !== (old.value ?? 0)) errs.push(fe.forbidden('value', 'may not be changed in an update.'));
  if (pc.preemptionPolicy !== old.preemptionPolicy) errs.push(fe.immutable('preemptionPolicy', pc.preemptionPolicy));
  return errs;
}

/** kubectl's PriorityClassDescriber. */
function describe(pc: KubeObject): string {
  const w = new DescribeWriter();
  w.write(0, 'Name:', pc.metadata.name ?? '');
  w.write(0, 'Value:', String(pc.value ?? 0));
  w.write(0, 'GlobalDefault:', String(pc.globalDefault === true));
  w.write(0, 'PreemptionPolicy:', String(pc.preemptionPolicy ?? ''));
  w.write(0, 'Description:', String(pc.description ?? ''));
  w.write(0, 'Annotations:', formatLabels(pc.metadata.annotations));
  return w.toString();
}

export const priorityClassKind: KindDef = {
  group: 'scheduling.k8s.io',
  version: 'v1',
  kind: 'PriorityClass',
  plural: 'priorityclasses',
  singular: 'priorityclass',
  shortNames: ['pc'],
  categories: [],
  namespaced: false,
  schemaType: 'V1PriorityClass',
  statusSubresource: false,
  bumpsGeneration: false,
  nameRule: 'subdomain',
  defaults(pc) {
    // SetDefaults_PriorityClass
    pc.preemptionPolicy ??= 'PreemptLowerPriority';
  },
  validate,
  validateUpdate,
  columns: [
    nameColumn,
    { name: 'VALUE', cell: (o) => String(o.value ?? 0) },
    { name: 'GLOBAL-DEFAULT', cell: (o) => String(o.globalDefault === true) },
    ageColumn,
    { name: 'PREEMPTIONPOLICY', cell: (o) => String(o.preemptionPolicy ?? '') },
  ],
  describe,
  describeEvents: true,
};
