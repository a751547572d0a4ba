import { describe, expect, it } from 'vitest';
import { volumeAttachmentKind } from '../../../src/api/kinds/volume-attachment.js';
import type { KubeObject } from '../../../src/api/types.js';
import { messages } from './helpers.js';
import { CREATED, created, row } from './workload-helpers.js';

const va = (spec: Record<string, unknown> = {}, status?: Record<string, unknown>): KubeObject => ({
  apiVersion: 'storage.k8s.io/v1', kind: 'VolumeAttachment', metadata: { name: 'csi-0123abcd', creationTimestamp: CREATED },
  spec: { attacher: 'ebs.csi.aws.com', nodeName: 'node-1', source: { persistentVolumeName: 'pvc-1234' }, ...spec },
  ...(status ? { status } : {}),
});
const validate = (o: KubeObject) => messages(volumeAttachmentKind.validate!(o));
const SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const EXACTLY_ONE = 'must specify exactly one of inlineVolumeSpec and persistentVolumeName';

describe('VolumeAttachment', () => {
  it('is served as storage.k8s.io/v1 volumeattachments, cluster-scoped, with status', () => {
    expect(volumeAttachmentKind).toMatchObject({
      group: 'storage.k8s.io', version: 'v1', kind: 'VolumeAttachment', plural: 'volumeattachments', namespaced: false, statusSubresource: true, schemaType: 'V1VolumeAttachment',
    });
  });

  it('starts with a fresh status', () => {
    expect(created(volumeAttachmentKind, va({}, { attached: true, attachmentMetadata: { a: 'b' } })).status).toEqual({ attached: false });
  });

  it('accepts a PV or an inline volume source', () => {
    expect(validate(va())).toEqual([]);
    expect(validate(va({ source: { inlineVolumeSpec: { csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-1' } } } }))).toEqual([]);
    expect(validate(va({}, { attached: true, attachmentMetadata: { devicePath: '/dev/xvdba' }, attachError: { message: 'x', errorCode: 0 } }))).toEqual([]);
  });

  it('requires an attacher that is a CSI driver name and a node name', () => {
    expect(validate(va({ attacher: '', nodeName: '' }))).toEqual([
      'spec.attacher: Required value',
      `spec.nodeName: Invalid value: "": ${SUBDOMAIN_MSG}`,
      `spec.attacher: Invalid value: "": ${SUBDOMAIN_MSG}`,
    ]);
    expect(validate(va({ attacher: 'Ebs.CSI.aws.com' }))).toEqual([]);
    expect(validate(va({ attacher: 'a'.repeat(64), nodeName: 'Node_1' }))).toEqual([
      `spec.nodeName: Invalid value: "Node_1": ${SUBDOMAIN_MSG}`,
      'spec.attacher: Too long: must have at most 63 bytes',
    ]);
  });

  it('requires exactly one source', () => {
    expect(validate(va({ source: {} }))).toEqual([`spec.source: Required value: ${EXACTLY_ONE}`]);
    expect(validate(va({ source: { persistentVolumeName: 'pv', inlineVolumeSpec: {} } }))).toEqual([`spec.source: Forbidden: ${EXACTLY_ONE}`]);
    expect(validate(va({ source: { persistentVolumeName: '' } }))).toEqual([
      'spec.source.persistentVolumeName: Required value: must specify non empty persistentVolumeName',
      `spec.source.persistentVolumeName: Invalid value: "": ${SUBDOMAIN_MSG}`,
    ]);
    expect(validate(va({ source: { persistentVolumeName: 'PV_1' } }))).toEqual([`spec.source.persistentVolumeName: Invalid value: "PV_1": ${SUBDOMAIN_MSG}`]);
  });

  it('checks the status sizes', () => {
    expect(validate(va({}, {
      attached: false, attachmentMetadata: { k: 'v'.repeat(256 * 1024) },
      attachError: { message: 'm'.repeat(1025) }, detachError: { message: 'ok', errorCode: -1 },
    }))).toEqual([
      'status.attachmentMetadata: Too long: must have at most 262144 bytes',
      'status.attachError.message: Too long: must have at most 262144 bytes',
      'status.detachError.errorCode: Invalid value: -1: must be between 0 and 2147483647, inclusive',
    ]);
  });

  it('keeps the spec read-only', () => {
    const old = va();
    expect(messages(volumeAttachmentKind.validateUpdate!(va({}, { attached: true }), old))).toEqual([]);
    expect(messages(volumeAttachmentKind.validateUpdate!(va({ nodeName: 'node-2' }), old))).toEqual([
      'spec: Invalid value: storage.VolumeAttachmentSpec{Attacher:"ebs.csi.aws.com", Source:storage.VolumeAttachmentSource{PersistentVolumeName:(*string)(0xc000a1c000), InlineVolumeSpec:(*core.PersistentVolumeSpec)(nil)}, NodeName:"node-2"}: field is immutable',
    ]);
  });

  it('prints kubectl\'s columns', () => {
    expect(row(volumeAttachmentKind, va({}, { attached: true }))).toEqual({ NAME: 'csi-0123abcd', ATTACHER: 'ebs.csi.aws.com', PV: 'pvc-1234', NODE: 'node-1', ATTACHED: 'true', AGE: '60m' });
    expect(row(volumeAttachmentKind, va({ source: { inlineVolumeSpec: {} } }))).toMatchObject({ PV: '', ATTACHED: 'false' });
  });
});
