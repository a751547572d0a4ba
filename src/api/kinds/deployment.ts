/** apps/v1 Deployment. */
import { DescribeWriter } from '../describe-writer.js';
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { DescribeContext, KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { goIntOrString, invalidRaw, unsupportedRaw } from './go-render.js';
import { intOrPercentValue, validateNotMoreThan100Percent, validatePositiveIntOrPercent } from './int-or-percent.js';
import { ageColumn, nameColumn, rfc1123z, writeAnnotations } from './meta-columns.js';
import { defaultPodTemplateSpec, validatePodTemplateSpec } from './pod-spec.js';
import { describePodTemplate } from './pod-template-describe.js';
import { containerColumns, intCell, selectorString } from './workload-columns.js';
import { writeReasonConditions } from './workload-describe.js';
import { semanticEqual } from '../patch/json-value.js';
import {
  deepEqual, nonNegative, selectorUsable, validateAlwaysRestart, validateControllerSelector, validateSelectorImmutable,
} from './workload-validation.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

function defaults(obj: KubeObject): void {
  const spec = (obj.spec ??= {});
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {});
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {});
    ru.maxUnavailable ??= '25%';
    ru.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultPodTemplateSpec((spec.template ??= {}));
}

function rollingUpdateErrors(ru: any): FieldError[] {
  const path = 'spec.strategy.rollingUpdate';
  const errs = [
    ...validatePositiveIntOrPercent(ru.maxUnavailable, `${path}.maxUnavailable`),
    ...validatePositiveIntOrPercent(ru.maxSurge, `${path}.maxSurge`),
  ];
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    errs.push(invalidRaw(`${path}.maxUnavailable`, goIntOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
  }
  errs.push(...validateNotMoreThan100Percent(ru.maxUnavailable, `${path}.maxUnavailable`));
  return errs;
}

/** ValidateDeploymentStrategy. */
function strategyErrors(strategy: any): FieldError[] {
  switch (strategy?.type) {
    case 'Recreate':
      return strategy.rollingUpdate ? [fe.forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'")] : [];
    case 'RollingUpdate':
      return strategy.rollingUpdate
        ? rollingUpdateErrors(strategy.rollingUpdate)
        : [fe.required('spec.strategy.rollingUpdate', 'this should be defaulted and never be nil')];
    default: {
      const ru = strategy?.rollingUpdate ? '(*apps.RollingUpdateDeployment)(0xc000000000)' : '(*apps.RollingUpdateDeployment)(nil)';
      const raw = `apps.DeploymentStrategy{Type:${JSON.stringify(strategy?.type ?? '')}, RollingUpdate:${ru}}`;
      return [unsupportedRaw('spec.strategy', raw, ['Recreate', 'RollingUpdate'])];
    }
  }
}

/** ValidateDeploymentSpec. */
function validate(obj: KubeObject): FieldError[] {
  const spec = obj.spec ?? {};
  const errs = nonNegative(spec.replicas, 'spec.replicas');
  errs.push(...validateControllerSelector(spec, 'deployment'));
  if (selectorUsable(spec.selector)) {
    errs.push(...validatePodTemplateSpec(spec.template, 'spec.template'));
    errs.push(...validateAlwaysRestart(spec.template, 'ReplicaSet'));
  }
  errs.push(...strategyErrors(spec.strategy));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (typeof spec.progressDeadlineSeconds === 'number') {
    errs.push(...nonNegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errs.push(fe.invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

async function describe(d: KubeObject, ctx: DescribeContext): Promise<string> {
  const spec = d.spec ?? {};
  const status = d.status ?? {};
  const w = new DescribeWriter();
  w.write(0, 'Name:', d.metadata.name ?? '');
  w.write(0, 'Namespace:', d.metadata.namespace ?? '');
  w.write(0, 'CreationTimestamp:', rfc1123z(d.metadata.creationTimestamp));
  w.writeMap(0, 'Labels', d.metadata.labels);
  writeAnnotations(w, 0, 'Annotations', d.metadata.annotations);
  w.write(0, 'Selector:', selectorString(spec.selector));
  w.write(0, 'Replicas:', `${spec.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ` +
    `${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable`);
  w.write(0, 'StrategyType:', spec.strategy?.type ?? '');
  w.write(0, 'MinReadySeconds:', String(spec.minReadySeconds ?? 0));
  const ru = spec.strategy?.rollingUpdate;
  if (ru) w.write(0, 'RollingUpdateStrategy:', `${ru.maxUnavailable ?? ''} max unavailable, ${ru.maxSurge ?? ''} max surge`);
  describePodTemplate(w, spec.template);
  writeReasonConditions(w, status.conditions);
  const { oldSets, newSet } = await replicaSetsOf(d, ctx);
  if (oldSets.length > 0 || newSet) {
    w.write(0, 'OldReplicaSets:', replicaSetsText(oldSets));
    w.write(0, 'NewReplicaSet:', replicaSetsText(newSet ? [newSet] : []));
  }
  return w.toString();
}

function replicaSetsText(sets: KubeObject[]): string {
  if (sets.length === 0) return '<none>';
  return sets.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ');
}

/** Strips pod-template-hash from a template's labels, as EqualIgnoreHash compares templates. */
function templateWithoutHash(template: any): any {
  const copy = JSON.parse(JSON.stringify(template ?? {}));
  if (copy.metadata?.labels) delete copy.metadata.labels['pod-template-hash'];
  return copy;
}

/**
 * deploymentutil.GetAllReplicaSets: the ReplicaSets the Deployment controls; the new one is the
 * oldest whose template equals the Deployment's (ignoring pod-template-hash).
 */
async function replicaSetsOf(d: KubeObject, ctx: DescribeContext): Promise<{ oldSets: KubeObject[]; newSet?: KubeObject }> {
  const list = await ctx.client.list('replicasets', { namespace: d.metadata.namespace });
  const owned = list.items
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid))
    .sort((a, b) => String(a.metadata.creationTimestamp ?? '').localeCompare(String(b.metadata.creationTimestamp ?? '')) ||
      String(a.metadata.name).localeCompare(String(b.metadata.name)));
  const wanted = templateWithoutHash(d.spec?.template);
  const newSet = owned.find((rs) => semanticEqual(templateWithoutHash(rs.spec?.template), wanted));
  return { oldSets: owned.filter((rs) => rs !== newSet), newSet };
}

export const deploymentKind: KindDef = {
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  plural: 'deployments',
  singular: 'deployment',
  shortNames: ['deploy'],
  categories: ['all'],
  namespaced: true,
  schemaType: 'V1Deployment',
  statusSubresource: true,
  scaleSubresource: true,
  bumpsGeneration: true,
  statusUpdatesAnnotations: true,
  nameRule: 'subdomain',
  defaults,
  prepareForCreate(obj) {
    obj.status = {};
  },
  prepareForUpdate(obj, old) {
    // Annotation changes bump the generation too: they are copied to the ReplicaSets.
    if (!deepEqual(obj.metadata.annotations ?? {}, old.metadata.annotations ?? {}) && deepEqual(obj.spec, old.spec)) {
      obj.metadata.generation = (old.metadata.generation ?? 0) + 1;
    }
  },
  validate,
  validateUpdate: (obj, old) => validateSelectorImmutable(obj, old),
  columns: [
    nameColumn,
    { name: 'READY', cell: (o) => `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}` },
    { name: 'UP-TO-DATE', cell: (o) => intCell(o.status?.updatedReplicas) },
    { name: 'AVAILABLE', cell: (o) => intCell(o.status?.availableReplicas) },
    ageColumn,
    ...containerColumns((o) => o.spec?.template),
    { name: 'SELECTOR', priority: 1, cell: (o) => selectorString(o.spec?.selector) },
  ],
  describe,
  describeEvents: true,
};
