/**
 * core/v1 PodTemplate: a named, stored pod template (no controller acts on it by itself; tools and
 * operators copy it into pods or workloads).
 */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { formatLabels, nameColumn } from './meta-columns.js';
import { defaultPodTemplateSpec, validatePodTemplateSpec } from './pod-spec.js';
import { containerCells } from './workload-columns.js';

/**
 * ValidatePodTemplate: the template is checked as a pod template (ValidatePodTemplateSpec), which
 * forbids ephemeral containers. Unlike a ReplicaSet's template, any restart policy is allowed.
 */
function validate(obj: KubeObject): FieldError[] {
  const errs = validatePodTemplateSpec(obj.template, 'template');
  const ephemeral = obj.template?.spec?.ephemeralContainers;
  if (Array.isArray(ephemeral) && ephemeral.length > 0) {
    errs.push(fe.forbidden('template.spec.ephemeralContainers', 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}

export const podTemplateKind: KindDef = {
  group: '',
  version: 'v1',
  kind: 'PodTemplate',
  plural: 'podtemplates',
  singular: 'podtemplate',
  shortNames: [],
  categories: [],
  namespaced: true,
  schemaType: 'V1PodTemplate',
  statusSubresource: false,
  // podTemplateStrategy: generation 1 on create, +1 whenever the template changes
  bumpsGeneration: true,
  nameRule: 'subdomain',
  defaults(obj) {
    // SetDefaults_PodSpec and below, as for a workload's spec.template
    defaultPodTemplateSpec((obj.template ??= {}));
  },
  validate,
  // printPodTemplate: no AGE column
  columns: [
    nameColumn,
    { name: 'CONTAINERS', cell: (o) => containerCells(o.template).names },
    { name: 'IMAGES', cell: (o) => containerCells(o.template).images },
    { name: 'POD LABELS', cell: (o) => formatLabels(o.template?.metadata?.labels) },
  ],
  describeEvents: true,
};
