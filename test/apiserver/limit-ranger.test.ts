import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { Cluster } from '../../src/cluster.js';
import { FakeClock } from '../../src/util/clock.js';
import { events, NO_SCHEDULER, replicaSet } from '../controllers/helpers.js';
import { failure } from './test-kinds.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const limitRange = (name: string, limits: unknown[], namespace = 'default'): KubeObject => ({
  apiVersion: 'v1', kind: 'LimitRange', metadata: { name, namespace }, spec: { limits },
});
const pod = (name: string, resources: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' },
  spec: { schedulerName: NO_SCHEDULER, containers: [{ name: 'app', image: 'nginx', resources }], ...extra },
});
const claim = (name: string, storage: string): KubeObject => ({
  apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage } } },
});

async function cluster(): Promise<Cluster> {
  return Cluster.inMemory({ clock: new FakeClock('2026-01-01T00:00:00Z'), bootstrap: { nodes: 1 } });
}

const forbidden = async (c: Cluster, resource: string, obj: KubeObject) => {
  const e = await failure(c.client.create(resource, obj));
  return [e.code, e.message];
};

describe('LimitRanger admission', () => {
  it('gives a pod\'s containers the defaults they leave out, and says so in an annotation', async () => {
    const c = await cluster();
    await c.client.create('limitranges', limitRange('defaults', [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m' } }]));
    const created = await c.client.create('pods', pod('a', { requests: { memory: '128Mi' } }, {
      initContainers: [{ name: 'init', image: 'busybox', resources: { limits: { cpu: '200m' } } }],
    }));
    expect(created.spec.containers[0].resources).toEqual({ requests: { memory: '128Mi', cpu: '100m' }, limits: { cpu: '500m', memory: '256Mi' } });
    // the limit set by the pod is copied into its request before admission, as API defaulting does
    // (the range's default request for memory came from its default limit)
    expect(created.spec.initContainers[0].resources).toEqual({ limits: { cpu: '200m', memory: '256Mi' }, requests: { cpu: '200m', memory: '256Mi' } });
    expect(created.metadata.annotations).toEqual({
      'kubernetes.io/limit-ranger': 'LimitRanger plugin set: cpu request for container app; cpu, memory limit for container app; '
        + 'memory request for init container init; memory limit for init container init',
    });
    // another namespace is untouched
    await c.client.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } });
    const plain = await c.client.create('pods', { ...pod('b'), metadata: { name: 'b', namespace: 'other' } });
    expect([plain.spec.containers[0].resources, plain.metadata.annotations]).toEqual([{}, undefined]);
  });

  it('follows the ranges as they come and go', async () => {
    const c = await cluster();
    expect((await c.client.create('pods', pod('a'))).spec.containers[0].resources).toEqual({});
    await c.client.create('limitranges', limitRange('defaults', [{ type: 'Container', defaultRequest: { cpu: '100m' } }]));
    expect((await c.client.create('pods', pod('b'))).spec.containers[0].resources).toEqual({ requests: { cpu: '100m' } });
    await c.client.delete('limitranges', 'default', 'defaults');
    expect((await c.client.create('pods', pod('c'))).spec.containers[0].resources).toEqual({});
  });

  it('refuses a container outside min and max, with kube-apiserver\'s words', async () => {
    const c = await cluster();
    await c.client.create('limitranges', limitRange('bounds', [{ type: 'Container', max: { cpu: '500m' }, min: { memory: '100Mi' } }]));
    expect(await forbidden(c, 'pods', pod('x', { limits: { cpu: '1' }, requests: { memory: '200Mi' } }))).toEqual([
      403, 'pods "x" is forbidden: maximum cpu usage per Container is 500m, but limit is 1',
    ]);
    expect(await forbidden(c, 'pods', pod('y', { requests: { memory: '50Mi' } }))).toEqual([
      403, 'pods "y" is forbidden: minimum memory usage per Container is 100Mi, but request is 50Mi',
    ]);
    // the range's min and max made its defaults: a pod that sets nothing fits
    expect((await c.client.create('pods', pod('ok'))).spec.containers[0].resources).toEqual({
      requests: { cpu: '500m', memory: '100Mi' }, limits: { cpu: '500m' },
    });
    // several at once: one bracketed list, in the range's order
    await c.client.create('limitranges', limitRange('per-pod', [{ type: 'Pod', min: { 'ephemeral-storage': '1Gi' } }]));
    expect(await forbidden(c, 'pods', pod('z', { limits: { cpu: '2' }, requests: { memory: '50Mi' } }))).toEqual([
      403, 'pods "z" is forbidden: [minimum memory usage per Container is 100Mi, but request is 50Mi, maximum cpu usage per Container is 500m, but limit is 2]',
    ]);
    // each range is checked in turn: the first one refusing answers
    expect(await forbidden(c, 'pods', pod('w'))).toEqual([
      403, 'pods "w" is forbidden: minimum ephemeral-storage usage per Pod is 1Gi.  No request is specified',
    ]);
  });

  it('checks the pod as a whole and the limit/request ratio', async () => {
    const c = await cluster();
    await c.client.create('limitranges', limitRange('pods', [{ type: 'Pod', max: { memory: '1Gi' } }, { type: 'Container', maxLimitRequestRatio: { cpu: '2' } }]));
    const two = pod('big', { requests: { cpu: '100m' }, limits: { cpu: '200m', memory: '768Mi' } }, {
      containers: [
        { name: 'a', image: 'nginx', resources: { requests: { cpu: '100m' }, limits: { cpu: '200m', memory: '768Mi' } } },
        { name: 'b', image: 'nginx', resources: { requests: { cpu: '100m' }, limits: { cpu: '200m', memory: '512Mi' } } },
      ],
    });
    expect(await forbidden(c, 'pods', two)).toEqual([403, 'pods "big" is forbidden: maximum memory usage per Pod is 1Gi, but limit is 1280Mi']);
    expect(await forbidden(c, 'pods', pod('greedy', { requests: { cpu: '100m' }, limits: { cpu: '1', memory: '64Mi' } }))).toEqual([
      403, 'pods "greedy" is forbidden: cpu max limit to request ratio per Container is 2, but provided ratio is 10.000000',
    ]);
    expect(await forbidden(c, 'pods', pod('nolimit', { limits: { memory: '64Mi' } }))).toEqual([
      403, 'pods "nolimit" is forbidden: cpu max limit to request ratio per Container is 2, but no request is specified or request is 0',
    ]);
  });

  it('bounds a claim\'s storage request', async () => {
    const c = await cluster();
    await c.client.create('limitranges', limitRange('storage', [{ type: 'PersistentVolumeClaim', min: { storage: '1Gi' }, max: { storage: '2Gi' } }]));
    expect(await forbidden(c, 'persistentvolumeclaims', claim('huge', '5Gi'))).toEqual([
      403, 'persistentvolumeclaims "huge" is forbidden: maximum storage usage per PersistentVolumeClaim is 2Gi, but request is 5Gi',
    ]);
    expect(await forbidden(c, 'persistentvolumeclaims', claim('tiny', '500Mi'))).toEqual([
      403, 'persistentvolumeclaims "tiny" is forbidden: minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 500Mi',
    ]);
    expect((await c.client.create('persistentvolumeclaims', claim('ok', '2Gi'))).metadata.name).toBe('ok');
  });

  it('defaults the pods a ReplicaSet creates, and its FailedCreate event carries a refusal', async () => {
    const c = await cluster();
    await c.client.create('limitranges', limitRange('defaults', [{ type: 'Container', default: { cpu: '200m' }, max: { memory: '64Mi' } }]));
    await c.client.create('replicasets', replicaSet('web', 2));
    await c.reconcile();
    const created = (await c.client.list('pods', { namespace: 'default' })).items;
    expect(created.map((p: any) => p.spec.containers[0].resources)).toEqual([
      { limits: { cpu: '200m', memory: '64Mi' }, requests: { cpu: '200m', memory: '64Mi' } },
      { limits: { cpu: '200m', memory: '64Mi' }, requests: { cpu: '200m', memory: '64Mi' } },
    ]);
    const big = replicaSet('big', 1);
    big.spec.template.spec.containers[0].resources = { limits: { memory: '1Gi' } };
    await c.client.create('replicasets', big);
    await c.reconcile();
    const failed = await events(c, 'FailedCreate');
    expect(failed.length).toBeGreaterThan(0);
    // refused after validation: the pod is named by its generated name
    for (const e of failed) expect(e).toMatch(/^FailedCreate Error creating: pods "big-[a-z0-9]{5}" is forbidden: maximum memory usage per Container is 64Mi, but limit is 1Gi$/);
  });
});
