import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../src/api/types.js';
import { openEmbedded } from '../src/client/embedded.js';
import { CHECKPOINT_WRITES, MAX_ROUNDS } from '../src/cluster-limits.js';
import { Cluster } from '../src/cluster.js';
import type { Reconciler } from '../src/controllers/reconciler.js';
import { MemoryStore } from '../src/store/memory-store.js';
import { FakeClock } from '../src/util/clock.js';

const cm = (name: string, ns = 'default', extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns, ...extra }, data: {},
});

/** A reconciler that records the keys it sees (ConfigMaps mapped to their owner's name when owned). */
function recorder(name = 'toy', result: (key: string) => { requeueAfter?: number } | void = () => {}) {
  const seen: string[] = [];
  const r: Reconciler = {
    name,
    watches: [{ resource: 'configmaps', keys: (o) => [o.metadata.ownerReferences?.[0]?.name ?? `${o.metadata.namespace}/${o.metadata.name}`] }],
    async reconcile(key) {
      seen.push(key);
      return result(key);
    },
  };
  return { r, seen };
}

describe('Cluster (in memory)', () => {
  it('bootstraps namespaces, the kubernetes service, nodes and the default storage class', async () => {
    const c = await Cluster.inMemory({ clock: new FakeClock(), bootstrap: { nodes: 2 } });
    const names = async (res: string, ns?: string) => (await c.client.list(res, { namespace: ns })).items.map((o) => o.metadata.name);
    expect(await names('namespaces')).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    expect(await names('nodes')).toEqual(['pocketkube-node-1', 'pocketkube-node-2']);
    const svc = await c.client.get('services', 'default', 'kubernetes');
    expect(svc.spec.clusterIP).toBe('10.96.0.1');
    expect(svc.spec.ports).toEqual([{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }]);
    expect(await names('serviceaccounts', 'kube-public')).toEqual(['default']);
    const ca = await c.client.get('configmaps', 'kube-system', 'kube-root-ca.crt');
    expect(ca.data['ca.crt']).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    const node = await c.client.get('nodes', undefined, 'pocketkube-node-2');
    expect(node.status.allocatable).toMatchObject({ cpu: '4', memory: '16Gi', pods: '110' });
    expect(node.status.conditions.find((x: { type: string }) => x.type === 'Ready')).toMatchObject({ status: 'True', reason: 'KubeletReady' });
    expect(node.status.addresses[0]).toEqual({ type: 'InternalIP', address: '172.18.0.3' });
    const sc = await c.client.get('storageclasses', undefined, 'standard');
    expect(sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class']).toBe('true');
    await c.close();
  });

  it('hands watches the stored objects themselves, frozen under tests, and the API copies', async () => {
    expect(process.env.POCKETKUBE_FREEZE_SHARED).toBe('1'); // vitest.config.ts
    const c = await Cluster.inMemory({ clock: new FakeClock(), bootstrap: { nodes: 1 } });
    const seen: KubeObject[] = [];
    c.register({
      name: 'peeker',
      watches: [{ resource: 'configmaps', keys: (o) => (seen.push(o), []) }],
      async reconcile() {},
    });
    await c.client.create('configmaps', cm('shared'));
    await c.reconcile();
    const watched = seen.find((o) => o.metadata.name === 'shared')!;
    expect(Object.isFrozen(watched) && Object.isFrozen(watched.metadata)).toBe(true);
    expect(() => {
      watched.metadata.labels = { changed: 'yes' };
    }).toThrow(TypeError);
    const read = await c.client.get('configmaps', 'default', 'shared');
    expect(Object.isFrozen(read)).toBe(false);
    read.metadata.labels = { mine: 'yes' };
    expect((await c.client.get('configmaps', 'default', 'shared')).metadata.labels).toBeUndefined();
    await c.close();
  });

  it('feeds changed keys to reconcilers and fires delayed keys after time advances', async () => {
    const clock = new FakeClock();
    const c = await Cluster.inMemory({ clock, bootstrap: { nodes: 1 } });
    const { r, seen } = recorder('toy', (key) => (key === 'default/later' && seen.filter((k) => k === key).length === 1 ? { requeueAfter: 60_000 } : undefined));
    c.register(r);
    await c.client.create('configmaps', cm('a'));
    await c.client.create('configmaps', cm('later'));
    await c.reconcile();
    expect(seen).toEqual(['default/a', 'default/later']);
    await c.reconcile();
    expect(seen).toHaveLength(2);
    clock.advance(59_000);
    await c.reconcile();
    expect(seen).toHaveLength(2);
    await c.advance(1_000);
    await c.reconcile();
    expect(seen).toEqual(['default/a', 'default/later', 'default/later']);
    await c.close();
  });

  it('maps deleted objects with their last state (owner references included)', async () => {
    const c = await Cluster.inMemory({ clock: new FakeClock(), bootstrap: { nodes: 1 } });
    const { r, seen } = recorder();
    c.register(r);
    // An owner of a kind the cluster does not serve: the garbage collector leaves the dependent alone.
    await c.client.create('configmaps', cm('child', 'default', { ownerReferences: [{ apiVersion: 'example.com/v1', kind: 'Widget', name: 'owner', uid: 'u1' }] }));
    await c.reconcile();
    await c.client.delete('configmaps', 'default', 'child');
    await c.reconcile();
    expect(seen).toEqual(['owner', 'owner']);
    await c.close();
  });

  it('retries a failing reconcile with back-off', async () => {
    const clock = new FakeClock();
    const c = await Cluster.inMemory({ clock, bootstrap: { nodes: 1 }, onReconcileError: () => {} });
    let calls = 0;
    c.register({
      name: 'flaky',
      watches: [{ resource: 'configmaps', keys: (o) => [o.metadata.name ?? ''] }],
      async reconcile(key) {
        if (key !== 'x') return;
        calls++;
        if (calls < 3) throw new Error('not yet');
      },
    });
    await c.client.create('configmaps', cm('x'));
    await c.reconcile();
    expect(calls).toBe(1);
    clock.advance(5);
    await c.reconcile();
    expect(calls).toBe(2);
    clock.advance(5);
    await c.reconcile();
    expect(calls).toBe(2); // second failure backs off 10 ms
    clock.advance(5);
    await c.reconcile();
    expect(calls).toBe(3);
    await c.close();
  });

  it('completes a namespace deletion within the same reconcile, content first', async () => {
    const c = await Cluster.inMemory({ clock: new FakeClock(), bootstrap: { nodes: 1 } });
    await c.client.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    await c.reconcile();
    expect((await c.client.list('configmaps', { namespace: 'shop' })).items.map((o) => o.metadata.name)).toEqual(['kube-root-ca.crt']);
    await c.client.create('configmaps', cm('data', 'shop'));
    await c.client.delete('namespaces', undefined, 'shop');
    expect((await c.client.get('namespaces', undefined, 'shop')).status.phase).toBe('Terminating');
    await c.reconcile();
    await expect(c.client.get('namespaces', undefined, 'shop')).rejects.toThrow('namespaces "shop" not found');
    expect((await c.client.list('configmaps', { namespace: 'shop' })).items).toEqual([]);
    expect((await c.client.list('serviceaccounts', { namespace: 'shop' })).items).toEqual([]);
    await c.close();
  });

  it('keeps a namespace Terminating while content has finalizers', async () => {
    const c = await Cluster.inMemory({ clock: new FakeClock(), bootstrap: { nodes: 1 } });
    await c.client.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'stuck' } });
    await c.client.create('configmaps', cm('held', 'stuck', { finalizers: ['example.com/hold'] }));
    await c.client.delete('namespaces', undefined, 'stuck');
    await c.reconcile();
    const ns = await c.client.get('namespaces', undefined, 'stuck');
    const byType = Object.fromEntries(ns.status.conditions.map((x: { type: string }) => [x.type, x]));
    expect(byType.NamespaceContentRemaining).toMatchObject({ status: 'True', message: 'Some resources are remaining: configmaps has 1 resource instances' });
    expect(byType.NamespaceFinalizersRemaining).toMatchObject({ status: 'True', message: 'Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances' });
    await c.client.patch('configmaps', 'stuck', 'held', 'merge', { metadata: { finalizers: null } });
    await c.reconcile();
    await expect(c.client.get('namespaces', undefined, 'stuck')).rejects.toThrow('not found');
    await c.close();
  });

  it('commits at the end of a round once CHECKPOINT_WRITES writes are pending, with nothing left to redo', async () => {
    const store = new MemoryStore();
    const commits: { pending: number; reconciled: number | undefined; revision: number; due: number | undefined }[] = [];
    const commit = store.commit.bind(store);
    store.commit = () => {
      commits.push({ pending: store.pendingWrites(), reconciled: store.getMeta<number>('reconciledRevision'), revision: store.revision(), due: store.nextDue() });
      commit();
    };
    const clock = new FakeClock();
    const c = await Cluster.inMemory({ clock, store });
    const toy: Reconciler = {
      name: 'fanout',
      watches: [{ resource: 'configmaps', keys: (o) => (o.metadata.name === 'seed' ? ['seed'] : []) }],
      async reconcile() {
        for (let i = 0; i < CHECKPOINT_WRITES / 3; i++) await c.client.create('configmaps', cm(`cm-${i}`));
      },
    };
    // sees the fan-out's first write in the collect half way through the round: queued for the next
    const seen: string[] = [];
    const watcher: Reconciler = {
      name: 'watcher',
      watches: [{ resource: 'configmaps', keys: (o) => (o.metadata.name === 'cm-0' ? ['cm-0'] : []) }],
      async reconcile(key) {
        seen.push(key);
      },
    };
    c.register(toy);
    c.register(watcher);
    commits.length = 0;
    const seed = await c.client.create('configmaps', cm('seed'));
    await c.reconcile();
    // one checkpoint, after the round that reconciled the seed; every change of the round was
    // collected, and the key it queued and has not run yet is stored as due now: nothing to redo
    expect(commits).toHaveLength(1);
    const revision = Number(seed.metadata.resourceVersion) + Math.ceil(CHECKPOINT_WRITES / 3);
    expect(commits[0]).toMatchObject({ reconciled: revision, revision, due: clock.now().getTime() });
    expect(commits[0]!.pending).toBeGreaterThanOrEqual(CHECKPOINT_WRITES);
    // the next round ran the queued key once, and took the stored copy back
    expect(seen).toEqual(['cm-0']);
    expect(store.nextDue()).toBeUndefined();
    await c.close();
  });

  it('runs the controllers, then the scheduler, then the kubelets in each round: a checkpoint finds a pod started', async () => {
    const store = new MemoryStore();
    const phases: (string | undefined)[] = [];
    const commit = store.commit.bind(store);
    store.commit = () => {
      phases.push((store.peek('/registry/pods/default/p')?.status as { phase?: string } | undefined)?.phase);
      commit();
    };
    const clock = new FakeClock();
    const c = await Cluster.inMemory({ clock, store, bootstrap: { nodes: 1 } });
    // enough writes in the first round for a checkpoint at its end
    c.register({
      name: 'fanout',
      watches: [{ resource: 'configmaps', keys: (o) => (o.metadata.name === 'seed' ? ['seed'] : []) }],
      async reconcile() {
        for (let i = 0; i < CHECKPOINT_WRITES / 3; i++) await c.client.create('configmaps', cm(`cm-${i}`));
      },
    });
    phases.length = 0;
    await c.client.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    await c.client.create('configmaps', cm('seed'));
    await c.reconcile();
    // bound by the scheduler and started by its kubelet in the round that wrote the configmaps
    expect(phases[0]).toBe('Running');
    await c.close();
  });

  it('stores what is still queued when the bounds stop the loop, and the next reconcile runs it', async () => {
    const store = new MemoryStore();
    const clock = new FakeClock();
    const c = await Cluster.inMemory({ clock, store });
    let runs = 0;
    // each run writes the object it watches again: never quiet, so only MAX_ROUNDS stops the loop
    const echo: Reconciler = {
      name: 'echo',
      watches: [{ resource: 'configmaps', keys: (o) => (o.metadata.name === 'loop' ? ['loop'] : []) }],
      async reconcile() {
        runs++;
        if (runs <= MAX_ROUNDS) await c.client.patch('configmaps', 'default', 'loop', 'merge', { data: { n: String(runs) } });
      },
    };
    c.register(echo);
    await c.client.create('configmaps', cm('loop'));
    await c.reconcile();
    expect(runs).toBe(MAX_ROUNDS);
    // the last round's write was collected half way through it: its key waits in the store
    expect(store.nextDue()).toBe(clock.now().getTime());
    await c.reconcile();
    expect(runs).toBe(MAX_ROUNDS + 1);
    expect(store.nextDue()).toBeUndefined();
    await c.close();
  });

  it('works over a given store', async () => {
    const store = new MemoryStore();
    const c = await Cluster.inMemory({ store, clock: new FakeClock(), bootstrap: { nodes: 1 } });
    expect(store.getMeta('bootstrapped')).toBe(true);
    await c.close();
  });
});

