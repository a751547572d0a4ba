import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { testCluster } from '../node/helpers.js';

const pv = (name: string, size: string, extra: Record<string, unknown> = {}, labels?: Record<string, string>): KubeObject => ({
  apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name, ...(labels ? { labels } : {}) },
  spec: { storageClassName: 'manual', capacity: { storage: size }, accessModes: ['ReadWriteOnce'], hostPath: { path: `/mnt/${name}` }, ...extra },
});

const pvc = (name: string, size: string, spec: Record<string, unknown> = {}, annotations?: Record<string, string>): KubeObject => ({
  apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default', ...(annotations ? { annotations } : {}) },
  spec: { storageClassName: 'manual', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } }, ...spec },
});

describe('PersistentVolume binder', () => {
  it('binds a claim to the smallest matching Available volume, both ways', async () => {
    const t = await testCluster();
    const c = t.cluster.client;
    await c.create('persistentvolumes', pv('big', '10Gi'));
    await c.create('persistentvolumes', pv('small', '3Gi'));
    await c.create('persistentvolumes', pv('tiny', '1Gi'));
    await c.create('persistentvolumes', pv('other-class', '3Gi', { storageClassName: 'slow' }));
    await c.create('persistentvolumeclaims', pvc('claim', '2Gi'));
    await t.advance(0);
    const claim = await c.get('persistentvolumeclaims', 'default', 'claim');
    expect(claim.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '3Gi' } });
    expect(claim.spec.volumeName).toBe('small');
    expect(claim.metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(claim.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    const vol = await c.get('persistentvolumes', undefined, 'small');
    expect(vol.status.phase).toBe('Bound');
    expect(vol.spec.claimRef).toMatchObject({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'claim', uid: claim.metadata.uid });
    expect(vol.metadata.annotations).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(vol.metadata.finalizers).toEqual(['kubernetes.io/pv-protection']);
    expect((await c.get('persistentvolumes', undefined, 'big')).status.phase).toBe('Available');
  });

  it('honours a selector, volumeName pre-binding and the legacy class annotation', async () => {
    const t = await testCluster();
    const c = t.cluster.client;
    await c.create('persistentvolumes', pv('a', '1Gi', {}, { tier: 'a' }));
    await c.create('persistentvolumes', pv('b', '5Gi', {}, { tier: 'b' }));
    await c.create('persistentvolumes', pv('legacy', '1Gi', { storageClassName: 'old' }));
    await c.create('persistentvolumeclaims', pvc('sel', '1Gi', { selector: { matchLabels: { tier: 'b' } } }));
    await c.create('persistentvolumeclaims', pvc('pre', '1Gi', { volumeName: 'a' }));
    const legacy = pvc('leg', '1Gi', {}, { 'volume.beta.kubernetes.io/storage-class': 'old' });
    delete legacy.spec.storageClassName;
    legacy.spec.storageClassName = '';
    await c.create('persistentvolumeclaims', legacy);
    await t.advance(0);
    expect((await c.get('persistentvolumeclaims', 'default', 'sel')).spec.volumeName).toBe('b');
    const pre = await c.get('persistentvolumeclaims', 'default', 'pre');
    expect(pre.status.phase).toBe('Bound');
    expect(pre.metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes' });
    expect((await c.get('persistentvolumeclaims', 'default', 'leg')).spec.volumeName).toBe('legacy');
  });

  it('provisions for the default class, releases or deletes on claim deletion', async () => {
    const t = await testCluster();
    const c = t.cluster.client;
    const claimIn = pvc('data', '2Gi');
    delete claimIn.spec.storageClassName;
    await c.create('persistentvolumeclaims', claimIn);
    await c.create('persistentvolumes', pv('kept', '1Gi', { persistentVolumeReclaimPolicy: 'Retain' }));
    await c.create('persistentvolumeclaims', pvc('keep', '1Gi'));
    await t.advance(0);
    const claim = await c.get('persistentvolumeclaims', 'default', 'data');
    expect(claim.status.phase).toBe('Bound');
    expect(claim.spec.volumeName).toBe(`pvc-${claim.metadata.uid}`);
    expect(claim.metadata.annotations).toMatchObject({
      'volume.kubernetes.io/storage-provisioner': 'pocketkube.io/hostpath', 'volume.beta.kubernetes.io/storage-provisioner': 'pocketkube.io/hostpath',
    });
    const vol = await c.get('persistentvolumes', undefined, claim.spec.volumeName);
    expect(vol.spec).toMatchObject({ persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'standard', capacity: { storage: '2Gi' } });
    expect(vol.metadata.annotations).toEqual({ 'pv.kubernetes.io/provisioned-by': 'pocketkube.io/hostpath' });
    expect((await t.events('data')).sort()).toEqual([
      'Normal ExternalProvisioning Waiting for a volume to be created either by the external provisioner \'pocketkube.io/hostpath\' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.',
      'Normal Provisioning External provisioner is provisioning volume for claim "default/data"',
      `Normal ProvisioningSucceeded Successfully provisioned volume ${vol.metadata.name}`,
    ]);
    await c.delete('persistentvolumeclaims', 'default', 'data');
    await c.delete('persistentvolumeclaims', 'default', 'keep');
    await t.advance(0);
    await expect(c.get('persistentvolumeclaims', 'default', 'data')).rejects.toMatchObject({ code: 404 });
    await expect(c.get('persistentvolumes', undefined, vol.metadata.name!)).rejects.toMatchObject({ code: 404 });
    expect((await c.get('persistentvolumes', undefined, 'kept')).status.phase).toBe('Released');
  });

  it('leaves claims Pending with the events that say why', async () => {
    const t = await testCluster();
    const c = t.cluster.client;
    await c.create('storageclasses', { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' }, provisioner: 'k8s.io/minikube-hostpath' });
    await c.create('storageclasses', {
      apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'later' }, provisioner: 'pocketkube.io/hostpath', volumeBindingMode: 'WaitForFirstConsumer',
    });
    await c.create('persistentvolumeclaims', pvc('ext', '1Gi', { storageClassName: 'fast' }));
    await c.create('persistentvolumeclaims', pvc('none', '1Gi', { storageClassName: '' }));
    await c.create('persistentvolumeclaims', pvc('wait', '1Gi', { storageClassName: 'later' }));
    await t.advance(0);
    for (const n of ['ext', 'none', 'wait']) expect((await c.get('persistentvolumeclaims', 'default', n)).status.phase).toBe('Pending');
    expect(await t.events('ext')).toEqual([expect.stringMatching(/^Normal ExternalProvisioning Waiting for a volume to be created either by the external provisioner 'k8s.io\/minikube-hostpath' or manually/)]);
    expect(await t.events('none')).toEqual(['Normal FailedBinding no persistent volumes available for this claim and no storage class is set']);
    expect(await t.events('wait')).toEqual(['Normal WaitForFirstConsumer waiting for first consumer to be created before binding']);
    // a pod using the delayed claim lands on a node: the claim is provisioned there and binds
    await c.create('pods', {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'user', namespace: 'default' },
      spec: { nodeName: 'pocketkube-node-2', containers: [{ name: 'app', image: 'nginx' }], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'wait' } }] },
    });
    await t.advance(0);
    const wait = await c.get('persistentvolumeclaims', 'default', 'wait');
    expect(wait.status.phase).toBe('Bound');
    expect(wait.metadata.annotations?.['volume.kubernetes.io/selected-node']).toBe('pocketkube-node-2');
    const vol = await c.get('persistentvolumes', undefined, wait.spec.volumeName);
    expect(vol.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0]).toEqual({ key: 'kubernetes.io/hostname', operator: 'In', values: ['pocketkube-node-2'] });
    // a static volume appearing later binds the class-less claim
    await c.create('persistentvolumes', pv('late', '1Gi', { storageClassName: '' }));
    await t.advance(0);
    expect((await c.get('persistentvolumeclaims', 'default', 'none')).spec.volumeName).toBe('late');
    // protection: a claim in use stays Terminating until its pod is gone
    await c.delete('persistentvolumeclaims', 'default', 'wait');
    await t.advance(0);
    expect((await c.get('persistentvolumeclaims', 'default', 'wait')).metadata.deletionTimestamp).toBeTruthy();
    await c.delete('pods', 'default', 'user', { gracePeriodSeconds: 0 });
    await t.advance(0);
    await expect(c.get('persistentvolumeclaims', 'default', 'wait')).rejects.toMatchObject({ code: 404 });
  });
});
