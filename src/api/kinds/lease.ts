/**
 * coordination.k8s.io/v1 Lease: a named lock with a holder and a renew time, which leader election
 * (controller managers, operators) and node heartbeats use. pocketkube stores them; nothing expires
 * them, as in Kubernetes the holders themselves compare renewTime + leaseDurationSeconds.
 */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { ageColumn, nameColumn } from './meta-columns.js';

/**
 * ValidateLeaseSpec. spec.strategy and spec.preferredHolder (CoordinatedLeaderElection) are alpha in
 * 1.32, off by default: not checked here.
 */
function validate(lease: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const spec = lease.spec ?? {};
  if (spec.leaseDurationSeconds != null && spec.leaseDurationSeconds <= 0) {
    errs.push(fe.invalid('spec.leaseDurationSeconds', spec.leaseDurationSeconds, 'must be greater than 0'));
  }
  if (spec.leaseTransitions != null && spec.leaseTransitions < 0) {
    errs.push(fe.invalid('spec.leaseTransitions', spec.leaseTransitions, 'must be greater than or equal to 0'));
  }
  return errs;
}

export const leaseKind: KindDef = {
  group: 'coordination.k8s.io',
  version: 'v1',
  kind: 'Lease',
  plural: 'leases',
  singular: 'lease',
  shortNames: [],
  categories: [],
  namespaced: true,
  schemaType: 'V1Lease',
  statusSubresource: false,
  bumpsGeneration: false,
  nameRule: 'subdomain',
  validate,
  columns: [
    nameColumn,
    // printLease: the holder, or nothing while none holds it
    { name: 'HOLDER', cell: (o) => String(o.spec?.holderIdentity ?? '') },
    ageColumn,
  ],
  describeEvents: true,
};
