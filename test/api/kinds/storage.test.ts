import { describe, expect, it } from 'vitest';
import { persistentVolumeClaimKind } from '../../../src/api/kinds/persistent-volume-claim.js';
import { persistentVolumeKind } from '../../../src/api/kinds/persistent-volume.js';
import { storageClassKind } from '../../../src/api/kinds/storage-class.js';
import { corpus, messages } from './helpers.js';
import { persistentVolume, persistentVolumeClaim, pod, storageClass } from './workload-fixtures.js';
import { CREATED, created, NOW, row, selectorClient } from './workload-helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

describe('PersistentVolume', () => {
  it('defaults the corpus PV and accepts it', () => {
    const [pv] = corpus('website__content_en_examples_pods_storage_pv-volume.yaml');
    created(persistentVolumeKind, pv);
    expect(pv.spec).toMatchObject({ persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem', hostPath: { path: '/mnt/data', type: '' } });
    expect(pv.status).toEqual({ phase: 'Pending', lastPhaseTransitionTime: CREATED });
    expect(persistentVolumeKind.validate!(pv)).toEqual([]);
  });

  it('requires capacity, access modes and one volume source', () => {
    const pv: any = { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'p' }, spec: {} };
    created(persistentVolumeKind, pv);
    expect(messages(persistentVolumeKind.validate!(pv))).toEqual([
      'spec.accessModes: Required value',
      'spec.capacity: Required value',
      'spec.capacity: Unsupported value: core.ResourceList(nil): supported values: "storage"',
      'spec: Required value: must specify a volume type',
    ]);
    pv.spec = { ...pv.spec, accessModes: ['ReadWriteOncePod', 'ReadWriteOnce'], capacity: { storage: '0' }, hostPath: { path: '/a' }, nfs: { server: 's', path: '/x' } };
    expect(messages(persistentVolumeKind.validate!(pv))).toEqual([
      'spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes',
      'spec.capacity[storage]: Invalid value: "0": must be greater than zero',
      'spec.nfs: Forbidden: may not specify more than 1 volume type',
    ]);
  });

  it('prints every column and describes', async () => {
    const pv = persistentVolume();
    expect(row(persistentVolumeKind, pv, true)).toEqual({
      NAME: 'task-pv-volume', CAPACITY: '10Gi', 'ACCESS MODES': 'RWO', 'RECLAIM POLICY': 'Retain', STATUS: 'Bound',
      CLAIM: 'default/task-pv-claim', STORAGECLASS: 'manual', VOLUMEATTRIBUTESCLASS: '<unset>', REASON: '', AGE: '60m', VOLUMEMODE: 'Filesystem',
    });
    pv.metadata.deletionTimestamp = '2026-01-01T00:59:00Z';
    expect(row(persistentVolumeKind, pv).STATUS).toBe('Terminating');
    await expect(persistentVolumeKind.describe!(persistentVolume(), { client: selectorClient({}), now: NOW })).toMatchFileSnapshot('./golden/persistentvolume.txt');
  });
});

describe('PersistentVolumeClaim', () => {
  it('defaults volumeMode and phase; validates the corpus claim', () => {
    const [pvc] = corpus('website__content_en_examples_pods_storage_pv-claim.yaml');
    created(persistentVolumeClaimKind, pvc);
    expect(pvc.spec.volumeMode).toBe('Filesystem');
    expect(pvc.status).toEqual({ phase: 'Pending' });
    expect(persistentVolumeClaimKind.validate!(pvc)).toEqual([]);
  });

  it('requires access modes and a storage request', () => {
    const pvc = created(persistentVolumeClaimKind, { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: { accessModes: ['ReadWriteSometimes'] } });
    expect(messages(persistentVolumeClaimKind.validate!(pvc))).toEqual([
      'spec.accessModes: Unsupported value: "ReadWriteSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
      'spec.resources[storage]: Required value',
    ]);
    pvc.spec.accessModes = [];
    pvc.spec.resources = { requests: { storage: '1Gi' } };
    expect(messages(persistentVolumeClaimKind.validate!(pvc))).toEqual(['spec.accessModes: Required value: at least 1 access mode is required']);
  });

  it('allows binding and growing a bound claim, but not other spec changes or shrinking', () => {
    const old = persistentVolumeClaim(false);
    const bound = persistentVolumeClaim(true);
    expect(persistentVolumeClaimKind.validateUpdate!(bound, old)).toEqual([]);
    const grown = persistentVolumeClaim(true);
    grown.spec.resources.requests.storage = '5Gi';
    expect(persistentVolumeClaimKind.validateUpdate!(grown, bound)).toEqual([]);
    const shrunk = persistentVolumeClaim(true);
    shrunk.spec.resources.requests.storage = '1Gi';
    expect(messages(persistentVolumeClaimKind.validateUpdate!(shrunk, bound))).toEqual([
      'spec.resources.requests.storage: Forbidden: field can not be less than previous value',
    ]);
    const changed = persistentVolumeClaim(true);
    changed.spec.accessModes = ['ReadWriteMany'];
    expect(messages(persistentVolumeClaimKind.validateUpdate!(changed, bound))).toEqual([
      'spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    ]);
  });

  it('shows capacity and access modes only once bound', async () => {
    const pending = persistentVolumeClaim(false);
    expect(row(persistentVolumeClaimKind, pending, true)).toEqual({
      NAME: 'task-pv-claim', STATUS: 'Pending', VOLUME: '', CAPACITY: '', 'ACCESS MODES': '', STORAGECLASS: 'manual',
      VOLUMEATTRIBUTESCLASS: '<unset>', AGE: '60m', VOLUMEMODE: 'Filesystem',
    });
    const pvc = persistentVolumeClaim(true);
    expect(row(persistentVolumeClaimKind, pvc)).toMatchObject({ STATUS: 'Bound', VOLUME: 'task-pv-volume', CAPACITY: '10Gi', 'ACCESS MODES': 'RWO' });
    const user: any = pod('task-pv-pod', {}, undefined, 'Running');
    user.spec.volumes = [{ name: 'v', persistentVolumeClaim: { claimName: 'task-pv-claim' } }];
    const text = await persistentVolumeClaimKind.describe!(pvc, { client: selectorClient({ pods: [user, pod('unrelated', {}, undefined, 'Running')] }), now: NOW });
    await expect(text).toMatchFileSnapshot('./golden/persistentvolumeclaim.txt');
  });
});

describe('StorageClass', () => {
  it('defaults reclaim policy and binding mode', () => {
    const sc = created(storageClassKind, { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' }, provisioner: 'example.com/fast' } as any);
    expect(sc.reclaimPolicy).toBe('Delete');
    expect(sc.volumeBindingMode).toBe('Immediate');
    expect(storageClassKind.validate!(sc)).toEqual([]);
  });

  it('requires a provisioner and forbids changing it', () => {
    const sc = storageClass();
    const bad = { ...sc, provisioner: undefined, reclaimPolicy: 'Recycle' };
    expect(messages(storageClassKind.validate!(bad))).toEqual([
      'provisioner: Required value',
      'reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"',
    ]);
    expect(messages(storageClassKind.validateUpdate!({ ...sc, provisioner: 'other.io/x' }, sc))).toEqual([
      'provisioner: Forbidden: updates to provisioner are forbidden.',
    ]);
  });

  it('marks the default class and describes', async () => {
    const sc = storageClass();
    expect(row(storageClassKind, sc)).toEqual({
      NAME: 'standard (default)', PROVISIONER: 'rancher.io/local-path', RECLAIMPOLICY: 'Delete', VOLUMEBINDINGMODE: 'WaitForFirstConsumer',
      ALLOWVOLUMEEXPANSION: 'false', AGE: '60m',
    });
    await expect(storageClassKind.describe!(sc, { client: selectorClient({}), now: NOW })).toMatchFileSnapshot('./golden/storageclass.txt');
  });
});
