import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { Cluster } from '../../src/cluster.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { FakeClock } from '../../src/util/clock.js';
import { NO_SCHEDULER, deployment } from '../controllers/helpers.js';
import { failure } from './test-kinds.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const quota = (name: string, hard: Record<string, string>, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name, namespace: 'default' }, spec: { hard, ...extra },
});
const pod = (name: string, resources: Record<string, unknown> = {}, containers = ['c']): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' },
  spec: { schedulerName: NO_SCHEDULER, containers: containers.map((c) => ({ name: c, image: 'nginx', resources })) },
});

async function cluster(store = new MemoryStore()): Promise<Cluster> {
  return Cluster.inMemory({ store, clock: new FakeClock('2026-01-01T00:00:00Z'), bootstrap: { nodes: 1 } });
}

/** Creates the quota and lets the controller count its usage. */
async function withQuota(c: Cluster, q: KubeObject): Promise<void> {
  await c.client.create('resourcequotas', q);
  await c.reconcile();
}

const used = async (c: Cluster, name = 'q') => (await c.client.get('resourcequotas', 'default', name)).status.used;
const refusal = async (c: Cluster, resource: string, obj: KubeObject) => {
  const e = await failure(c.client.create(resource, obj));
  return [e.code, e.reason, e.message];
};

