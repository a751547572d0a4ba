/** apps/v1 DaemonSet. */
import { DescribeWriter } from '../describe-writer.js';
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { DescribeContext, KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { validateLabelSelector } from '../validation/labels.js';
import { goIntOrString, goLabelSelector, invalidRaw, unsupportedRaw } from './go-render.js';
import { intOrPercentValue, validateNotMoreThan100Percent, validatePositiveIntOrPercent } from './int-or-percent.js';
import { ageColumn, formatLabels, nameColumn, writeAnnotations } from './meta-columns.js';
import { defaultPodTemplateSpec, validatePodTemplateSpec } from './pod-spec.js';
import { describePodTemplate } from './pod-template-describe.js';
import { containerColumns, intCell, selectorColumn, selectorString } from './workload-columns.js';
import { podCountsFor, podCountsText } from './workload-describe.js';
import {
  deepEqual, isEmptySelector, nonNegative, selectorMatches, templateMismatch, validateAlwaysRestart, validateSelectorImmutable,
} from './workload-validation.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** apps/v1 keeps the internal spec.templateGeneration in this annotation. */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

function defaults(obj: KubeObject): void {
  const spec = (obj.spec ??= {});
  const us = (spec.updateStrategy ??= {});
  if (!us.type) us.type = 'RollingUpdate';
  if (us.type === 'RollingUpdate') {
    const ru = (us.rollingUpdate ??= {});
    ru.maxUnavailable ??= 1;
    ru.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  defaultPodTemplateSpec((spec.template ??= {}));
}

function rollingUpdateErrors(ru: any): FieldError[] {
  const path = 'spec.updateStrategy.rollingUpdate';
  const errs = [
    ...validatePositiveIntOrPercent(ru.maxUnavailable, `${path}.maxUnavailable`),
    ...validatePositiveIntOrPercent(ru.maxSurge, `${path}.maxSurge`),
    ...validateNotMoreThan100Percent(ru.maxUnavailable, `${path}.maxUnavailable`),
    ...validateNotMoreThan100Percent(ru.maxSurge, `${path}.maxSurge`),
  ];
  const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
  if (hasUnavailable && hasSurge) errs.push(invalidRaw(`${path}.maxSurge`, goIntOrString(ru.maxSurge), 'may not be set when maxUnavailable is non-zero'));
  if (!hasUnavailable && !hasSurge) errs.push(fe.required(`${path}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
  return errs;
}

function updateStrategyErrors(us: any): FieldError[] {
  switch (us?.type) {
    case 'OnDelete':
      return [];
    case 'RollingUpdate':
      return us.rollingUpdate ? rollingUpdateErrors(us.rollingUpdate) : [fe.required('spec.updateStrategy.rollingUpdate')];
    default: {
      const ru = us?.rollingUpdate ? '(*apps.RollingUpdateDaemonSet)(0xc000000000)' : '(*apps.RollingUpdateDaemonSet)(nil)';
      return [unsupportedRaw('spec.updateStrategy', `apps.DaemonSetUpdateStrategy{Type:${JSON.stringify(us?.type ?? '')}, RollingUpdate:${ru}}`,
        ['RollingUpdate', 'OnDelete'])];
    }
  }
}

/** ValidateDaemonSetSpec. */
function validate(obj: KubeObject): FieldError[] {
  const spec = obj.spec ?? {};
  const errs = validateLabelSelector(spec.selector, 'spec.selector');
  const labels = spec.template?.metadata?.labels;
  if (selectorMatches(spec.selector, labels) === false && !isEmptySelector(spec.selector)) {
    errs.push(templateMismatch('spec.template.metadata.labels', labels));
  }
  if (isEmptySelector(spec.selector)) errs.push(invalidRaw('spec.selector', goLabelSelector(spec.selector), 'empty selector is invalid for daemonset'));
  errs.push(...validatePodTemplateSpec(spec.template, 'spec.template'));
  errs.push(...validateAlwaysRestart(spec.template, 'DaemonSet'));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...updateStrategyErrors(spec.updateStrategy));
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  return errs;
}

function templateGeneration(obj: KubeObject): number {
  const n = Number.parseInt(obj.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? '', 10);
  return Number.isFinite(n) ? n : 0;
}

function setTemplateGeneration(obj: KubeObject, n: number): void {
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [TEMPLATE_GENERATION_ANNOTATION]: String(n) };
}

async function describe(ds: KubeObject, ctx: DescribeContext): Promise<string> {
  const spec = ds.spec ?? {};
  const status = ds.status ?? {};
  const w = new DescribeWriter();
  w.write(0, 'Name:', ds.metadata.name ?? '');
  w.write(0, 'Namespace:', ds.metadata.namespace ?? '');
  w.write(0, 'Selector:', selectorString(spec.selector));
  w.write(0, 'Node-Selector:', formatLabels(spec.template?.spec?.nodeSelector));
  w.writeMap(0, 'Labels', ds.metadata.labels);
  writeAnnotations(w, 0, 'Annotations', ds.metadata.annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${status.desiredNumberScheduled ?? 0}`);
  w.write(0, `Current Number of Nodes Scheduled: ${status.currentNumberScheduled ?? 0}`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${status.updatedNumberScheduled ?? 0}`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${status.numberAvailable ?? 0}`);
  w.write(0, `Number of Nodes Misscheduled: ${status.numberMisscheduled ?? 0}`);
  w.write(0, 'Pods Status:', podCountsText(await podCountsFor(ds, spec.selector, ctx)));
  describePodTemplate(w, spec.template);
  return w.toString();
}

export const daemonSetKind: KindDef = {
  group: 'apps',
  version: 'v1',
  kind: 'DaemonSet',
  plural: 'daemonsets',
  singular: 'daemonset',
  shortNames: ['ds'],
  categories: ['all'],
  namespaced: true,
  schemaType: 'V1DaemonSet',
  statusSubresource: true,
  bumpsGeneration: true,
  nameRule: 'subdomain',
  defaults,
  prepareForCreate(obj) {
    // These DaemonSetStatus counters have no omitempty.
    obj.status = { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
    if (templateGeneration(obj) < 1) setTemplateGeneration(obj, 1);
  },
  prepareForUpdate(obj, old) {
    const previous = templateGeneration(old);
    setTemplateGeneration(obj, deepEqual(obj.spec?.template, old.spec?.template) ? previous : previous + 1);
  },
  validate,
  validateUpdate: (obj, old) => validateSelectorImmutable(obj, old),
  columns: [
    nameColumn,
    { name: 'DESIRED', cell: (o) => intCell(o.status?.desiredNumberScheduled) },
    { name: 'CURRENT', cell: (o) => intCell(o.status?.currentNumberScheduled) },
    { name: 'READY', cell: (o) => intCell(o.status?.numberReady) },
    { name: 'UP-TO-DATE', cell: (o) => intCell(o.status?.updatedNumberScheduled) },
    { name: 'AVAILABLE', cell: (o) => intCell(o.status?.numberAvailable) },
    { name: 'NODE SELECTOR', cell: (o) => formatLabels(o.spec?.template?.spec?.nodeSelector) },
    ageColumn,
    ...containerColumns((o) => o.spec?.template),
    selectorColumn((o) => o.spec?.selector),
  ],
  describe,
  describeEvents: true,
};
