import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { Cluster } from '../../src/cluster.js';
import { backoffMs } from '../../src/scheduler/scheduling-queue.js';
import { FakeClock } from '../../src/util/clock.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const NOT_HELPFUL = 'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';

function pod(name: string, spec: Record<string, any> = {}, meta: Record<string, any> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', ...meta }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } };
}

const cpu = (q: string) => ({ containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: q } } }] });

async function cluster(nodes = 3, cpuPerNode = '4') {
  const clock = new FakeClock('2026-01-01T00:00:00Z');
  const errors: unknown[] = [];
  const c = await Cluster.inMemory({ clock, bootstrap: { nodes, cpu: cpuPerNode }, onReconcileError: (_r, _k, e) => errors.push(e) });
  const get = (name: string) => c.client.get('pods', 'default', name);
  const scheduled = async (name: string) => (await get(name)).status.conditions.find((x: any) => x.type === 'PodScheduled');
  const events = async (name: string) =>
    (await c.client.list('events', { namespace: 'default' })).items.filter((e) => e.involvedObject.name === name).map((e) => [e.type, e.reason, e.message, e.count, e.source.component]);
  const advance = async (ms: number) => {
    await c.advance(ms);
    clock.advance(0);
    await c.reconcile();
  };
  return { c, clock, get, scheduled, events, errors, advance };
}

