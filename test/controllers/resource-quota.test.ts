import { describe, expect, it } from 'vitest';
import { kindRegistry } from '../../src/api/kinds/index.js';
import type { KubeObject } from '../../src/api/types.js';
import { RESYNC_MS, needsSync, resourceQuotaReconciler } from '../../src/controllers/resource-quota.js';
import { NO_SCHEDULER, events, pods, replicaSet, testCluster } from './helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const quota = (name: string, hard: Record<string, string>, namespace = 'default'): KubeObject => ({
  apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name, namespace }, spec: { hard },
});
const pod = (name: string, cpu = '100m', namespace = 'default'): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace },
  spec: { schedulerName: NO_SCHEDULER, containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu } } }] },
});

describe('resource quota controller', () => {
  it('copies the hard limits and counts what the namespace already holds', async () => {
    const { c } = await testCluster();
    await c.client.create('pods', pod('a', '250m'));
    await c.client.create('pods', pod('b', '500m'));
    await c.client.create('resourcequotas', quota('q', { pods: '10', 'requests.cpu': '2', 'count/pods': '20', 'requests.memory': '1Gi' }));
    await c.reconcile();
    const q = await c.client.get('resourcequotas', 'default', 'q');
    expect(q.status).toEqual({
      hard: { 'count/pods': '20', pods: '10', 'requests.cpu': '2', 'requests.memory': '1Gi' },
      used: { 'count/pods': '2', pods: '2', 'requests.cpu': '750m', 'requests.memory': '0' },
    });
    // a changed limit is copied over
    await c.client.update('resourcequotas', { ...q, spec: { hard: { pods: '3' } } });
    await c.reconcile();
    expect((await c.client.get('resourcequotas', 'default', 'q')).status).toEqual({ hard: { pods: '3' }, used: { pods: '2' } });
  });

  it('gives back what leaves: a deleted pod, a finished one (still counted by count/pods)', async () => {
    const { c } = await testCluster();
    await c.client.create('resourcequotas', quota('q', { pods: '5', 'count/pods': '5' }));
    await c.reconcile();
    for (const n of ['a', 'b', 'c']) await c.client.create('pods', pod(n));
    expect((await c.client.get('resourcequotas', 'default', 'q')).status.used).toEqual({ 'count/pods': '3', pods: '3' });
    await c.client.delete('pods', 'default', 'a');
    await c.reconcile();
    expect((await c.client.get('resourcequotas', 'default', 'q')).status.used).toEqual({ 'count/pods': '2', pods: '2' });
    const b = await c.client.get('pods', 'default', 'b');
    await c.client.updateStatus('pods', { ...b, status: { ...b.status, phase: 'Succeeded' } });
    await c.reconcile();
    expect((await c.client.get('resourcequotas', 'default', 'q')).status.used).toEqual({ 'count/pods': '2', pods: '1' });
  });

  it('counts afresh every sync period', async () => {
    const { c } = await testCluster();
    await c.client.create('resourcequotas', quota('q', { pods: '5' }));
    await c.reconcile();
    await c.client.create('pods', pod('a'));
    const q = await c.client.get('resourcequotas', 'default', 'q');
    // a status written behind the controller's back is not looked at until the period is over
    await c.client.updateStatus('resourcequotas', { ...q, status: { ...q.status, used: { pods: '4' } } });
    await c.reconcile();
    expect((await c.client.get('resourcequotas', 'default', 'q')).status.used).toEqual({ pods: '4' });
    await c.advanceStepwise(RESYNC_MS);
    expect((await c.client.get('resourcequotas', 'default', 'q')).status.used).toEqual({ pods: '1' });
  });

  it('watches only what can change a count: deletions, finished pods, quotas not yet counted', () => {
    const r = resourceQuotaReconciler(kindRegistry());
    const keysOf = (resource: string, obj: KubeObject, type: 'put' | 'delete') =>
      r.watches.filter((w) => w.resource === resource && (type === 'delete' || !w.deletesOnly)).flatMap((w) => w.keys(obj, type));
    const p = pod('p', '1', 'shop');
    expect(keysOf('pods', p, 'put')).toEqual([]);
    expect(keysOf('pods', { ...p, status: { phase: 'Failed' } }, 'put')).toEqual(['shop/*']);
    expect(keysOf('pods', p, 'delete')).toEqual(['shop/*']);
    expect(keysOf('configmaps', { metadata: { name: 'x', namespace: 'shop' } } as KubeObject, 'put')).toEqual([]);
    expect(keysOf('configmaps', { metadata: { name: 'x', namespace: 'shop' } } as KubeObject, 'delete')).toEqual(['shop/*']);
    expect(keysOf('events', { metadata: { name: 'x', namespace: 'shop' } } as KubeObject, 'delete')).toEqual([]);
    const q = { ...quota('q', { pods: '1' }, 'shop'), status: { hard: { pods: '1' }, used: { pods: '0' } } };
    expect([needsSync(q), keysOf('resourcequotas', q, 'put')]).toEqual([false, []]);
    const grown = { ...q, spec: { hard: { pods: '2' } } };
    expect([needsSync(grown), keysOf('resourcequotas', grown, 'put')]).toEqual([true, ['shop/q']]);
  });

  it('lets a ReplicaSet create what fits; its FailedCreate event carries the refusal', async () => {
    const { c } = await testCluster();
    await c.client.create('resourcequotas', quota('q', { pods: '2' }));
    await c.reconcile();
    await c.client.create('replicasets', replicaSet('web', 3));
    await c.reconcile();
    expect(await pods(c)).toHaveLength(2);
    const failed = await events(c, 'FailedCreate');
    expect(failed.length).toBeGreaterThan(0);
    for (const e of failed) {
      expect(e).toMatch(/^FailedCreate Error creating: pods "web-[a-z0-9]{5}" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2$/);
    }
    const rs = await c.client.get('replicasets', 'default', 'web');
    expect(rs.status.conditions?.map((x: any) => [x.type, x.reason])).toEqual([['ReplicaFailure', 'FailedCreate']]);
    // room made: the replacement fits, without a refusal first (the quota is recounted before the ReplicaSet acts)
    await c.client.update('resourcequotas', { ...(await c.client.get('resourcequotas', 'default', 'q')), spec: { hard: { pods: '3' } } });
    const before = failed.length;
    await c.advanceStepwise(60_000);
    expect(await pods(c)).toHaveLength(3);
    expect(await events(c, 'FailedCreate')).toHaveLength(before);
  });
});
