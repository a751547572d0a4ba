/**
 * node.k8s.io/v1 RuntimeClass: a named container runtime configuration (gVisor's runsc, Kata) that a
 * pod selects with spec.runtimeClassName. The RuntimeClass admission plugin
 * (apiserver/admission/runtime-class.ts) gives such pods the class's overhead, node selector and
 * tolerations.
 */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { validateLabels } from '../validation/labels.js';
import { validateTolerations } from '../validation/tolerations.js';
import { dns1123LabelErrors } from '../validation/names.js';
import { validateResources } from './container-validation.js';
import { ageColumn, nameColumn } from './meta-columns.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** ValidateRuntimeClass (the name is checked with the object meta). */
function validate(rc: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const handler = String(rc.handler ?? '');
  for (const m of dns1123LabelErrors(handler)) errs.push(fe.invalid('handler', handler, m));
  // validateOverhead reuses ValidateResourceRequirements with podFixed as the limits
  if (rc.overhead != null) errs.push(...validateResources({ limits: rc.overhead.podFixed ?? {} }, 'overhead'));
  const scheduling = rc.scheduling;
  if (scheduling != null) {
    if (scheduling.nodeSelector != null) errs.push(...validateLabels(scheduling.nodeSelector, 'scheduling.nodeSelector'));
    errs.push(...validateTolerations(scheduling.tolerations, 'scheduling.tolerations'));
  }
  return errs;
}

/** ValidateRuntimeClassUpdate: the handler is fixed at creation. */
function validateUpdate(rc: KubeObject, old: KubeObject): FieldError[] {
  const handler = rc.handler ?? '';
  return handler === (old.handler ?? '') ? [] : [fe.immutable('handler', handler)];
}

export const runtimeClassKind: KindDef = {
  group: 'node.k8s.io',
  version: 'v1',
  kind: 'RuntimeClass',
  plural: 'runtimeclasses',
  singular: 'runtimeclass',
  shortNames: [],
  categories: [],
  namespaced: false,
  schemaType: 'V1RuntimeClass',
  statusSubresource: false,
  bumpsGeneration: false,
  nameRule: 'subdomain',
  validate,
  validateUpdate,
  columns: [
    nameColumn,
    { name: 'HANDLER', cell: (o) => String(o.handler ?? '') },
    ageColumn,
  ],
  describeEvents: true,
};
