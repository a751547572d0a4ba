/**
 * storage.k8s.io/v1 CSINode: the CSI drivers installed on a node (kubelet's plugin registration
 * writes it, named after the Node), with each driver's node ID, topology keys and volume limit.
 */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { validateQualifiedName } from '../validation/labels.js';
import { validateCSIDriverName } from './csi-driver.js';
import { invalidRaw } from './go-render.js';
import { ageColumn, nameColumn } from './meta-columns.js';
import { deepEqual } from './workload-validation.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const CSI_NODE_ID_MAX_LENGTH = 192;

/** validateCSINodeDriver, for the driver at spec.drivers[i]. */
function driverErrors(driver: any, path: string, seen: Set<string>): FieldError[] {
  const errs = validateCSIDriverName(driver?.name, `${path}.name`);
  const nodeID = typeof driver?.nodeID === 'string' ? driver.nodeID : '';
  if (nodeID.length === 0) errs.push(fe.required(`${path}.nodeID`, ''));
  if (nodeID.length > CSI_NODE_ID_MAX_LENGTH) {
    errs.push(fe.invalid(`${path}.nodeID`, nodeID, `must be ${CSI_NODE_ID_MAX_LENGTH} characters or less`));
  }
  const count = driver?.allocatable?.count;
  if (typeof count === 'number' && count < 0) {
    errs.push(fe.invalid(`${path}.allocatable.count`, count, 'must be greater than or equal to 0'));
  }
  const name = String(driver?.name ?? '');
  if (seen.has(name)) errs.push(fe.duplicate(`${path}.name`, name));
  seen.add(name);
  // the topology key errors name the driver, not its topologyKeys
  const keys = new Set<string>();
  for (const raw of driver?.topologyKeys ?? []) {
    const key = String(raw ?? '');
    if (key.length === 0) errs.push(fe.required(path, ''));
    if (keys.has(key)) errs.push(fe.duplicate(path, key));
    keys.add(key);
    errs.push(...validateQualifiedName(key, path));
  }
  return errs;
}

/** ValidateCSINode (the name is a node name, a DNS subdomain: the meta check). */
function validate(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (obj.spec?.drivers ?? []).forEach((d: any, i: number) => errs.push(...driverErrors(d, `spec.drivers[${i}]`, seen)));
  return errs;
}

const q = (s: unknown): string => JSON.stringify(String(s ?? ''));

/** `%#v` of a storage.CSINodeDriver (a set allocatable is a pointer: any address stands in). */
function goDriver(d: any): string {
  const keys = Array.isArray(d?.topologyKeys) ? `[]string{${d.topologyKeys.map(q).join(', ')}}` : '[]string(nil)';
  const alloc = d?.allocatable == null ? '(*storage.VolumeNodeResources)(nil)' : '(*storage.VolumeNodeResources)(0xc000a1c000)';
  return `storage.CSINodeDriver{Name:${q(d?.name)}, NodeID:${q(d?.nodeID)}, TopologyKeys:${keys}, Allocatable:${alloc}}`;
}

/** ValidateCSINodeUpdate: a driver entry, once there, may not change (it may be removed or added). */
function validateUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const drivers: any[] = obj.spec?.drivers ?? [];
  for (const oldDriver of old.spec?.drivers ?? []) {
    for (const d of drivers) {
      if (d?.name === oldDriver?.name && !deepEqual(normalized(d), normalized(oldDriver))) {
        errs.push(invalidRaw('CSINodeDriver', goDriver(d), 'field is immutable'));
      }
    }
  }
  return errs;
}

/** Semantic equality treats an empty topologyKeys list as an absent one. */
function normalized(d: any): any {
  if (!d || typeof d !== 'object') return d;
  const copy = { ...d };
  if (Array.isArray(copy.topologyKeys) && copy.topologyKeys.length === 0) delete copy.topologyKeys;
  return copy;
}

export const csiNodeKind: KindDef = {
  group: 'storage.k8s.io',
  version: 'v1',
  kind: 'CSINode',
  plural: 'csinodes',
  singular: 'csinode',
  shortNames: [],
  categories: [],
  namespaced: false,
  schemaType: 'V1CSINode',
  statusSubresource: false,
  bumpsGeneration: false,
  nameRule: 'subdomain',
  validate,
  validateUpdate,
  columns: [
    nameColumn,
    { name: 'DRIVERS', cell: (o) => String((o.spec?.drivers ?? []).length) },
    ageColumn,
  ],
  describeEvents: true,
};
