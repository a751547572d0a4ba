import { describe, expect, it } from 'vitest';
import { csiNodeKind } from '../../../src/api/kinds/csi-node.js';
import type { KubeObject } from '../../../src/api/types.js';
import { messages } from './helpers.js';
import { CREATED, row } from './workload-helpers.js';

const node = (drivers: unknown[]): KubeObject => ({
  apiVersion: 'storage.k8s.io/v1', kind: 'CSINode', metadata: { name: 'node-1', creationTimestamp: CREATED }, spec: { drivers },
});
const ebs = { name: 'ebs.csi.aws.com', nodeID: 'i-0123456789', topologyKeys: ['topology.ebs.csi.aws.com/zone'], allocatable: { count: 25 } };
const validate = (o: KubeObject) => messages(csiNodeKind.validate!(o));
const SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const NAME_PART_MSG = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('CSINode', () => {
  it('is served as storage.k8s.io/v1 csinodes, cluster-scoped', () => {
    expect(csiNodeKind).toMatchObject({ group: 'storage.k8s.io', version: 'v1', kind: 'CSINode', plural: 'csinodes', namespaced: false, statusSubresource: false, schemaType: 'V1CSINode' });
  });

  it('accepts the drivers kubelet registers', () => {
    expect(validate(node([ebs, { name: 'nfs.csi.k8s.io', nodeID: 'node-1' }]))).toEqual([]);
    expect(validate(node([]))).toEqual([]);
  });

  it('checks each driver', () => {
    expect(validate(node([{ name: '', nodeID: '' }]))).toEqual([
      'spec.drivers[0].name: Required value',
      `spec.drivers[0].name: Invalid value: "": ${SUBDOMAIN_MSG}`,
      'spec.drivers[0].nodeID: Required value',
    ]);
    expect(validate(node([{ name: 'x.io', nodeID: 'n'.repeat(193), allocatable: { count: -1 } }]))).toEqual([
      `spec.drivers[0].nodeID: Invalid value: "${'n'.repeat(193)}": must be 192 characters or less`,
      'spec.drivers[0].allocatable.count: Invalid value: -1: must be greater than or equal to 0',
    ]);
    expect(validate(node([{ name: 'x.io', nodeID: 'n'.repeat(192), allocatable: { count: 0 } }]))).toEqual([]);
  });

  it('rejects duplicate drivers and bad topology keys', () => {
    expect(validate(node([ebs, { ...ebs, nodeID: 'other' }]))).toEqual(['spec.drivers[1].name: Duplicate value: "ebs.csi.aws.com"']);
    expect(validate(node([{ name: 'x.io', nodeID: 'n', topologyKeys: ['zone', 'zone', 'bad key', ''] }]))).toEqual([
      'spec.drivers[0]: Duplicate value: "zone"',
      `spec.drivers[0]: Invalid value: "bad key": ${NAME_PART_MSG}`,
      'spec.drivers[0]: Required value',
      'spec.drivers[0]: Invalid value: "": name part must be non-empty',
      `spec.drivers[0]: Invalid value: "": ${NAME_PART_MSG}`,
    ]);
  });

  it('keeps an existing driver entry unchanged', () => {
    const old = node([ebs]);
    const update = (o: KubeObject) => messages(csiNodeKind.validateUpdate!(o, old));
    expect(update(node([ebs, { name: 'nfs.csi.k8s.io', nodeID: 'node-1' }]))).toEqual([]);
    expect(update(node([]))).toEqual([]);
    expect(update(node([{ ...ebs, nodeID: 'i-other', allocatable: undefined }]))).toEqual([
      'CSINodeDriver: Invalid value: storage.CSINodeDriver{Name:"ebs.csi.aws.com", NodeID:"i-other", TopologyKeys:[]string{"topology.ebs.csi.aws.com/zone"}, Allocatable:(*storage.VolumeNodeResources)(nil)}: field is immutable',
    ]);
  });

  it('prints kubectl\'s columns', () => {
    expect(row(csiNodeKind, node([ebs, { name: 'nfs.csi.k8s.io', nodeID: 'node-1' }]))).toEqual({ NAME: 'node-1', DRIVERS: '2', AGE: '60m' });
    expect(row(csiNodeKind, { ...node([]), spec: {} })).toEqual({ NAME: 'node-1', DRIVERS: '0', AGE: '60m' });
  });
});
