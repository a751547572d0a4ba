/** apps/v1 StatefulSet. */
import { DescribeWriter } from '../describe-writer.js';
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { DescribeContext, KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { validateAnnotations, validateLabels } from '../validation/labels.js';
import { goIntOrString, invalidRaw } from './go-render.js';
import { intOrPercentValue, validateNotMoreThan100Percent, validatePositiveIntOrPercent } from './int-or-percent.js';
import { ageColumn, nameColumn, rfc1123z, writeAnnotations } from './meta-columns.js';
import { defaultPodTemplateSpec } from './pod-spec.js';
import { describePodTemplate } from './pod-template-describe.js';
import { defaultClaimTemplate, describeClaimTemplates } from './pvc-template.js';
import { containerColumns, selectorString } from './workload-columns.js';
import { podCountsFor, podCountsText } from './workload-describe.js';
import { deepEqual, nonNegative, validateAlwaysRestart, validateControllerSelector } from './workload-validation.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

function defaults(obj: KubeObject): void {
  const spec = (obj.spec ??= {});
  if (!spec.podManagementPolicy) spec.podManagementPolicy = 'OrderedReady';
  const us = (spec.updateStrategy ??= {});
  if (!us.type) {
    us.type = 'RollingUpdate';
    us.rollingUpdate ??= {};
  }
  if (us.type === 'RollingUpdate' && us.rollingUpdate) us.rollingUpdate.partition ??= 0;
  const retention = (spec.persistentVolumeClaimRetentionPolicy ??= {});
  if (!retention.whenDeleted) retention.whenDeleted = 'Retain';
  if (!retention.whenScaled) retention.whenScaled = 'Retain';
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  defaultPodTemplateSpec((spec.template ??= {}));
  for (const claim of spec.volumeClaimTemplates ?? []) defaultClaimTemplate(claim);
}

function rollingUpdateErrors(ru: any): FieldError[] {
  const path = 'spec.updateStrategy.rollingUpdate';
  const errs = nonNegative(ru.partition, `${path}.partition`);
  if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) {
    errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, `${path}.maxUnavailable`));
    if (intOrPercentValue(ru.maxUnavailable) === 0) errs.push(invalidRaw(`${path}.maxUnavailable`, goIntOrString(ru.maxUnavailable), 'cannot be 0'));
    errs.push(...validateNotMoreThan100Percent(ru.maxUnavailable, `${path}.maxUnavailable`));
  }
  return errs;
}

function updateStrategyErrors(us: any): FieldError[] {
  const ru = us?.rollingUpdate;
  switch (us?.type ?? '') {
    case '':
      return [fe.required('spec.updateStrategy')];
    case 'OnDelete':
      return ru ? [invalidRaw('spec.updateStrategy.rollingUpdate', rollingUpdateText(ru), "only allowed for updateStrategy 'RollingUpdate'")] : [];
    case 'RollingUpdate':
      return ru ? rollingUpdateErrors(ru) : [];
    default: {
      const ruText = ru ? '(*apps.RollingUpdateStatefulSetStrategy)(0xc000000000)' : '(*apps.RollingUpdateStatefulSetStrategy)(nil)';
      return [invalidRaw('spec.updateStrategy', `apps.StatefulSetUpdateStrategy{Type:${JSON.stringify(us.type)}, RollingUpdate:${ruText}}`,
        "must be 'RollingUpdate' or 'OnDelete'")];
    }
  }
}

/** `%#v` of the RollingUpdateStatefulSetStrategy Go prints for a misplaced rollingUpdate. */
function rollingUpdateText(ru: any): string {
  const partition = ru.partition === undefined ? '(*int32)(nil)' : '(*int32)(0xc000000000)';
  const maxUnavailable = ru.maxUnavailable === undefined ? '(*intstr.IntOrString)(nil)' : '(*intstr.IntOrString)(0xc000000000)';
  return `apps.RollingUpdateStatefulSetStrategy{Partition:${partition}, MaxUnavailable:${maxUnavailable}}`;
}