describe('Cluster (on disk)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('a second cluster on the same dir sees committed writes and the time offset', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pk-cluster-'));
    dirs.push(dir);
    const clock = new FakeClock();
    const a = await Cluster.open({ dir, clock, bootstrap: { nodes: 1 } });
    await a.client.create('configmaps', cm('persisted'));
    await a.advance(3_600_000);
    await a.close();

    const b = await Cluster.open({ dir, clock });
    expect((await b.client.get('configmaps', 'default', 'persisted')).metadata.name).toBe('persisted');
    expect(b.now().toISOString()).toBe('2026-01-01T01:00:00.000Z');
    expect((await b.client.list('nodes')).items).toHaveLength(1);
    await b.close();
  });

  it('openEmbedded gives a connection whose writes survive close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pk-cluster-'));
    dirs.push(dir);
    const clock = new FakeClock('2026-02-01T00:00:00Z');
    const conn = await openEmbedded({ dir, clock, bootstrap: { nodes: 2 } });
    expect(conn.now().toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(conn.registry.resolve('po')?.plural).toBe('pods');
    await conn.client.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    await conn.close();
    const again = await openEmbedded({ dir, clock });
    expect((await again.client.list('serviceaccounts', { namespace: 'shop' })).items.map((o) => o.metadata.name)).toEqual(['default']);
    expect((await again.client.list('nodes')).items).toHaveLength(2);
    await again.close();
  });

  it('a second writer waits for the lock and then writes on top of the first one\'s commit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pk-cluster-'));
    dirs.push(dir);
    const clock = new FakeClock();
    await (await Cluster.open({ dir, clock })).close();
    const a = await Cluster.open({ dir, clock });
    const b = await Cluster.open({ dir, clock });
    await Promise.all([a.client.create('configmaps', cm('one')), a.client.create('configmaps', cm('two'))]);
    const late = b.client.create('configmaps', cm('one')).then(() => 'created', (e: Error) => e.message);
    await new Promise((r) => setTimeout(r, 50));
    await a.close();
    expect(await late).toBe('configmaps "one" already exists');
    await b.client.create('configmaps', cm('three'));
    await b.close();
    const check = await Cluster.open({ dir, clock });
    expect((await check.client.list('configmaps', { namespace: 'default' })).items.map((o) => o.metadata.name)).toEqual(['kube-root-ca.crt', 'one', 'three', 'two']);
    await check.close();
  });

  it('read-only use does not take the write lock; a failed invocation keeps nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pk-cluster-'));
    dirs.push(dir);
    const clock = new FakeClock();
    await (await Cluster.open({ dir, clock })).close();
    const reader = await Cluster.open({ dir, clock });
    const writer = await Cluster.open({ dir, clock });
    await reader.client.list('configmaps');
    await writer.client.create('configmaps', cm('w'));
    await writer.abort();
    await reader.close();
    const check = await Cluster.open({ dir, clock });
    await expect(check.client.get('configmaps', 'default', 'w')).rejects.toThrow('not found');
    await check.close();
  });
});
