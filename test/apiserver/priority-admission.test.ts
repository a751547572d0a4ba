import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { Cluster } from '../../src/cluster.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { registryKey } from '../../src/store/store.js';
import { FakeClock } from '../../src/util/clock.js';
import { failure } from './test-kinds.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const pc = (name: string, value: number, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value, ...extra,
});
const pod = (name: string, spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', ...meta }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
});

async function cluster(): Promise<Cluster> {
  return Cluster.inMemory({ clock: new FakeClock('2026-01-01T00:00:00Z'), bootstrap: { nodes: 1 } });
}

describe('Priority admission', () => {
  it('bootstraps the two system classes, which cannot be deleted', async () => {
    const c = await cluster();
    const list = await c.client.list('priorityclasses');
    expect(list.items.map((p: any) => [p.metadata.name, p.value, p.preemptionPolicy, p.globalDefault])).toEqual([
      ['system-cluster-critical', 2000000000, 'PreemptLowerPriority', undefined],
      ['system-node-critical', 2000001000, 'PreemptLowerPriority', undefined],
    ]);
    const e = await failure(c.client.delete('priorityclasses', undefined, 'system-node-critical'));
    expect([e.code, e.message]).toEqual([403, 'priorityclasses.scheduling.k8s.io "system-node-critical" is forbidden: this is a system priority class and cannot be deleted']);
  });

  it('creates the system classes in a cluster bootstrapped without them (by an older build)', async () => {
    const store = new MemoryStore();
    await Cluster.inMemory({ store, clock: new FakeClock('2026-01-01T00:00:00Z'), bootstrap: { nodes: 1 } });
    for (const name of ['system-node-critical', 'system-cluster-critical']) store.delete(registryKey('priorityclasses', undefined, name));
    store.commit();
    const c = await Cluster.inMemory({ store, clock: new FakeClock('2026-01-01T00:00:00Z') });
    expect((await c.client.list('priorityclasses')).items.map((p: any) => p.metadata.name)).toEqual(['system-cluster-critical', 'system-node-critical']);
  });

  it('gives a pod its class\'s priority and policy, or 0 and PreemptLowerPriority without one', async () => {
    const c = await cluster();
    await c.client.create('priorityclasses', pc('batch', 50, { preemptionPolicy: 'Never' }));
    expect((await c.client.create('pods', pod('a', { priorityClassName: 'batch' }))).spec).toMatchObject({ priority: 50, preemptionPolicy: 'Never', priorityClassName: 'batch' });
    const plain = (await c.client.create('pods', pod('b'))).spec;
    expect([plain.priority, plain.preemptionPolicy, plain.priorityClassName]).toEqual([0, 'PreemptLowerPriority', undefined]);
    expect((await c.client.create('pods', pod('s', { priorityClassName: 'system-cluster-critical' }))).spec.priority).toBe(2000000000);
    // the value it computed may be repeated, not changed
    expect((await c.client.create('pods', pod('d', { priorityClassName: 'batch', priority: 50 }))).spec.priority).toBe(50);
  });

  it('gives a pod without a class the global default, the lowest-valued if several', async () => {
    const c = await cluster();
    await c.client.create('priorityclasses', pc('default-prio', 7, { globalDefault: true }));
    expect((await c.client.create('pods', pod('a'))).spec).toMatchObject({ priority: 7, priorityClassName: 'default-prio', preemptionPolicy: 'PreemptLowerPriority' });
    const e = await failure(c.client.create('priorityclasses', pc('second', 3, { globalDefault: true })));
    expect([e.code, e.message]).toEqual([403, 'priorityclasses.scheduling.k8s.io "second" is forbidden: PriorityClass default-prio is already marked as default. Only one default can exist']);
    // the default itself may be updated (its description, say) and stay the default
    const stored = await c.client.get('priorityclasses', undefined, 'default-prio');
    expect((await c.client.update('priorityclasses', { ...stored, description: 'x' })).globalDefault).toBe(true);
  });

  it('follows the default as classes come, change and go', async () => {
    const c = await cluster();
    expect((await c.client.create('pods', pod('a'))).spec.priority).toBe(0);
    await c.client.create('priorityclasses', pc('d1', 7, { globalDefault: true }));
    expect((await c.client.create('pods', pod('b'))).spec.priority).toBe(7);
    const d1 = await c.client.get('priorityclasses', undefined, 'd1');
    await c.client.update('priorityclasses', { ...d1, globalDefault: false });
    expect((await c.client.create('pods', pod('c'))).spec.priority).toBe(0);
    await c.client.create('priorityclasses', pc('d2', 9, { globalDefault: true }));
    expect((await c.client.create('pods', pod('d'))).spec.priority).toBe(9);
    await c.client.delete('priorityclasses', undefined, 'd2');
    expect((await c.client.create('pods', pod('e'))).spec).toMatchObject({ priority: 0, preemptionPolicy: 'PreemptLowerPriority' });
  });

  it('refuses a pod naming a missing class, or a priority or policy other than its class\'s', async () => {
    const c = await cluster();
    await c.client.create('priorityclasses', pc('batch', 50));
    let e = await failure(c.client.create('pods', pod('', { priorityClassName: 'nope' }, { generateName: 'web-' })));
    expect([e.code, e.message]).toEqual([403, 'pods "web-" is forbidden: no PriorityClass with name nope was found']);
    e = await failure(c.client.create('pods', pod('a', { priority: 5 })));
    expect(e.message).toBe('pods "a" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name');
    e = await failure(c.client.create('pods', pod('b', { priorityClassName: 'batch', preemptionPolicy: 'Never' })));
    expect(e.message).toBe('pods "b" is forbidden: the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name');
    await expect(c.client.get('pods', 'default', 'a')).rejects.toMatchObject({ code: 404 });
  });

  it('keeps a pod\'s priority when an update leaves it out', async () => {
    const c = await cluster();
    await c.client.create('priorityclasses', pc('batch', 50));
    const created = await c.client.create('pods', pod('a', { priorityClassName: 'batch' }));
    const { priority: _p, preemptionPolicy: _pp, ...spec } = created.spec;
    const updated = await c.client.update('pods', { ...created, metadata: { ...created.metadata, labels: { x: 'y' } }, spec });
    expect(updated.spec).toMatchObject({ priority: 50, preemptionPolicy: 'PreemptLowerPriority' });
  });
});
