/** core/v1 PersistentVolumeClaim. */
import { DescribeWriter } from '../describe-writer.js';
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { DescribeContext, KindDef } from '../kind.js';
import { compareQuantities, isValidQuantity } from '../quantity.js';
import type { KubeObject } from '../types.js';
import { age } from '../../util/human-duration.js';
import { ageColumn, nameColumn, rfc1123z, writeAnnotations } from './meta-columns.js';
import { accessModesText, defaultClaimSpec, quantityText, storageClassOf, validateClaimSpec } from './storage-helpers.js';
import { deepEqual } from './workload-validation.js';
import { goList } from './go-render.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/**
 * ValidatePersistentVolumeClaimUpdate: the spec is immutable except resources.requests of bound
 * claims, a first volumeName (the binder sets it) and a first storageClassName (retroactive default).
 */
function validateUpdate(pvc: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const next = JSON.parse(JSON.stringify(pvc.spec ?? {}));
  const prev = JSON.parse(JSON.stringify(old.spec ?? {}));
  if (!prev.volumeName) prev.volumeName = next.volumeName;
  if (prev.storageClassName == null && next.storageClassName != null) prev.storageClassName = next.storageClassName;
  const oldAnn = old.metadata.annotations?.[BETA_CLASS_ANNOTATION];
  const newAnn = pvc.metadata.annotations?.[BETA_CLASS_ANNOTATION];
  if (oldAnn !== newAnn) errs.push(fe.invalid(`metadata.annotations[${BETA_CLASS_ANNOTATION}]`, newAnn ?? '', 'field is immutable'));
  if (pvc.status?.phase === 'Bound' && next.resources?.requests) {
    next.resources.requests.storage = prev.resources?.requests?.storage;
    if (next.resources.requests.storage === undefined) delete next.resources.requests.storage;
  }
  if (prev.volumeAttributesClassName !== next.volumeAttributesClassName) prev.volumeAttributesClassName = next.volumeAttributesClassName;
  if (!deepEqual(next, prev)) {
    errs.push(fe.forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims'));
  }
  const oldSize = old.spec?.resources?.requests?.storage;
  const newSize = pvc.spec?.resources?.requests?.storage;
  if (isValidQuantity(oldSize) && isValidQuantity(newSize) && compareQuantities(newSize, oldSize) < 0) {
    errs.push(fe.forbidden('spec.resources.requests.storage', 'field can not be less than previous value'));
  }
  return errs;
}

/** getPodsForPVC: pods in the namespace that mount the claim, or that own it. */
async function podsUsing(pvc: KubeObject, ctx: DescribeContext): Promise<string[]> {
  const pods = await ctx.client.list('pods', { namespace: pvc.metadata.namespace });
  const names = new Set<string>();
  for (const pod of pods.items) {
    if ((pod.spec?.volumes ?? []).some((v: any) => v.persistentVolumeClaim?.claimName === pvc.metadata.name)) names.add(pod.metadata.name ?? '');
  }
  for (const ref of pvc.metadata.ownerReferences ?? []) {
    if (ref.kind !== 'Pod') continue;
    const owner = pods.items.find((p) => p.metadata.uid === ref.uid);
    if (owner) names.add(owner.metadata.name ?? '');
  }
  return [...names].sort();
}

async function describe(pvc: KubeObject, ctx: DescribeContext): Promise<string> {
  const spec = pvc.spec ?? {};
  const w = new DescribeWriter();
  w.write(0, 'Name:', pvc.metadata.name ?? '');
  w.write(0, 'Namespace:', pvc.metadata.namespace ?? '');
  w.write(0, 'StorageClass:', storageClassOf(pvc));
  w.write(0, 'Status:', pvc.metadata.deletionTimestamp
    ? `Terminating (lasts ${age(pvc.metadata.deletionTimestamp, ctx.now)})`
    : String(pvc.status?.phase ?? ''));
  w.write(0, 'Volume:', spec.volumeName ?? '');
  w.writeMap(0, 'Labels', pvc.metadata.labels);
  writeAnnotations(w, 0, 'Annotations', pvc.metadata.annotations);
  w.write(0, 'Finalizers:', goList(pvc.metadata.finalizers));
  const bound = !!spec.volumeName;
  w.write(0, 'Capacity:', bound ? quantityText(pvc.status?.capacity?.storage) : '');
  w.write(0, 'Access Modes:', bound ? accessModesText(pvc.status?.accessModes) : '');
  if (spec.volumeMode != null) w.write(0, 'VolumeMode:', String(spec.volumeMode));
  if (spec.dataSource) {
    w.write(0, 'DataSource:');
    if (spec.dataSource.apiGroup != null) w.write(1, 'APIGroup:', String(spec.dataSource.apiGroup));
    w.write(1, 'Kind:', String(spec.dataSource.kind ?? ''));
    w.write(1, 'Name:', String(spec.dataSource.name ?? ''));
  }
  const users = await podsUsing(pvc, ctx);
  if (users.length === 0) w.write(0, 'Used By:', '<none>');
  users.forEach((name, i) => w.write(0, i === 0 ? 'Used By:' : '', name));
  const conditions: any[] = pvc.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:');
    w.write(1, 'Type', 'Status', 'LastProbeTime', 'LastTransitionTime', 'Reason', 'Message');
    w.write(1, '----', '------', '-----------------', '------------------', '------', '-------');
    for (const c of conditions) {
      w.write(1, `${c.type ?? ''} `, `${c.status ?? ''} `, `${rfc1123z(c.lastProbeTime)} `, `${rfc1123z(c.lastTransitionTime)} `,
        `${c.reason ?? ''} `, String(c.message ?? ''));
    }
  }
  return w.toString();
}

export const persistentVolumeClaimKind: KindDef = {
  group: '',
  version: 'v1',
  kind: 'PersistentVolumeClaim',
  plural: 'persistentvolumeclaims',
  singular: 'persistentvolumeclaim',
  shortNames: ['pvc'],
  categories: [],
  namespaced: true,
  schemaType: 'V1PersistentVolumeClaim',
  statusSubresource: true,
  bumpsGeneration: false,
  nameRule: 'subdomain',
  defaults(pvc) {
    defaultClaimSpec((pvc.spec ??= {}));
    pvc.status ??= {};
    pvc.status.phase ??= 'Pending';
  },
  prepareForCreate(pvc) {
    pvc.status = { phase: 'Pending' };
  },
  validate: (pvc) => validateClaimSpec(pvc.spec, 'spec'),
  validateUpdate,
  columns: [
    nameColumn,
    { name: 'STATUS', cell: (o) => (o.metadata.deletionTimestamp ? 'Terminating' : String(o.status?.phase ?? '')) },
    { name: 'VOLUME', cell: (o) => String(o.spec?.volumeName ?? '') },
    { name: 'CAPACITY', cell: (o) => (o.spec?.volumeName ? quantityText(o.status?.capacity?.storage) : '') },
    { name: 'ACCESS MODES', cell: (o) => (o.spec?.volumeName ? accessModesText(o.status?.accessModes) : '') },
    { name: 'STORAGECLASS', cell: (o) => storageClassOf(o) },
    { name: 'VOLUMEATTRIBUTESCLASS', cell: (o) => (o.spec?.volumeAttributesClassName != null ? String(o.spec.volumeAttributesClassName) : '<unset>') },
    ageColumn,
    { name: 'VOLUMEMODE', priority: 1, cell: (o) => (o.spec?.volumeMode != null ? String(o.spec.volumeMode) : '<unset>') },
  ],
  describe,
  describeEvents: true,
};
