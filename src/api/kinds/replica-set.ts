/** apps/v1 ReplicaSet. */
import { DescribeWriter } from '../describe-writer.js';
import type { FieldError } from '../field-error.js';
import type { DescribeContext, KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { ageColumn, controllerOf, nameColumn, writeAnnotations } from './meta-columns.js';
import { defaultPodTemplateSpec, validatePodTemplateSpec } from './pod-spec.js';
import { describePodTemplate } from './pod-template-describe.js';
import { containerColumns, formatSelector, intCell, selectorColumn } from './workload-columns.js';
import { podCountsFor, podCountsText, writeReasonConditions } from './workload-describe.js';
import { nonNegative, selectorUsable, validateAlwaysRestart, validateControllerSelector, validateSelectorImmutable } from './workload-validation.js';

/** ValidateReplicaSetSpec. */
function validate(obj: KubeObject): FieldError[] {
  const spec = obj.spec ?? {};
  const errs = [...nonNegative(spec.replicas, 'spec.replicas'), ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds')];
  errs.push(...validateControllerSelector(spec, 'deployment'));
  if (selectorUsable(spec.selector)) {
    errs.push(...validatePodTemplateSpec(spec.template, 'spec.template'));
    errs.push(...validateAlwaysRestart(spec.template, 'ReplicaSet'));
  }
  return errs;
}

async function describe(rs: KubeObject, ctx: DescribeContext): Promise<string> {
  const w = new DescribeWriter();
  w.write(0, 'Name:', rs.metadata.name ?? '');
  w.write(0, 'Namespace:', rs.metadata.namespace ?? '');
  w.write(0, 'Selector:', formatSelector(rs.spec?.selector));
  w.writeMap(0, 'Labels', rs.metadata.labels);
  writeAnnotations(w, 0, 'Annotations', rs.metadata.annotations);
  const controlledBy = controllerOf(rs);
  if (controlledBy) w.write(0, 'Controlled By:', controlledBy);
  w.write(0, 'Replicas:', `${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired`);
  w.write(0, 'Pods Status:', podCountsText(await podCountsFor(rs, rs.spec?.selector, ctx)));
  describePodTemplate(w, rs.spec?.template);
  writeReasonConditions(w, rs.status?.conditions);
  return w.toString();
}

export const replicaSetKind: KindDef = {
  group: 'apps',
  version: 'v1',
  kind: 'ReplicaSet',
  plural: 'replicasets',
  singular: 'replicaset',
  shortNames: ['rs'],
  categories: ['all'],
  namespaced: true,
  schemaType: 'V1ReplicaSet',
  statusSubresource: true,
  scaleSubresource: true,
  bumpsGeneration: true,
  nameRule: 'subdomain',
  defaults(obj) {
    const spec = (obj.spec ??= {});
    spec.replicas ??= 1;
    defaultPodTemplateSpec((spec.template ??= {}));
  },
  prepareForCreate(obj) {
    // ReplicaSetStatus.replicas has no omitempty: a fresh status serialises as {replicas: 0}.
    obj.status = { replicas: 0 };
  },
  validate,
  validateUpdate: (obj, old) => validateSelectorImmutable(obj, old),
  columns: [
    nameColumn,
    { name: 'DESIRED', cell: (o) => intCell(o.spec?.replicas) },
    { name: 'CURRENT', cell: (o) => intCell(o.status?.replicas) },
    { name: 'READY', cell: (o) => intCell(o.status?.readyReplicas) },
    ageColumn,
    ...containerColumns((o) => o.spec?.template),
    selectorColumn((o) => o.spec?.selector),
  ],
  describe,
  describeEvents: true,
};
