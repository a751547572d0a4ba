import { describe, expect, it } from 'vitest';
import { makeReady, pods, replicaSet, testCluster, events } from './helpers.js';

describe('ReplicaSet controller', () => {
  it('creates the missing pods with generateName, owner reference and template labels, then reports status', async () => {
    const { c } = await testCluster();
    await c.client.create('replicasets', replicaSet('web', 3));
    await c.reconcile();
    const list = await pods(c);
    expect(list).toHaveLength(3);
    const rs = await c.client.get('replicasets', 'default', 'web');
    for (const p of list) {
      expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.labels).toEqual({ app: 'web' });
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    }
    expect(rs.status).toMatchObject({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
    expect(rs.status.readyReplicas ?? 0).toBe(0);
    expect((await events(c, 'SuccessfulCreate')).sort()).toEqual(list.map((p) => `SuccessfulCreate Created pod: ${p.metadata.name}`).sort());
    await makeReady(c);
    const ready = await c.client.get('replicasets', 'default', 'web');
    expect(ready.status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3 });
    await c.close();
  });

  it('folds the 10th and later SuccessfulCreate events into one combined event, as client-go does', async () => {
    const { c } = await testCluster();
    await c.client.create('replicasets', replicaSet('web', 25));
    await c.reconcile();
    const created = (await c.client.list('events', { namespace: 'default' })).items.filter((e) => e.reason === 'SuccessfulCreate');
    const combined = created.filter((e) => e.message.startsWith('(combined from similar events): Created pod: web-'));
    expect(created).toHaveLength(10);
    expect(combined).toHaveLength(1);
    expect(combined[0]!.count).toBe(16);
    await c.close();
  });

  it('replaces a deleted pod and deletes surplus pods not-ready first', async () => {
    const { c } = await testCluster();
    await c.client.create('replicasets', replicaSet('web', 3));
    await c.reconcile();
    await makeReady(c);
    const [first] = await pods(c);
    await c.client.delete('pods', 'default', first!.metadata.name!);
    await c.reconcile();
    const after = await pods(c);
    expect(after).toHaveLength(3);
    expect(after.map((p) => p.metadata.name)).not.toContain(first!.metadata.name);
    const notReady = after.find((p) => !p.status?.conditions)!;
    await c.client.patch('replicasets', 'default', 'web', 'merge', { spec: { replicas: 2 } });
    await c.reconcile();
    const left = await pods(c);
    expect(left).toHaveLength(2);
    expect(left.map((p) => p.metadata.name)).not.toContain(notReady.metadata.name);
    expect(await events(c, 'SuccessfulDelete')).toEqual([`SuccessfulDelete Deleted pod: ${notReady.metadata.name}`]);
    await c.close();
  });

  it('adopts matching orphans and releases pods whose labels stop matching', async () => {
    const { c } = await testCluster();
    await c.client.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', namespace: 'default', labels: { app: 'web' } }, spec: { schedulerName: 'test-no-scheduler', containers: [{ name: 'c', image: 'nginx' }] } });
    await c.client.create('replicasets', replicaSet('web', 2));
    await c.reconcile();
    const rs = await c.client.get('replicasets', 'default', 'web');
    const stray = await c.client.get('pods', 'default', 'stray');
    expect(stray.metadata.ownerReferences?.[0]?.uid).toBe(rs.metadata.uid);
    expect(await pods(c)).toHaveLength(2);
    await c.client.patch('pods', 'default', 'stray', 'merge', { metadata: { labels: { app: 'other' } } });
    await c.reconcile();
    expect((await c.client.get('pods', 'default', 'stray')).metadata.ownerReferences).toBeUndefined();
    expect(await pods(c, 'app=web')).toHaveLength(2);
    await c.close();
  });

  it('counts a pod available only minReadySeconds after it became ready (requeued in simulated time)', async () => {
    const { c, clock } = await testCluster();
    await c.client.create('replicasets', replicaSet('web', 1, { minReadySeconds: 10 }));
    await c.reconcile();
    await makeReady(c);
    expect((await c.client.get('replicasets', 'default', 'web')).status).toMatchObject({ readyReplicas: 1 });
    expect((await c.client.get('replicasets', 'default', 'web')).status.availableReplicas ?? 0).toBe(0);
    clock.advance(10_000);
    await c.reconcile();
    expect((await c.client.get('replicasets', 'default', 'web')).status.availableReplicas ?? 0).toBe(0);
    clock.advance(1);
    await c.reconcile();
    expect((await c.client.get('replicasets', 'default', 'web')).status.availableReplicas).toBe(1);
    await c.close();
  });

  it('creates in slow-start batches capped at 500 per sync', async () => {
    const { c } = await testCluster();
    await c.client.create('replicasets', replicaSet('big', 700));
    await c.reconcile();
    expect(await pods(c)).toHaveLength(700);
    await c.close();
  });
});
