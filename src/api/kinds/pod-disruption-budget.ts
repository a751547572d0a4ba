/** policy/v1 PodDisruptionBudget: what the eviction API (apiserver/eviction.ts) and the disruption controller read. */
import { DescribeWriter } from '../describe-writer.js';
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KindDef } from '../kind.js';
import { formatLabelSelector, nothing, type Selector, selectorFromLabelSelector } from '../label-selector.js';
import type { KubeObject } from '../types.js';
import { validateLabelSelector } from '../validation/labels.js';
import { invalidRaw } from './go-render.js';
import { validateNotMoreThan100Percent, validatePositiveIntOrPercent } from './int-or-percent.js';
import { ageColumn, nameColumn } from './meta-columns.js';

export const UNHEALTHY_POD_EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'];

const isSet = (v: unknown) => v !== undefined && v !== null;

/** The pods a budget covers, as the eviction API and the disruption controller read its selector (an invalid one covers none). */
export function budgetSelector(pdb: KubeObject): Selector {
  try {
    return selectorFromLabelSelector(pdb.spec?.selector);
  } catch {
    return nothing();
  }
}

/** Go's %v of the spec in the both-set error (pointers print as their type and value). */
function goSpec(spec: Record<string, unknown>): string {
  const ptr = (type: string, v: unknown) => (isSet(v) ? `(*${type})(${JSON.stringify(v)})` : `(*${type})(nil)`);
  return `policy.PodDisruptionBudgetSpec{MinAvailable:${ptr('intstr.IntOrString', spec.minAvailable)}, Selector:${isSet(spec.selector) ? '(*v1.LabelSelector)(…)' : '(*v1.LabelSelector)(nil)'}, MaxUnavailable:${ptr('intstr.IntOrString', spec.maxUnavailable)}, UnhealthyPodEvictionPolicy:${ptr('policy.UnhealthyPodEvictionPolicyType', spec.unhealthyPodEvictionPolicy)}}`;
}

/** ValidatePodDisruptionBudgetSpec. */
function validate(obj: KubeObject): FieldError[] {
  const spec = obj.spec ?? {};
  const errs: FieldError[] = [];
  if (isSet(spec.minAvailable) && isSet(spec.maxUnavailable)) errs.push(invalidRaw('spec', goSpec(spec), 'minAvailable and maxUnavailable cannot be both set'));
  for (const field of ['minAvailable', 'maxUnavailable']) {
    if (!isSet(spec[field])) continue;
    errs.push(...validatePositiveIntOrPercent(spec[field], `spec.${field}`), ...validateNotMoreThan100Percent(spec[field], `spec.${field}`));
  }
  errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const policy: unknown = spec.unhealthyPodEvictionPolicy;
  if (isSet(policy) && !UNHEALTHY_POD_EVICTION_POLICIES.includes(String(policy))) {
    errs.push(fe.unsupported('spec.unhealthyPodEvictionPolicy', String(policy), UNHEALTHY_POD_EVICTION_POLICIES));
  }
  return errs;
}

/** An IntOrString as kubectl prints it (`2`, `50%`), N/A when unset. */
function intOrStringCell(v: unknown): string {
  return isSet(v) ? String(v) : 'N/A';
}

function describe(pdb: KubeObject): string {
  const w = new DescribeWriter();
  const spec = pdb.spec ?? {};
  const status = pdb.status ?? {};
  w.write(0, 'Name:', pdb.metadata.name ?? '');
  w.write(0, 'Namespace:', pdb.metadata.namespace ?? '');
  if (isSet(spec.minAvailable)) w.write(0, 'Min available:', String(spec.minAvailable));
  else if (isSet(spec.maxUnavailable)) w.write(0, 'Max unavailable:', String(spec.maxUnavailable));
  w.write(0, 'Selector:', spec.selector ? formatLabelSelector(spec.selector) : '<unset>');
  w.write(0, 'Status:');
  w.write(2, 'Allowed disruptions:', String(status.disruptionsAllowed ?? 0));
  w.write(2, 'Current:', String(status.currentHealthy ?? 0));
  w.write(2, 'Desired:', String(status.desiredHealthy ?? 0));
  w.write(2, 'Total:', String(status.expectedPods ?? 0));
  return w.toString();
}

export const podDisruptionBudgetKind: KindDef = {
  group: 'policy',
  version: 'v1',
  kind: 'PodDisruptionBudget',
  plural: 'poddisruptionbudgets',
  singular: 'poddisruptionbudget',
  shortNames: ['pdb'],
  categories: [],
  namespaced: true,
  schemaType: 'V1PodDisruptionBudget',
  statusSubresource: true,
  bumpsGeneration: true,
  nameRule: 'subdomain',
  prepareForCreate(obj) {
    // the status of a new budget is the controller's to fill; until then nothing may be disrupted
    obj.status = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
  },
  validate,
  columns: [
    nameColumn,
    { name: 'MIN AVAILABLE', cell: (o) => intOrStringCell(o.spec?.minAvailable) },
    { name: 'MAX UNAVAILABLE', cell: (o) => intOrStringCell(o.spec?.maxUnavailable) },
    { name: 'ALLOWED DISRUPTIONS', cell: (o) => String(o.status?.disruptionsAllowed ?? 0) },
    ageColumn,
  ],
  describe,
  describeEvents: true,
};
