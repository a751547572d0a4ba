import { describe, expect, it } from 'vitest';
import { csiDriverKind, validateCSIDriverName } from '../../../src/api/kinds/csi-driver.js';
import type { KubeObject } from '../../../src/api/types.js';
import { messages } from './helpers.js';
import { CREATED, row } from './workload-helpers.js';

const driver = (spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name: 'ebs.csi.aws.com', creationTimestamp: CREATED }, spec,
});
const defaulted = (spec: Record<string, unknown> = {}): KubeObject => {
  const o = driver(spec);
  csiDriverKind.defaults!(o);
  return o;
};
const validate = (o: KubeObject) => messages(csiDriverKind.validate!(o));
const update = (o: KubeObject, old: KubeObject) => messages(csiDriverKind.validateUpdate!(o, old));
const SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

describe('CSIDriver', () => {
  it('is served as storage.k8s.io/v1 csidrivers, cluster-scoped, without status', () => {
    expect(csiDriverKind).toMatchObject({
      group: 'storage.k8s.io', version: 'v1', kind: 'CSIDriver', plural: 'csidrivers', singular: 'csidriver',
      namespaced: false, statusSubresource: false, schemaType: 'V1CSIDriver', nameRule: 'subdomain',
    });
  });

  it('fills SetDefaults_CSIDriver', () => {
    expect(defaulted().spec).toEqual({
      attachRequired: true, podInfoOnMount: false, storageCapacity: false, fsGroupPolicy: 'ReadWriteOnceWithFSType',
      volumeLifecycleModes: ['Persistent'], requiresRepublish: false, seLinuxMount: false,
    });
    const o = driver();
    delete o.spec;
    csiDriverKind.defaults!(o);
    expect(o.spec.attachRequired).toBe(true);
    expect(defaulted({ attachRequired: false, podInfoOnMount: true, fsGroupPolicy: 'File', volumeLifecycleModes: ['Ephemeral'], seLinuxMount: true }).spec).toEqual({
      attachRequired: false, podInfoOnMount: true, storageCapacity: false, fsGroupPolicy: 'File',
      volumeLifecycleModes: ['Ephemeral'], requiresRepublish: false, seLinuxMount: true,
    });
    expect(defaulted({ volumeLifecycleModes: [] }).spec.volumeLifecycleModes).toEqual(['Persistent']);
  });

  it('accepts the drivers of install manifests', () => {
    expect(validate(defaulted({ attachRequired: true, podInfoOnMount: false }))).toEqual([]);
    expect(validate(defaulted({
      attachRequired: false, volumeLifecycleModes: ['Persistent', 'Ephemeral'], fsGroupPolicy: 'None',
      tokenRequests: [{ audience: 'sts.amazonaws.com', expirationSeconds: 3600 }, { audience: '' }], requiresRepublish: true,
    }))).toEqual([]);
  });

  it('checks fsGroupPolicy, lifecycle modes and token requests', () => {
    expect(validate(defaulted({ fsGroupPolicy: 'Always' }))).toEqual([
      'spec.fsGroupPolicy: Unsupported value: "Always": supported values: "File", "None", "ReadWriteOnceWithFSType"',
    ]);
    expect(validate(defaulted({ volumeLifecycleModes: ['Persistent', 'Inline'] }))).toEqual([
      'spec.volumeLifecycleModes: Unsupported value: "Inline": supported values: "Persistent", "Ephemeral"',
    ]);
    expect(validate(defaulted({ tokenRequests: [{ audience: 'a', expirationSeconds: 599 }, { audience: 'a', expirationSeconds: 1 }, { audience: 'b', expirationSeconds: 2 ** 32 + 1 }] }))).toEqual([
      'spec.tokenRequests[0].expirationSeconds: Invalid value: 599: may not specify a duration less than 10 minutes',
      'spec.tokenRequests[1].audience: Duplicate value: "a"',
      'spec.tokenRequests[2].expirationSeconds: Invalid value: 4294967297: may not specify a duration larger than 2^32 seconds',
    ]);
  });

  it('requires the defaulted booleans', () => {
    expect(validate(driver())).toEqual([
      'spec.attachedRequired: Required value', 'spec.podInfoOnMount: Required value', 'spec.storageCapacity: Required value', 'spec.seLinuxMount: Required value',
    ]);
  });

  it('keeps attachRequired and volumeLifecycleModes as created', () => {
    const old = defaulted();
    expect(update(defaulted({ podInfoOnMount: true, fsGroupPolicy: 'File', storageCapacity: true, requiresRepublish: true, tokenRequests: [{ audience: 'x' }] }), old)).toEqual([]);
    expect(update(defaulted({ attachRequired: false, volumeLifecycleModes: ['Persistent', 'Ephemeral'] }), old)).toEqual([
      'spec.attachedRequired: Invalid value: false: field is immutable',
      'spec.volumeLifecycleModes: Invalid value: []storage.VolumeLifecycleMode{"Persistent", "Ephemeral"}: field is immutable',
    ]);
  });

  it('checks CSI driver names as other objects name them', () => {
    expect(messages(validateCSIDriverName('Ebs.CSI.aws.com', 'x'))).toEqual([]);
    expect(messages(validateCSIDriverName('', 'x'))).toEqual(['x: Required value', `x: Invalid value: "": ${SUBDOMAIN_MSG}`]);
    expect(messages(validateCSIDriverName('a'.repeat(64), 'x'))).toEqual(['x: Too long: must have at most 63 bytes']);
    expect(messages(validateCSIDriverName('nfs_csi', 'x'))).toEqual([`x: Invalid value: "nfs_csi": ${SUBDOMAIN_MSG}`]);
  });

  it('prints kubectl\'s columns', () => {
    expect(row(csiDriverKind, defaulted())).toEqual({
      NAME: 'ebs.csi.aws.com', ATTACHREQUIRED: 'true', PODINFOONMOUNT: 'false', STORAGECAPACITY: 'false',
      TOKENREQUESTS: '<unset>', REQUIRESREPUBLISH: 'false', MODES: 'Persistent', AGE: '60m',
    });
    expect(row(csiDriverKind, defaulted({
      attachRequired: false, podInfoOnMount: true, storageCapacity: true, requiresRepublish: true,
      tokenRequests: [{ audience: 'a' }, { audience: 'b' }], volumeLifecycleModes: ['Persistent', 'Ephemeral'],
    }))).toMatchObject({ ATTACHREQUIRED: 'false', PODINFOONMOUNT: 'true', STORAGECAPACITY: 'true', TOKENREQUESTS: 'a,b', REQUIRESREPUBLISH: 'true', MODES: 'Persistent,Ephemeral' });
    expect(row(csiDriverKind, driver())).toMatchObject({ ATTACHREQUIRED: 'true', MODES: '<none>' });
  });
});
