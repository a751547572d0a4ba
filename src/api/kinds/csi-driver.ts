/**
 * storage.k8s.io/v1 CSIDriver: what a CSI volume driver installed in the cluster needs from
 * Kubernetes (attach/detach, pod info on mount, service account tokens, …). Driver install manifests
 * (aws-ebs-csi-driver, csi-driver-nfs) create one; the name is the driver's name.
 */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { dns1123SubdomainErrors } from '../validation/names.js';
import { invalidRaw } from './go-render.js';
import { ageColumn, nameColumn } from './meta-columns.js';
import { deepEqual } from './workload-validation.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const FS_GROUP_POLICIES = ['File', 'None', 'ReadWriteOnceWithFSType'];
const LIFECYCLE_MODES = ['Persistent', 'Ephemeral'];
const MIN_TOKEN_SECONDS = 10 * 60;
const MAX_TOKEN_SECONDS = 2 ** 32;

/**
 * core validation's ValidateCSIDriverName, used for driver names inside other objects (CSINode
 * drivers, a VolumeAttachment's attacher): required, at most 63 characters, a DNS subdomain once
 * lower-cased.
 */
export function validateCSIDriverName(name: unknown, field: string): FieldError[] {
  const driver = typeof name === 'string' ? name : '';
  const errs: FieldError[] = [];
  if (driver.length === 0) errs.push(fe.required(field, ''));
  if (driver.length > 63) errs.push(fe.tooLong(field, driver, 63));
  for (const msg of dns1123SubdomainErrors(driver.toLowerCase())) errs.push(fe.invalid(field, driver, msg));
  return errs;
}

/** SetDefaults_CSIDriver (SELinuxMountReadWriteOncePod is on by default in 1.32). */
function defaults(obj: KubeObject): void {
  const spec = (obj.spec ??= {});
  spec.attachRequired ??= true;
  spec.podInfoOnMount ??= false;
  spec.storageCapacity ??= false;
  spec.fsGroupPolicy ??= 'ReadWriteOnceWithFSType';
  if (!Array.isArray(spec.volumeLifecycleModes) || spec.volumeLifecycleModes.length === 0) spec.volumeLifecycleModes = ['Persistent'];
  spec.requiresRepublish ??= false;
  spec.seLinuxMount ??= false;
}

/** validateTokenRequests: unique audiences, expirationSeconds within [10 minutes, 2^32 seconds]. */
function tokenRequestErrors(requests: any[] | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const audiences = new Set<string>();
  (requests ?? []).forEach((tr, i) => {
    const path = `spec.tokenRequests[${i}]`;
    const audience = String(tr?.audience ?? '');
    if (audiences.has(audience)) {
      errs.push(fe.duplicate(`${path}.audience`, audience));
      return;
    }
    audiences.add(audience);
    const secs = tr?.expirationSeconds;
    if (typeof secs !== 'number') return;
    if (secs < MIN_TOKEN_SECONDS) errs.push(fe.invalid(`${path}.expirationSeconds`, secs, 'may not specify a duration less than 10 minutes'));
    if (secs > MAX_TOKEN_SECONDS) errs.push(fe.invalid(`${path}.expirationSeconds`, secs, 'may not specify a duration larger than 2^32 seconds'));
  });
  return errs;
}

