import { afterAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { CliSandbox } from './cli-runner.js';
import { runAsync, runUntil } from './settle.js';

const CORPUS = '/work/shared/corpus';
const sb = new CliSandbox('pk-storage-');
afterAll(() => sb.dispose());

const apply = (file: string) => runAsync(sb, ['apply', '-f', `${CORPUS}/${file}`]);
const json = async (...args: string[]): Promise<KubeObject> => JSON.parse((await runAsync(sb, [...args, '-o', 'json'])).stdout || '{}');

describe('PersistentVolumes and claims (corpus)', { timeout: 240_000 }, () => {
  it('binds task-pv-claim to task-pv-volume (class manual)', async () => {
    expect((await apply('website__content_en_examples_pods_storage_pv-volume.yaml')).code).toBe(0);
    expect((await apply('website__content_en_examples_pods_storage_pv-claim.yaml')).code).toBe(0);
    const pv = await runAsync(sb, ['get', 'pv', 'task-pv-volume']);
    expect(pv.stdout).toMatch(/^NAME\s+CAPACITY\s+ACCESS MODES\s+RECLAIM POLICY\s+STATUS\s+CLAIM\s+STORAGECLASS\s+VOLUMEATTRIBUTESCLASS\s+REASON\s+AGE\ntask-pv-volume\s+10Gi\s+RWO\s+Retain\s+Bound\s+default\/task-pv-claim\s+manual\s+<unset>\s+\d+s\n$/);
    const pvc = await runAsync(sb, ['get', 'pvc', 'task-pv-claim']);
    expect(pvc.stdout).toMatch(/\ntask-pv-claim\s+Bound\s+task-pv-volume\s+10Gi\s+RWO\s+manual\s+<unset>\s+\d+s\n$/);
  });

  it('leaves the cassandra claim Pending with the ExternalProvisioning event', async () => {
    expect((await apply('examples__cassandra_cassandra-statefulset.yaml')).code).toBe(0);
    await runUntil(sb, ['get', 'pvc', 'cassandra-data-cassandra-0'], (r) => r.code === 0);
    expect((await json('get', 'pvc', 'cassandra-data-cassandra-0')).status.phase).toBe('Pending');
    const events = (await json('get', 'events')).items.filter((e: KubeObject) => e.involvedObject.name === 'cassandra-data-cassandra-0');
    expect(events.map((e: KubeObject) => `${e.type} ${e.reason} ${e.message}`)).toEqual([
      "Normal ExternalProvisioning Waiting for a volume to be created either by the external provisioner 'k8s.io/minikube-hostpath' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
    ]);
    expect((await json('get', 'pod', 'cassandra-0')).status.phase).toBe('Pending');
    // OrderedReady: nothing after cassandra-0 while it is not Ready
    expect((await runAsync(sb, ['get', 'pods', '-o', 'name'])).stdout).toBe('pod/cassandra-0\n');
  });

  it('binds the mysql claim through the default class; deleting the claim deletes its provisioned volume', async () => {
    expect((await apply('website__content_en_examples_application_wordpress_mysql-deployment.yaml')).code).toBe(0);
    await runUntil(sb, ['get', 'pvc', 'mysql-pv-claim'], (r) => /Bound/.test(r.stdout));
    const claim = await json('get', 'pvc', 'mysql-pv-claim');
    expect(claim.status.phase).toBe('Bound');
    const volume = claim.spec.volumeName as string;
    const pv = await json('get', 'pv', volume);
    expect([pv.spec.persistentVolumeReclaimPolicy, pv.status.phase, pv.spec.claimRef.name]).toEqual(['Delete', 'Bound', 'mysql-pv-claim']);
    expect((await runAsync(sb, ['delete', 'deployment', 'wordpress-mysql'])).code).toBe(0);
    await runUntil(sb, ['get', 'pods', '-l', 'tier=mysql', '-o', 'name'], (r) => r.stdout === '');
    expect((await runAsync(sb, ['delete', 'pvc', 'mysql-pv-claim'])).stdout).toBe('persistentvolumeclaim "mysql-pv-claim" deleted\n');
    const gone = await runUntil(sb, ['get', 'pv', volume], (r) => r.code !== 0);
    expect(gone.stderr).toBe(`Error from server (NotFound): persistentvolumes "${volume}" not found\n`);
  });
});
