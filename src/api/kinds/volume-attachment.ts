/**
 * storage.k8s.io/v1 VolumeAttachment: the request to attach a volume to a node, which the
 * attach/detach controller creates and a CSI driver's external-attacher answers in status.
 */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { dns1123SubdomainErrors } from '../validation/names.js';
import { validateCSIDriverName } from './csi-driver.js';
import { invalidRaw } from './go-render.js';
import { ageColumn, nameColumn } from './meta-columns.js';
import { deepEqual } from './workload-validation.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const EXACTLY_ONE = 'must specify exactly one of inlineVolumeSpec and persistentVolumeName';
const MAX_METADATA_SIZE = 256 * 1024;
const MAX_ERROR_MESSAGE_SIZE = 1024;

/** validateVolumeAttachmentSource (the inline PV spec itself is not checked here). */
function sourceErrors(source: any): FieldError[] {
  const pv = source?.persistentVolumeName;
  const inline = source?.inlineVolumeSpec;
  if (pv == null && inline == null) return [fe.required('spec.source', EXACTLY_ONE)];
  if (pv != null && inline != null) return [fe.forbidden('spec.source', EXACTLY_ONE)];
  if (pv != null && String(pv).length === 0) {
    return [fe.required('spec.source.persistentVolumeName', 'must specify non empty persistentVolumeName')];
  }
  return [];
}

/** validateVolumeAttachmentStatus. */
function statusErrors(status: any): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(status?.attachmentMetadata ?? {})) size += k.length + String(v ?? '').length;
  if (size > MAX_METADATA_SIZE) errs.push(fe.tooLong('status.attachmentMetadata', '', MAX_METADATA_SIZE));
  for (const which of ['attachError', 'detachError']) {
    const e = status?.[which];
    if (e == null) continue;
    // Kubernetes reports the metadata limit here, not the message limit
    if (String(e.message ?? '').length > MAX_ERROR_MESSAGE_SIZE) errs.push(fe.tooLong(`status.${which}.message`, '', MAX_METADATA_SIZE));
    if (typeof e.errorCode === 'number' && e.errorCode < 0) {
      errs.push(fe.invalid(`status.${which}.errorCode`, e.errorCode, 'must be between 0 and 2147483647, inclusive'));
    }
  }
  return errs;
}

/**
 * ValidateVolumeAttachment then ValidateVolumeAttachmentV1, in that order (the name is a DNS
 * subdomain: the meta check). An empty attacher is reported Required by both; the API error's
 * message lists it once, as here.
 */
function validate(obj: KubeObject): FieldError[] {
  const spec = obj.spec ?? {};
  const attacher = typeof spec.attacher === 'string' ? spec.attacher : '';
  const errs: FieldError[] = [];
  if (attacher.length === 0) errs.push(fe.required('spec.attacher', ''));
  errs.push(...sourceErrors(spec.source));
  const nodeName = typeof spec.nodeName === 'string' ? spec.nodeName : '';
  for (const msg of dns1123SubdomainErrors(nodeName)) errs.push(fe.invalid('spec.nodeName', nodeName, msg));
  errs.push(...statusErrors(obj.status));
  errs.push(...validateCSIDriverName(attacher, 'spec.attacher').filter((e) => e.type !== 'Required value'));
  const pv = spec.source?.persistentVolumeName;
  if (pv != null) {
    for (const msg of dns1123SubdomainErrors(String(pv))) errs.push(fe.invalid('spec.source.persistentVolumeName', String(pv), msg));
  }
  return errs;
}

const q = (s: unknown): string => JSON.stringify(String(s ?? ''));

/** `%#v` of a storage.VolumeAttachmentSpec (an inline PV spec is a pointer: any address stands in). */
function goSpec(spec: any): string {
  const pv = spec?.source?.persistentVolumeName;
  const pvText = pv == null ? '(*string)(nil)' : '(*string)(0xc000a1c000)';
  const inline = spec?.source?.inlineVolumeSpec == null ? '(*core.PersistentVolumeSpec)(nil)' : '(*core.PersistentVolumeSpec)(0xc000a1c010)';
  return `storage.VolumeAttachmentSpec{Attacher:${q(spec?.attacher)}, Source:storage.VolumeAttachmentSource{PersistentVolumeName:${pvText}, ` +
    `InlineVolumeSpec:${inline}}, NodeName:${q(spec?.nodeName)}}`;
}

/** ValidateVolumeAttachmentUpdate: the spec is read-only. */
function validateUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return deepEqual(obj.spec ?? {}, old.spec ?? {}) ? [] : [invalidRaw('spec', goSpec(obj.spec), 'field is immutable')];
}

export const volumeAttachmentKind: KindDef = {
  group: 'storage.k8s.io',
  version: 'v1',
  kind: 'VolumeAttachment',
  plural: 'volumeattachments',
  singular: 'volumeattachment',
  shortNames: [],
  categories: [],
  namespaced: false,
  schemaType: 'V1VolumeAttachment',
  statusSubresource: true,
  bumpsGeneration: false,
  nameRule: 'subdomain',
  prepareForCreate(obj) {
    // a v1 create drops the status; VolumeAttachmentStatus.attached has no omitempty
    obj.status = { attached: false };
  },
  validate,
  validateUpdate,
  columns: [
    nameColumn,
    { name: 'ATTACHER', cell: (o) => String(o.spec?.attacher ?? '') },
    { name: 'PV', cell: (o) => String(o.spec?.source?.persistentVolumeName ?? '') },
    { name: 'NODE', cell: (o) => String(o.spec?.nodeName ?? '') },
    { name: 'ATTACHED', cell: (o) => String(o.status?.attached === true) },
    ageColumn,
  ],
  describeEvents: true,
};