function retentionErrors(policy: any): FieldError[] {
  if (!policy) return [];
  const errs: FieldError[] = [];
  for (const key of ['whenDeleted', 'whenScaled']) {
    const v = policy[key] ?? '';
    if (v !== 'Retain' && v !== 'Delete') errs.push(fe.unsupported(`spec.persistentVolumeClaimRetentionPolicy.${key}`, v, ['Retain', 'Delete']));
  }
  return errs;
}

/** ValidateStatefulSetSpec (the pod spec itself is not validated for StatefulSets, as in Kubernetes). */
function validate(obj: KubeObject): FieldError[] {
  const spec = obj.spec ?? {};
  const errs: FieldError[] = [];
  const pmp = spec.podManagementPolicy ?? '';
  if (pmp === '') errs.push(fe.required('spec.podManagementPolicy'));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') errs.push(fe.invalid('spec.podManagementPolicy', pmp, "must be 'OrderedReady' or 'Parallel'"));
  errs.push(...updateStrategyErrors(spec.updateStrategy));
  errs.push(...retentionErrors(spec.persistentVolumeClaimRetentionPolicy));
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'), ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  if (spec.ordinals) errs.push(...nonNegative(spec.ordinals.start, 'spec.ordinals.start'));
  errs.push(...validateControllerSelector(spec, 'statefulset', ''));
  const meta = spec.template?.metadata ?? {};
  errs.push(...validateLabels(meta.labels, 'spec.template.labels'), ...validateAnnotations(meta.annotations, 'spec.template.annotations'));
  errs.push(...validateAlwaysRestart(spec.template, 'StatefulSet'));
  return errs;
}

const MUTABLE = ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'persistentVolumeClaimRetentionPolicy'];

function validateUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const strip = (spec: any): any => Object.fromEntries(Object.entries(spec ?? {}).filter(([k]) => !MUTABLE.includes(k)));
  if (deepEqual(strip(obj.spec), strip(old.spec))) return [];
  return [fe.forbidden('spec', "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', " +
    "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden")];
}

async function describe(sts: KubeObject, ctx: DescribeContext): Promise<string> {
  const spec = sts.spec ?? {};
  const w = new DescribeWriter();
  w.write(0, 'Name:', sts.metadata.name ?? '');
  w.write(0, 'Namespace:', sts.metadata.namespace ?? '');
  w.write(0, 'CreationTimestamp:', rfc1123z(sts.metadata.creationTimestamp));
  w.write(0, 'Selector:', selectorString(spec.selector));
  w.writeMap(0, 'Labels', sts.metadata.labels);
  writeAnnotations(w, 0, 'Annotations', sts.metadata.annotations);
  w.write(0, 'Replicas:', `${spec.replicas ?? 0} desired | ${sts.status?.replicas ?? 0} total`);
  w.write(0, 'Update Strategy:', spec.updateStrategy?.type ?? '');
  const ru = spec.updateStrategy?.rollingUpdate;
  if (ru && ru.partition !== undefined && ru.partition !== null) {
    w.write(1, 'Partition:', String(ru.partition));
    if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) w.write(1, 'MaxUnavailable:', String(ru.maxUnavailable));
  }
  w.write(0, 'Pods Status:', podCountsText(await podCountsFor(sts, spec.selector, ctx)));
  describePodTemplate(w, spec.template);
  describeClaimTemplates(w, spec.volumeClaimTemplates);
  return w.toString();
}

export const statefulSetKind: KindDef = {
  group: 'apps',
  version: 'v1',
  kind: 'StatefulSet',
  plural: 'statefulsets',
  singular: 'statefulset',
  shortNames: ['sts'],
  categories: ['all'],
  namespaced: true,
  schemaType: 'V1StatefulSet',
  statusSubresource: true,
  scaleSubresource: true,
  bumpsGeneration: true,
  nameRule: 'label',
  defaults,
  prepareForCreate(obj) {
    // replicas and availableReplicas have no omitempty in StatefulSetStatus.
    obj.status = { replicas: 0, availableReplicas: 0 };
  },
  validate,
  validateUpdate,
  columns: [
    nameColumn,
    { name: 'READY', cell: (o) => `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}` },
    ageColumn,
    ...containerColumns((o) => o.spec?.template),
  ],
  describe,
  describeEvents: true,
};
