/** core/v1 PersistentVolume. */
import { DescribeWriter } from '../describe-writer.js';
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { age } from '../../util/human-duration.js';
import { unsupportedRaw } from './go-render.js';
import { ageColumn, nameColumn, writeAnnotations } from './meta-columns.js';
import { describePVSource, validatePVSources } from './pv-source.js';
import {
  VOLUME_MODES, accessModeErrors, accessModesText, canonicalizeList, classNameErrors, positiveQuantityErrors, quantityText, storageClassOf,
} from './storage-helpers.js';
import { goList } from './go-render.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];

function defaults(pv: KubeObject): void {
  const spec = (pv.spec ??= {});
  pv.status ??= {};
  pv.status.phase ??= 'Pending';
  if (!spec.persistentVolumeReclaimPolicy) spec.persistentVolumeReclaimPolicy = 'Retain';
  spec.volumeMode ??= 'Filesystem';
  if (spec.hostPath) spec.hostPath.type ??= '';
  canonicalizeList(spec.capacity);
}

/** `%#v` of a core.ResourceList as Go prints it in the capacity error (names only, values elided). */
function resourceListText(capacity: any): string {
  if (capacity == null) return 'core.ResourceList(nil)';
  return `core.ResourceList{${Object.keys(capacity).sort().map((k) => `${JSON.stringify(k)}:resource.Quantity{...}`).join(', ')}}`;
}

/** path.Clean(p) == "/" */
function isRootPath(p: unknown): boolean {
  return typeof p === 'string' && p.startsWith('/') && p.split('/').every((seg) => seg === '' || seg === '.');
}

/** ValidatePersistentVolumeSpec. */
function validate(pv: KubeObject): FieldError[] {
  const spec = pv.spec ?? {};
  const errs: FieldError[] = [];
  if (!spec.accessModes?.length) errs.push(fe.required('spec.accessModes'));
  errs.push(...accessModeErrors(spec.accessModes, 'spec.accessModes'));
  const capacity = spec.capacity;
  const keys = Object.keys(capacity ?? {});
  if (keys.length === 0) errs.push(fe.required('spec.capacity'));
  if (!keys.includes('storage') || keys.length > 1) errs.push(unsupportedRaw('spec.capacity', resourceListText(capacity), ['storage']));
  for (const k of keys) errs.push(...positiveQuantityErrors(capacity[k], `spec.capacity[${k}]`));
  errs.push(...classNameErrors(spec.storageClassName, 'spec.storageClassName'));
  if (spec.volumeMode != null && !VOLUME_MODES.includes(spec.volumeMode)) errs.push(fe.unsupported('spec.volumeMode', spec.volumeMode, VOLUME_MODES));
  const policy = spec.persistentVolumeReclaimPolicy;
  if (policy && !RECLAIM_POLICIES.includes(policy)) errs.push(fe.unsupported('spec.persistentVolumeReclaimPolicy', policy, RECLAIM_POLICIES));
  errs.push(...validatePVSources(spec));
  if (isRootPath(spec.hostPath?.path) && policy === 'Recycle') {
    errs.push(fe.forbidden('spec.persistentVolumeReclaimPolicy', "may not be 'recycle' for a hostPath mount of '/'"));
  }
  return errs;
}

function nodeAffinityLines(w: DescribeWriter, affinity: any): void {
  const terms: any[] | undefined = affinity?.required?.nodeSelectorTerms;
  if (!affinity?.required) {
    w.write(0, 'Node Affinity:', '<none>');
    return;
  }
  w.write(0, 'Node Affinity:', '');
  if (!terms?.length) {
    w.write(1, 'Required Terms:', '<none>');
    return;
  }
  w.write(1, 'Required Terms:', '');
  terms.forEach((term, i) => {
    const reqs: any[] = term.matchExpressions ?? [];
    if (reqs.length === 0) w.write(2, `Term ${i}:`, '<none>');
    reqs.forEach((r, j) => {
      let expr = `${r.key} ${String(r.operator ?? '').toLowerCase()}`;
      if (r.values?.length) expr += ` [${r.values.join(', ')}]`;
      w.write(2, j === 0 ? `Term ${i}:` : '', expr);
    });
  });
}

function describe(pv: KubeObject, ctx: { now: Date }): string {
  const spec = pv.spec ?? {};
  const w = new DescribeWriter();
  w.write(0, 'Name:', pv.metadata.name ?? '');
  w.writeMap(0, 'Labels', pv.metadata.labels);
  writeAnnotations(w, 0, 'Annotations', pv.metadata.annotations);
  w.write(0, 'Finalizers:', goList(pv.metadata.finalizers));
  w.write(0, 'StorageClass:', storageClassOf(pv));
  w.write(0, 'Status:', pv.metadata.deletionTimestamp ? `Terminating (lasts ${age(pv.metadata.deletionTimestamp, ctx.now)})` : String(pv.status?.phase ?? ''));
  w.write(0, 'Claim:', spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : '');
  w.write(0, 'Reclaim Policy:', String(spec.persistentVolumeReclaimPolicy ?? ''));
  w.write(0, 'Access Modes:', accessModesText(spec.accessModes));
  if (spec.volumeMode != null) w.write(0, 'VolumeMode:', String(spec.volumeMode));
  w.write(0, 'Capacity:', quantityText(spec.capacity?.storage));
  nodeAffinityLines(w, spec.nodeAffinity);
  w.write(0, 'Message:', String(pv.status?.message ?? ''));
  w.write(0, 'Source:');
  describePVSource(w, spec);
  return w.toString();
}

export const persistentVolumeKind: KindDef = {
  group: '',
  version: 'v1',
  kind: 'PersistentVolume',
  plural: 'persistentvolumes',
  singular: 'persistentvolume',
  shortNames: ['pv'],
  categories: [],
  namespaced: false,
  schemaType: 'V1PersistentVolume',
  statusSubresource: true,
  bumpsGeneration: false,
  nameRule: 'subdomain',
  defaults,
  prepareForCreate(pv) {
    // PersistentVolumeLastPhaseTransitionTime (GA in 1.31): the phase starts Pending, stamped at creation.
    pv.status = { phase: 'Pending' };
    if (pv.metadata.creationTimestamp) pv.status.lastPhaseTransitionTime = pv.metadata.creationTimestamp;
  },
  validate,
  columns: [
    nameColumn,
    { name: 'CAPACITY', cell: (o) => quantityText(o.spec?.capacity?.storage) },
    { name: 'ACCESS MODES', cell: (o) => accessModesText(o.spec?.accessModes) },
    { name: 'RECLAIM POLICY', cell: (o) => String(o.spec?.persistentVolumeReclaimPolicy ?? '') },
    { name: 'STATUS', cell: (o) => (o.metadata.deletionTimestamp ? 'Terminating' : String(o.status?.phase ?? '')) },
    { name: 'CLAIM', cell: (o) => (o.spec?.claimRef ? `${o.spec.claimRef.namespace ?? ''}/${o.spec.claimRef.name ?? ''}` : '') },
    { name: 'STORAGECLASS', cell: (o) => storageClassOf(o) },
    { name: 'VOLUMEATTRIBUTESCLASS', cell: (o) => (o.spec?.volumeAttributesClassName != null ? String(o.spec.volumeAttributesClassName) : '<unset>') },
    { name: 'REASON', cell: (o) => String(o.status?.reason ?? '') },
    ageColumn,
    { name: 'VOLUMEMODE', priority: 1, cell: (o) => (o.spec?.volumeMode != null ? String(o.spec.volumeMode) : '<unset>') },
  ],
  describe,
  describeEvents: true,
};