describe('the scheduler in the control loop', () => {
  it('binds a pending pod: nodeName, PodScheduled=True and a Scheduled event', async () => {
    const { c, get, scheduled, events, errors } = await cluster();
    await c.client.create('pods', pod('web'));
    await c.reconcile();
    const p = await get('web');
    expect(p.spec.nodeName).toMatch(/^pocketkube-node-[123]$/);
    expect(await scheduled('web')).toMatchObject({ status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' });
    expect(await events('web')).toContainEqual(['Normal', 'Scheduled', `Successfully assigned default/web to ${p.spec.nodeName}`, 1, 'default-scheduler']);
    expect(p.status.phase).toBe('Running');
    expect(errors).toEqual([]);
  });

  it('leaves pods of other schedulers alone', async () => {
    const { c, get } = await cluster();
    await c.client.create('pods', pod('other', { schedulerName: 'my-scheduler' }));
    await c.reconcile();
    expect((await get('other')).spec.nodeName).toBeUndefined();
  });

  it('keeps an unschedulable pod Pending and retries it after back-off once a node is labelled', async () => {
    const { c, get, scheduled, events, advance } = await cluster();
    await c.client.create('pods', pod('nginx', { nodeSelector: { disktype: 'ssd' } }));
    await c.reconcile();
    const msg = `0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. ${NOT_HELPFUL}`;
    expect(await scheduled('nginx')).toMatchObject({ status: 'False', reason: 'Unschedulable', message: msg });
    expect(await events('nginx')).toEqual([['Warning', 'FailedScheduling', msg, 1, 'default-scheduler']]);

    const node = await c.client.get('nodes', undefined, 'pocketkube-node-2');
    await c.client.update('nodes', { ...node, metadata: { ...node.metadata, labels: { ...node.metadata.labels, disktype: 'ssd' } } });
    await c.reconcile();
    expect((await get('nginx')).spec.nodeName).toBeUndefined(); // still backing off (1 s after the attempt)
    await advance(1000);
    expect((await get('nginx')).spec.nodeName).toBe('pocketkube-node-2');
    expect(await scheduled('nginx')).toMatchObject({ status: 'True' });
  });

  it('retries an unschedulable pod every 5 minutes, bumping the event count', async () => {
    const { c, events, advance } = await cluster();
    await c.client.create('pods', pod('big', cpu('64')));
    await c.reconcile();
    const msg = '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
    expect(await events('big')).toEqual([['Warning', 'FailedScheduling', msg, 1, 'default-scheduler']]);
    await advance(299_000);
    expect((await events('big'))[0]![3]).toBe(1);
    await advance(1_000);
    expect((await events('big'))[0]![3]).toBe(2);
  });

  it('retries when a bound pod is deleted and frees room', async () => {
    const { c, get, advance } = await cluster(1, '1');
    await c.client.create('pods', pod('first', cpu('800m')));
    await c.reconcile();
    await c.client.create('pods', pod('second', cpu('800m')));
    await c.reconcile();
    expect((await get('second')).spec.nodeName).toBeUndefined();
    await c.client.delete('pods', 'default', 'first', { gracePeriodSeconds: 0 });
    await advance(1000);
    expect((await get('second')).spec.nodeName).toBe('pocketkube-node-1');
  });

  it('does not try gated pods until their gates are removed', async () => {
    const { c, get, scheduled } = await cluster();
    await c.client.create('pods', pod('gated', { schedulingGates: [{ name: 'example.com/wait' }] }));
    await c.reconcile();
    expect((await get('gated')).spec.nodeName).toBeUndefined();
    expect(await scheduled('gated')).toMatchObject({ status: 'False', reason: 'SchedulingGated' });
    const p = await get('gated');
    await c.client.update('pods', { ...p, spec: { ...p.spec, schedulingGates: [] } });
    await c.reconcile();
    expect((await get('gated')).spec.nodeName).toBeDefined();
    expect(await scheduled('gated')).toMatchObject({ status: 'True' });
  });

  it('preempts a lower-priority pod: nominates the node, evicts the victim, then binds', async () => {
    const { c, get, events, advance } = await cluster(1, '1');
    // the victim takes 20 s to stop, so the preemptor waits for it, nominated
    await c.client.create('pods', pod('low', cpu('800m'), { annotations: { 'pocketkube.io/stop-delay': '20s' } }));
    await c.reconcile();
    await c.client.create('priorityclasses', { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 });
    await c.client.create('pods', pod('high', { ...cpu('800m'), priorityClassName: 'high' }));
    await c.reconcile();
    const high = await get('high');
    expect(high.spec.nodeName).toBeUndefined();
    expect(high.status.nominatedNodeName).toBe('pocketkube-node-1');
    const low = await get('low');
    expect(low.metadata.deletionTimestamp).toBeDefined();
    expect(low.status.conditions.find((x: any) => x.type === 'DisruptionTarget')).toMatchObject({
      status: 'True', reason: 'PreemptionByScheduler', message: 'default-scheduler: preempting to accommodate a higher priority pod',
    });
    expect(await events('low')).toContainEqual(['Normal', 'Preempted', `Preempted by pod ${high.metadata.uid} on node pocketkube-node-1`, 1, 'default-scheduler']);
    await advance(20_000);
    await advance(1_000);
    await expect(get('low')).rejects.toMatchObject({ code: 404 });
    expect((await get('high')).spec.nodeName).toBe('pocketkube-node-1');
  });

  it('does not preempt for a pod whose PriorityClass says preemptionPolicy Never', async () => {
    const { c, get, scheduled } = await cluster(1, '1');
    await c.client.create('pods', pod('low', cpu('800m')));
    await c.reconcile();
    await c.client.create('priorityclasses', { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'polite' }, value: 1000, preemptionPolicy: 'Never' });
    await c.client.create('pods', pod('high', { ...cpu('800m'), priorityClassName: 'polite' }));
    await c.reconcile();
    expect((await get('high')).spec).toMatchObject({ priority: 1000, preemptionPolicy: 'Never' });
    expect((await get('high')).status.nominatedNodeName).toBeUndefined();
    expect((await get('low')).metadata.deletionTimestamp).toBeUndefined();
    expect(await scheduled('high')).toMatchObject({ status: 'False', reason: 'Unschedulable' });
  });

  it('keeps pods with missing or unbound immediate claims Pending (VolumeBinding)', async () => {
    const { c, scheduled } = await cluster();
    await c.client.create('pods', pod('missing', { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] }));
    await c.client.create('persistentvolumeclaims', {
      apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'static', namespace: 'default' },
      spec: { storageClassName: '', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    });
    await c.client.create('pods', pod('unbound', { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'static' } }] }));
    await c.reconcile();
    expect((await scheduled('missing')).message).toBe(`0/3 nodes are available: persistentvolumeclaim "data" not found. ${NOT_HELPFUL}`);
    expect((await scheduled('unbound')).message).toBe(`0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. ${NOT_HELPFUL}`);
  });

  it('backs off 1 s doubling to 10 s', () => {
    expect([1, 2, 3, 4, 5, 6].map(backoffMs)).toEqual([1000, 2000, 4000, 8000, 10000, 10000]);
  });
});
