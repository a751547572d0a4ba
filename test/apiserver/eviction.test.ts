import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { boundPod, testCluster, type TestCluster } from '../node/helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

function deployment(replicas: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
  };
}

function budget(name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name, namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } }, ...spec } };
}

async function webPods(t: TestCluster): Promise<KubeObject[]> {
  return (await t.cluster.client.list('pods', { namespace: 'default', labelSelector: 'app=web' })).items.filter((p) => !p.metadata.deletionTimestamp);
}

const pdbStatus = async (t: TestCluster, name = 'web') => (await t.cluster.client.get('poddisruptionbudgets', 'default', name)).status;

describe('the disruption controller', () => {
  it('counts a budget by minAvailable and by maxUnavailable (rounded up) over the controllers\' replicas', async () => {
    const t = await testCluster();
    await t.cluster.client.create('deployments', deployment(4));
    await t.cluster.client.create('poddisruptionbudgets', budget('web', { minAvailable: 3 }));
    await t.cluster.client.create('poddisruptionbudgets', { ...budget('pct', { maxUnavailable: '30%' }), spec: { maxUnavailable: '30%', selector: { matchLabels: { app: 'web' } } } });
    await t.cluster.reconcile();
    expect(await pdbStatus(t)).toMatchObject({ currentHealthy: 4, desiredHealthy: 3, expectedPods: 4, disruptionsAllowed: 1, observedGeneration: 1 });
    expect((await pdbStatus(t)).conditions).toEqual([expect.objectContaining({ type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '' })]);
    // 30% of 4 rounds up to 2 unavailable: 2 must stay healthy
    expect(await pdbStatus(t, 'pct')).toMatchObject({ currentHealthy: 4, desiredHealthy: 2, expectedPods: 4, disruptionsAllowed: 2 });
  });

  it('allows nothing while no pod matches, and says so', async () => {
    const t = await testCluster();
    await t.cluster.client.create('poddisruptionbudgets', budget('web', { maxUnavailable: 1 }));
    await t.cluster.reconcile();
    expect(await pdbStatus(t)).toMatchObject({ currentHealthy: 0, desiredHealthy: 0, expectedPods: 0, disruptionsAllowed: 0 });
    expect((await pdbStatus(t)).conditions[0]).toMatchObject({ status: 'False', reason: 'InsufficientPods' });
    expect((await t.cluster.client.list('events', { namespace: 'default' })).items.map((e) => `${e.reason} ${e.message}`)).toContain('NoPods No matching pods found');
  });

  it('fails safe when a pod has no controller it can scale', async () => {
    const t = await testCluster();
    await t.cluster.client.create('jobs', {
      apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j', namespace: 'default' },
      spec: { template: { metadata: { labels: { app: 'web' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } },
    });
    await t.cluster.client.create('poddisruptionbudgets', budget('web', { maxUnavailable: 1 }));
    await t.cluster.reconcile();
    const [pod] = (await t.cluster.client.list('pods', { namespace: 'default', labelSelector: 'app=web' })).items;
    expect((await pdbStatus(t)).conditions[0]).toMatchObject({ status: 'False', reason: 'SyncFailed', message: `found no controllers for pod "${pod!.metadata.name}"` });
    expect(await pdbStatus(t)).toMatchObject({ disruptionsAllowed: 0 });
  });
});

describe('POST pods/<name>/eviction', () => {
  it('spends the budget, records the pod as disrupted, marks and deletes it; refuses at zero with 429', async () => {
    const t = await testCluster();
    await t.cluster.client.create('deployments', deployment(3));
    await t.cluster.client.create('poddisruptionbudgets', budget('web', { minAvailable: 2 }));
    await t.cluster.reconcile();
    const [first, second] = await webPods(t);
    await t.cluster.client.evict('default', first!.metadata.name!);
    const status = await pdbStatus(t);
    expect(status.disruptionsAllowed).toBe(0);
    expect(Object.keys(status.disruptedPods)).toEqual([first!.metadata.name]);
    expect(status.conditions[0]).toMatchObject({ status: 'False', reason: 'InsufficientPods' });
    const evicted = await t.pod(first!.metadata.name!);
    expect(evicted.metadata.deletionTimestamp).toBeDefined();
    expect(evicted.status.conditions).toContainEqual(expect.objectContaining({ type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' }));
    await expect(t.cluster.client.evict('default', second!.metadata.name!)).rejects.toMatchObject({
      code: 429, reason: 'TooManyRequests', message: "Cannot evict pod as it would violate the pod's disruption budget.",
    });
    // the replacement runs: the controller allows one disruption again, and forgets the evicted pod once it is gone
    await t.cluster.reconcile();
    expect(await pdbStatus(t)).toMatchObject({ currentHealthy: 3, disruptionsAllowed: 1 });
    expect((await pdbStatus(t)).disruptedPods).toBeUndefined();
    await t.cluster.client.evict('default', second!.metadata.name!);
  });

  it('deletes a pod no budget covers, and a Pending one without looking at budgets', async () => {
    const t = await testCluster();
    await t.cluster.client.create('pods', boundPod('free'));
    await t.cluster.reconcile();
    await t.cluster.client.evict('default', 'free');
    await t.cluster.reconcile();
    await expect(t.pod('free')).rejects.toMatchObject({ code: 404 });
    await t.cluster.client.create('poddisruptionbudgets', budget('all', { minAvailable: 5 }));
    await t.cluster.client.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pending', namespace: 'default', labels: { app: 'web' } }, spec: { nodeSelector: { none: 'x' }, containers: [{ name: 'c', image: 'nginx' }] } });
    await t.cluster.reconcile();
    await t.cluster.client.evict('default', 'pending');
    await expect(t.pod('pending')).rejects.toMatchObject({ code: 404 });
  });

  it('refuses a pod two budgets cover, a budget not yet observed, and a missing pod', async () => {
    const t = await testCluster();
    await t.cluster.client.create('deployments', deployment(2));
    await t.cluster.client.create('poddisruptionbudgets', budget('a', { maxUnavailable: 1 }));
    await t.cluster.reconcile();
    const [pod] = await webPods(t);
    // changed and not yet seen by the controller (no reconcile in between)
    const a = await t.cluster.client.get('poddisruptionbudgets', 'default', 'a');
    await t.cluster.client.update('poddisruptionbudgets', { ...a, spec: { ...a.spec, maxUnavailable: 2 } });
    await expect(t.cluster.client.evict('default', pod!.metadata.name!)).rejects.toMatchObject({ code: 429 });
    await t.cluster.client.create('poddisruptionbudgets', budget('b', { maxUnavailable: 1 }));
    await t.cluster.reconcile();
    await expect(t.cluster.client.evict('default', pod!.metadata.name!)).rejects.toMatchObject({
      code: 500, message: 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
    });
    await expect(t.cluster.client.evict('default', 'nope')).rejects.toMatchObject({ code: 404, message: 'pods "nope" not found' });
  });

  it('lets an unready pod go without spending a healthy budget', async () => {
    const t = await testCluster();
    await t.cluster.client.create('deployments', deployment(3));
    await t.cluster.client.create('poddisruptionbudgets', budget('web', { minAvailable: 2 }));
    await t.cluster.reconcile();
    const [pod] = await webPods(t);
    const conditions = pod!.status.conditions.map((c: any) => (c.type === 'Ready' ? { ...c, status: 'False' } : c));
    await t.cluster.client.updateStatus('pods', { ...pod!, status: { ...pod!.status, conditions } });
    await t.cluster.client.evict('default', pod!.metadata.name!);
    expect((await pdbStatus(t)).disruptedPods).toBeUndefined();
  });

  it('spends nothing in a dry run', async () => {
    const t = await testCluster();
    await t.cluster.client.create('deployments', deployment(3));
    await t.cluster.client.create('poddisruptionbudgets', budget('web', { minAvailable: 2 }));
    await t.cluster.reconcile();
    const [pod] = await webPods(t);
    await t.cluster.client.evict('default', pod!.metadata.name!, { dryRun: 'All' });
    expect(await pdbStatus(t)).toMatchObject({ disruptionsAllowed: 1 });
    expect((await t.pod(pod!.metadata.name!)).metadata.deletionTimestamp).toBeUndefined();
  });
});

describe('PodDisruptionBudget validation', () => {
  it('refuses both minAvailable and maxUnavailable, bad percentages and an unknown policy', async () => {
    const t = await testCluster();
    await expect(t.cluster.client.create('poddisruptionbudgets', budget('x', { minAvailable: 1, maxUnavailable: 1 }))).rejects.toMatchObject({
      code: 422, message: expect.stringMatching(/^PodDisruptionBudget.policy "x" is invalid: spec: Invalid value: policy.PodDisruptionBudgetSpec\{.*\}: minAvailable and maxUnavailable cannot be both set$/),
    });
    await expect(t.cluster.client.create('poddisruptionbudgets', budget('x', { minAvailable: '120%' }))).rejects.toMatchObject({ message: expect.stringContaining('spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"120%\"}: must not be greater than 100%') });
    await expect(t.cluster.client.create('poddisruptionbudgets', budget('x', { maxUnavailable: 1, unhealthyPodEvictionPolicy: 'Never' }))).rejects.toMatchObject({
      message: expect.stringContaining('spec.unhealthyPodEvictionPolicy: Unsupported value: "Never": supported values: "AlwaysAllow", "IfHealthyBudget"'),
    });
  });
});
