import { describe, expect, it } from 'vitest';
import { leaseKind } from '../../../src/api/kinds/lease.js';
import type { KubeObject } from '../../../src/api/types.js';
import { messages } from './helpers.js';
import { CREATED, row } from './workload-helpers.js';

const lease = (spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'coordination.k8s.io/v1', kind: 'Lease',
  metadata: { name: 'kube-controller-manager', namespace: 'kube-system', creationTimestamp: CREATED },
  spec: { holderIdentity: 'cp-1_5d3c', leaseDurationSeconds: 15, leaseTransitions: 0, renewTime: '2026-01-01T00:59:50.000000Z', ...spec },
});
const validate = (o: KubeObject) => messages(leaseKind.validate!(o));

describe('Lease', () => {
  it('is served as coordination.k8s.io/v1 leases, namespaced, without a status', () => {
    expect(leaseKind).toMatchObject({ group: 'coordination.k8s.io', version: 'v1', plural: 'leases', namespaced: true, statusSubresource: false, schemaType: 'V1Lease' });
  });

  it('refuses what ValidateLeaseSpec refuses', () => {
    expect(validate(lease())).toEqual([]);
    expect(validate(lease({ leaseDurationSeconds: undefined, leaseTransitions: undefined }))).toEqual([]);
    expect(validate({ ...lease(), spec: undefined })).toEqual([]);
    expect(validate(lease({ leaseDurationSeconds: 0, leaseTransitions: -1 }))).toEqual([
      'spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0',
      'spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0',
    ]);
  });

  it('prints kubectl\'s columns', () => {
    expect(row(leaseKind, lease())).toEqual({ NAME: 'kube-controller-manager', HOLDER: 'cp-1_5d3c', AGE: '60m' });
    expect(row(leaseKind, lease({ holderIdentity: undefined })).HOLDER).toBe('');
  });
});