/** validateCSIDriverSpec (the name is a DNS subdomain: the meta check, nameRule). */
function validate(obj: KubeObject): FieldError[] {
  const spec = obj.spec ?? {};
  const errs: FieldError[] = [];
  // the Go path says attachedRequired
  if (spec.attachRequired == null) errs.push(fe.required('spec.attachedRequired', ''));
  if (spec.podInfoOnMount == null) errs.push(fe.required('spec.podInfoOnMount', ''));
  if (spec.storageCapacity == null) errs.push(fe.required('spec.storageCapacity', ''));
  if (spec.fsGroupPolicy != null && !FS_GROUP_POLICIES.includes(spec.fsGroupPolicy)) {
    errs.push(fe.unsupported('spec.fsGroupPolicy', spec.fsGroupPolicy, FS_GROUP_POLICIES));
  }
  errs.push(...tokenRequestErrors(spec.tokenRequests));
  for (const mode of spec.volumeLifecycleModes ?? []) {
    if (!LIFECYCLE_MODES.includes(mode)) errs.push(fe.unsupported('spec.volumeLifecycleModes', mode, LIFECYCLE_MODES));
  }
  if (spec.seLinuxMount == null) errs.push(fe.required('spec.seLinuxMount', ''));
  return errs;
}

/** `%#v` of a []storage.VolumeLifecycleMode. */
function goModes(modes: unknown): string {
  if (!Array.isArray(modes)) return '[]storage.VolumeLifecycleMode(nil)';
  return `[]storage.VolumeLifecycleMode{${modes.map((m) => JSON.stringify(String(m))).join(', ')}}`;
}

/**
 * ValidateCSIDriverUpdate: attachRequired and volumeLifecycleModes are fixed at creation
 * (podInfoOnMount and fsGroupPolicy are mutable since 1.29, storageCapacity since 1.23).
 */
function validateUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const spec = obj.spec ?? {};
  const oldSpec = old.spec ?? {};
  const errs: FieldError[] = [];
  if (!deepEqual(spec.attachRequired, oldSpec.attachRequired)) {
    errs.push(spec.attachRequired == null
      ? invalidRaw('spec.attachedRequired', 'null', 'field is immutable')
      : fe.immutable('spec.attachedRequired', spec.attachRequired));
  }
  const modes = spec.volumeLifecycleModes;
  const oldModes = oldSpec.volumeLifecycleModes;
  const empty = (m: unknown): boolean => !Array.isArray(m) || m.length === 0;
  if (!(empty(modes) && empty(oldModes)) && !deepEqual(modes, oldModes)) {
    errs.push(invalidRaw('spec.volumeLifecycleModes', goModes(modes), 'field is immutable'));
  }
  return errs;
}

const boolCell = (v: unknown, dflt: boolean): string => String(typeof v === 'boolean' ? v : dflt);

/** printCSIDriver's TOKENREQUESTS: the audiences, `<unset>` without token requests. */
function tokenRequestsCell(o: KubeObject): string {
  const requests: any[] = o.spec?.tokenRequests ?? [];
  return requests.length ? requests.map((t) => String(t?.audience ?? '')).join(',') : '<unset>';
}

function modesCell(o: KubeObject): string {
  const modes: unknown[] = o.spec?.volumeLifecycleModes ?? [];
  return modes.length ? modes.map(String).join(',') : '<none>';
}

export const csiDriverKind: KindDef = {
  group: 'storage.k8s.io',
  version: 'v1',
  kind: 'CSIDriver',
  plural: 'csidrivers',
  singular: 'csidriver',
  shortNames: [],
  categories: [],
  namespaced: false,
  schemaType: 'V1CSIDriver',
  statusSubresource: false,
  bumpsGeneration: false,
  nameRule: 'subdomain',
  defaults,
  validate,
  validateUpdate,
  columns: [
    nameColumn,
    { name: 'ATTACHREQUIRED', cell: (o) => boolCell(o.spec?.attachRequired, true) },
    { name: 'PODINFOONMOUNT', cell: (o) => boolCell(o.spec?.podInfoOnMount, false) },
    { name: 'STORAGECAPACITY', cell: (o) => boolCell(o.spec?.storageCapacity, false) },
    { name: 'TOKENREQUESTS', cell: tokenRequestsCell },
    { name: 'REQUIRESREPUBLISH', cell: (o) => boolCell(o.spec?.requiresRepublish, false) },
    { name: 'MODES', cell: modesCell },
    ageColumn,
  ],
  describeEvents: true,
};
