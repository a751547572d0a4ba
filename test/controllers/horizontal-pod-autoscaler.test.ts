import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { Cluster } from '../../src/cluster.js';
import { FakeClock } from '../../src/util/clock.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const NO_METRICS = 'failed to get cpu utilization: unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)';

const deployment = (replicas: number): KubeObject => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
});
const hpa = (spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web', namespace: 'default' },
  spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 2, maxReplicas: 5, ...spec },
});

async function cluster() {
  const clock = new FakeClock('2026-01-01T00:00:00Z');
  const errors: unknown[] = [];
  const c = await Cluster.inMemory({ clock, bootstrap: { nodes: 2 }, onReconcileError: (_r, _k, e) => errors.push(e) });
  const advance = async (ms: number) => {
    await c.advanceStepwise(ms);
  };
  const status = async () => (await c.client.get('horizontalpodautoscalers', 'default', 'web')).status ?? {};
  const conditions = async () => ((await status()).conditions ?? []).map((x: any) => [x.type, x.status, x.reason, x.message]);
  const events = async () =>
    (await c.client.list('events', { namespace: 'default' })).items
      .filter((e) => e.involvedObject.kind === 'HorizontalPodAutoscaler')
      .map((e) => [e.type, e.reason, e.message, e.count]);
  const replicas = async () => (await c.client.get('deployments', 'default', 'web')).spec.replicas;
  return { c, advance, status, conditions, events, replicas, errors };
}

describe('horizontal pod autoscaler controller', () => {
  it('syncs 15 s after creation, brings the target up to minReplicas, then reports the missing metrics API', async () => {
    const { c, advance, status, conditions, events, replicas, errors } = await cluster();
    await c.client.create('deployments', deployment(1));
    const created = await c.client.create('horizontalpodautoscalers', hpa());
    expect(created.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]);
    await c.reconcile();
    expect(await status()).toEqual({});
    await advance(14_000);
    expect(await replicas()).toBe(1);
    await advance(1_000);
    expect(await replicas()).toBe(2);
    expect(await status()).toMatchObject({ currentReplicas: 1, desiredReplicas: 2, lastScaleTime: '2026-01-01T00:00:15Z' });
    expect(await conditions()).toEqual([['AbleToScale', 'True', 'SucceededRescale', 'the HPA controller was able to update the target scale to 2']]);
    expect(await events()).toEqual([['Normal', 'SuccessfulRescale', 'New size: 2; reason: Current number of replicas below Spec.MinReplicas', 1]]);

    await advance(15_000);
    expect(await replicas()).toBe(2);
    expect(await status()).toMatchObject({ currentReplicas: 2, desiredReplicas: 2, currentMetrics: [{ type: '' }] });
    expect(await conditions()).toEqual([
      ['AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale"],
      ['ScalingActive', 'False', 'FailedGetResourceMetric', `the HPA was unable to compute the replica count: ${NO_METRICS}`],
    ]);
    await advance(30_000);
    expect(await events()).toEqual(expect.arrayContaining([
      ['Warning', 'FailedGetResourceMetric', NO_METRICS, 3],
      ['Warning', 'FailedComputeMetricsReplicas', `invalid metrics (1 invalid out of 1), first error is: ${NO_METRICS}`, 3],
    ]));
    expect(errors).toEqual([]);
  });

  it('scales a target above maxReplicas down to it, and leaves a target scaled to zero alone', async () => {
    const { c, advance, conditions, events, replicas } = await cluster();
    await c.client.create('deployments', deployment(9));
    await c.client.create('horizontalpodautoscalers', hpa());
    await advance(15_000);
    expect(await replicas()).toBe(5);
    expect(await events()).toEqual([['Normal', 'SuccessfulRescale', 'New size: 5; reason: Current number of replicas above Spec.MaxReplicas', 1]]);
    await c.client.patch('deployments', 'default', 'web', 'merge', { spec: { replicas: 0 } });
    await advance(15_000);
    expect(await replicas()).toBe(0);
    expect((await conditions()).find((x: any) => x[0] === 'ScalingActive')).toEqual(['ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero']);
  });

  it('reports a target it cannot read', async () => {
    const { c, advance, conditions, events } = await cluster();
    await c.client.create('horizontalpodautoscalers', hpa());
    await advance(15_000);
    expect(await conditions()).toEqual([['AbleToScale', 'False', 'FailedGetScale', 'the HPA controller was unable to get the target\'s current scale: deployments.apps "web" not found']]);
    expect(await events()).toEqual([['Warning', 'FailedGetScale', 'deployments.apps "web" not found', 1]]);
    await c.client.create('horizontalpodautoscalers', { ...hpa({ scaleTargetRef: { kind: 'Deployment', name: 'web' } }), metadata: { name: 'nogroup', namespace: 'default' } });
    await advance(15_000);
    const other = await c.client.get('horizontalpodautoscalers', 'default', 'nogroup');
    expect(other.status.conditions[0].message).toBe('the HPA controller was unable to get the target\'s current scale: no matches for kind "Deployment" in group ""');
  });
});