describe('ResourceQuota admission', () => {
  it('admits up to the limit, charging each pod at once, then refuses with kube-apiserver\'s words', async () => {
    const c = await cluster();
    await withQuota(c, quota('q', { pods: '2' }));
    expect(await used(c)).toEqual({ pods: '0' });
    await c.client.create('pods', pod('a'));
    expect(await used(c)).toEqual({ pods: '1' });
    await c.client.create('pods', pod('b'));
    expect(await refusal(c, 'pods', pod('x'))).toEqual([403, 'Forbidden', 'pods "x" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2']);
    // a dry run is checked but charges nothing
    await c.client.delete('pods', 'default', 'b');
    await c.reconcile();
    await c.client.create('pods', pod('d'), { dryRun: 'All' });
    expect(await used(c)).toEqual({ pods: '1' });
  });

  it('sums requests and limits, and names only what is exceeded', async () => {
    const c = await cluster();
    await withQuota(c, quota('q', { 'requests.cpu': '1', 'limits.memory': '1Gi', pods: '10' }));
    await c.client.create('pods', pod('a', { requests: { cpu: '600m' }, limits: { memory: '256Mi' } }));
    expect(await used(c)).toEqual({ 'limits.memory': '256Mi', pods: '1', 'requests.cpu': '600m' });
    expect(await refusal(c, 'pods', pod('b', { requests: { cpu: '300m' }, limits: { memory: '512Mi' } }, ['one', 'two']))).toEqual([
      403, 'Forbidden', 'pods "b" is forbidden: exceeded quota: q, requested: limits.memory=1Gi,requests.cpu=600m, used: limits.memory=256Mi,requests.cpu=600m, limited: limits.memory=1Gi,requests.cpu=1',
    ]);
  });

  it('wants every container to set the cpu and memory a quota tracks', async () => {
    const c = await cluster();
    await withQuota(c, quota('q', { 'limits.cpu': '2', memory: '1Gi' }));
    expect(await refusal(c, 'pods', pod('p', { limits: { memory: '64Mi' } }, ['web', 'sidecar']))).toEqual([
      403, 'Forbidden', 'pods "p" is forbidden: failed quota: q: must specify limits.cpu for: sidecar,web',
    ]);
    expect(await refusal(c, 'pods', pod('p', {}, ['web']))).toEqual([
      403, 'Forbidden', 'pods "p" is forbidden: failed quota: q: must specify limits.cpu for: web; memory for: web',
    ]);
  });

  it('refuses while the controller has not counted what a quota tracks', async () => {
    const c = await cluster();
    const created = await c.client.create('resourcequotas', quota('q', { pods: '5', 'count/secrets': '5' }));
    // before the controller has copied the limits, the quota tracks nothing yet
    await c.client.create('pods', pod('early'));
    await c.client.updateStatus('resourcequotas', { ...created, status: { hard: { pods: '5', 'count/secrets': '5' }, used: { 'count/secrets': '0' } } });
    expect(await refusal(c, 'pods', pod('p'))).toEqual([403, 'Forbidden', 'pods "p" is forbidden: status unknown for quota: q, resources: pods']);
    await c.reconcile();
    expect(await used(c)).toEqual({ 'count/secrets': '0', pods: '1' });
  });

  it('counts only the pods in its scopes', async () => {
    const c = await cluster();
    await withQuota(c, quota('q', { pods: '1' }, { scopes: ['BestEffort'] }));
    await c.client.create('pods', pod('a'));
    await c.client.create('pods', pod('burstable', { requests: { cpu: '100m' } }));
    expect(await refusal(c, 'pods', pod('b'))).toEqual([403, 'Forbidden', 'pods "b" is forbidden: exceeded quota: q, requested: pods=1, used: pods=1, limited: pods=1']);
  });

  it('counts other objects: services, claims and count/<resource>', async () => {
    const c = await cluster();
    await withQuota(c, quota('q', {
      'services.loadbalancers': '1', 'services.nodeports': '3', 'requests.storage': '2Gi', 'count/deployments.apps': '1', secrets: '1',
    }));
    const svc = (name: string, type: string) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { type, ports: [{ port: 80, name: 'a' }, { port: 81, name: 'b' }] } });
    await c.client.create('services', svc('lb', 'LoadBalancer'));
    expect(await refusal(c, 'services', svc('np', 'NodePort'))).toEqual([
      403, 'Forbidden', 'services "np" is forbidden: exceeded quota: q, requested: services.nodeports=2, used: services.nodeports=2, limited: services.nodeports=3',
    ]);
    const claim = (name: string, storage: string) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage } } } });
    await c.client.create('persistentvolumeclaims', claim('one', '1Gi'));
    expect(await refusal(c, 'persistentvolumeclaims', claim('two', '1536Mi'))).toEqual([
      403, 'Forbidden', 'persistentvolumeclaims "two" is forbidden: exceeded quota: q, requested: requests.storage=1536Mi, used: requests.storage=1Gi, limited: requests.storage=2Gi',
    ]);
    await c.client.create('deployments', deployment('web', 1));
    expect(await refusal(c, 'deployments', deployment('api', 1))).toEqual([
      403, 'Forbidden', 'deployments.apps "api" is forbidden: exceeded quota: q, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1',
    ]);
    await c.client.create('secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's1', namespace: 'default' } });
    expect(await refusal(c, 'secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's2', namespace: 'default' } })).toEqual([
      403, 'Forbidden', 'secrets "s2" is forbidden: exceeded quota: q, requested: secrets=1, used: secrets=1, limited: secrets=1',
    ]);
    expect(await used(c)).toEqual({
      'count/deployments.apps': '1', 'requests.storage': '1Gi', secrets: '1', 'services.loadbalancers': '1', 'services.nodeports': '2',
    });
  });

  it('reads a namespace\'s quotas once, not once per pod, and not at all where there are none', async () => {
    const store = new MemoryStore();
    const c = await cluster(store);
    await c.client.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'busy' } });
    await withQuota(c, quota('q', { pods: '100' }));
    const keys = store.keys.bind(store);
    let scans = 0;
    store.keys = (prefix: string) => {
      if (prefix.startsWith('/registry/resourcequotas/')) scans++;
      return keys(prefix);
    };
    for (let i = 0; i < 20; i++) await c.client.create('pods', { ...pod(`p${i}`), metadata: { name: `p${i}`, namespace: 'busy' } });
    for (let i = 0; i < 5; i++) await c.client.create('pods', pod(`d${i}`));
    expect(scans).toBeLessThanOrEqual(1);
    expect(await used(c)).toEqual({ pods: '5' });
    // a new quota is seen at once
    await c.client.create('resourcequotas', { ...quota('q2', { pods: '1' }), metadata: { name: 'q2', namespace: 'busy' } });
    await c.reconcile();
    expect((await failure(c.client.create('pods', { ...pod('x'), metadata: { name: 'x', namespace: 'busy' } }))).message)
      .toBe('pods "x" is forbidden: exceeded quota: q2, requested: pods=1, used: pods=20, limited: pods=1');
  });
});
