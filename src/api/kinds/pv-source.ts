/** PersistentVolume sources: which one a PV uses, their validation, and kubectl's `Source:` describe lines. */
import type { DescribeWriter } from '../describe-writer.js';
import { type FieldError, fieldErrors as fe } from '../field-error.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** PersistentVolumeSource members, in the order ValidatePersistentVolumeSpec checks them. */
export const PV_SOURCES = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'glusterfs', 'flocker', 'nfs', 'rbd', 'quobyte', 'cephfs', 'iscsi',
  'cinder', 'fc', 'flexVolume', 'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'scaleIO',
  'local', 'storageos', 'csi',
];

const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

function noBacksteps(path: string, field: string): FieldError[] {
  return path.split('/').includes('..') ? [fe.invalid(field, path, "must not contain '..'")] : [];
}

function sourceErrors(key: string, src: any, field: string): FieldError[] {
  const errs: FieldError[] = [];
  switch (key) {
    case 'hostPath':
      if (!src?.path) return [fe.required(`${field}.path`)];
      errs.push(...noBacksteps(src.path, `${field}.path`));
      if (src.type != null && !HOST_PATH_TYPES.includes(src.type)) errs.push(fe.unsupported(`${field}.type`, src.type, HOST_PATH_TYPES));
      return errs;
    case 'nfs':
      if (!src?.server) errs.push(fe.required(`${field}.server`));
      if (!src?.path) errs.push(fe.required(`${field}.path`));
      else if (!String(src.path).startsWith('/')) errs.push(fe.invalid(`${field}.path`, src.path, 'must be an absolute path'));
      return errs;
    case 'local':
      if (!src?.path) return [fe.required(`${field}.path`)];
      return noBacksteps(src.path, `${field}.path`);
    case 'csi':
      if (!src?.driver) errs.push(fe.required(`${field}.driver`));
      if (!src?.volumeHandle) errs.push(fe.required(`${field}.volumeHandle`));
      return errs;
    default:
      return [];
  }
}

/** The volume-source part of ValidatePersistentVolumeSpec: exactly one source, each checked. */
export function validatePVSources(spec: any): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const key of PV_SOURCES) {
    if (spec?.[key] == null) continue;
    if (count > 0) {
      errs.push(fe.forbidden(`spec.${key}`, 'may not specify more than 1 volume type'));
      continue;
    }
    count++;
    errs.push(...sourceErrors(key, spec[key], `spec.${key}`));
  }
  if (count === 0) errs.push(fe.required('spec', 'must specify a volume type'));
  if (spec?.local && !spec?.nodeAffinity?.required) errs.push(fe.required('spec.nodeAffinity', 'Local volume requires node affinity'));
  return errs;
}

const str = (v: unknown): string => (v == null ? '' : String(v));

/** kubectl's print<Source>PersistentVolumeSource lines (level 2 under `Source:`). */
export function describePVSource(w: DescribeWriter, spec: any): void {
  const L = 2;
  if (spec?.hostPath) {
    w.write(L, 'Type:', 'HostPath (bare host directory volume)');
    w.write(L, 'Path:', str(spec.hostPath.path));
    w.write(L, 'HostPathType:', spec.hostPath.type == null ? '<none>' : str(spec.hostPath.type));
  } else if (spec?.nfs) {
    w.write(L, 'Type:', 'NFS (an NFS mount that lasts the lifetime of a pod)');
    w.write(L, 'Server:', str(spec.nfs.server));
    w.write(L, 'Path:', str(spec.nfs.path));
    w.write(L, 'ReadOnly:', String(!!spec.nfs.readOnly));
  } else if (spec?.local) {
    w.write(L, 'Type:', 'LocalVolume (a persistent volume backed by local storage on a node)');
    w.write(L, 'Path:', str(spec.local.path));
  } else if (spec?.csi) {
    const csi = spec.csi;
    w.write(L, 'Type:', 'CSI (a Container Storage Interface (CSI) volume source)');
    w.write(L, 'Driver:', str(csi.driver));
    w.write(L, 'FSType:', str(csi.fsType));
    w.write(L, 'VolumeHandle:', str(csi.volumeHandle));
    w.write(L, 'ReadOnly:', String(!!csi.readOnly));
    const attrs = csi.volumeAttributes ?? {};
    const keys = Object.keys(attrs).sort();
    if (keys.length === 0) w.write(L, 'VolumeAttributes:', '<none>');
    keys.forEach((k, i) => {
      const line = `${k}=${attrs[k]}`;
      w.write(L, i === 0 ? 'VolumeAttributes:' : '', line.length > 140 ? `${line.slice(0, 140)}...` : line);
    });
  } else {
    w.write(1, '<unknown>');
  }
}
