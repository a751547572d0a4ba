import { beforeEach, describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/cluster.js';
import { call, TABLE_ACCEPT, testCluster } from './serve-helpers.js';

/** A kind served in another version than it is stored in: the HorizontalPodAutoscaler's autoscaling/v1. */
const V1 = '/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers';
const V2 = '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers';
const STRATEGIC = { 'content-type': 'application/strategic-merge-patch+json' };

const hpaV1 = (name: string, cpu: number) => ({
  apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name },
  spec: { scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' }, maxReplicas: 5, targetCPUUtilizationPercentage: cpu },
  status: { currentReplicas: 0, desiredReplicas: 0 },
});
const cpuMetric = (averageUtilization: number) => [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization } } }];

let c: Cluster;
beforeEach(async () => {
  c = await testCluster();
});

describe('a HorizontalPodAutoscaler through autoscaling/v1', () => {
  it('is created from a v1 body, stored as v2, and answered in the request\'s version', async () => {
    const created = await call(c, 'POST', V1, { body: hpaV1('web', 70) });
    expect(created.code).toBe(201);
    expect(created.json).toMatchObject({ apiVersion: 'autoscaling/v1', spec: { minReplicas: 1, maxReplicas: 5, targetCPUUtilizationPercentage: 70 } });
    const stored = await c.client.get('horizontalpodautoscalers', 'default', 'web');
    expect(stored.apiVersion).toBe('autoscaling/v2');
    expect(stored.spec.metrics).toEqual(cpuMetric(70));
    expect((await call(c, 'GET', `${V2}/web`)).json.spec.metrics).toEqual(cpuMetric(70));
    const list = await call(c, 'GET', V1);
    expect(list.json).toMatchObject({ apiVersion: 'autoscaling/v1', items: [{ apiVersion: 'autoscaling/v1', spec: { targetCPUUtilizationPercentage: 70 } }] });
  });

  it('prints the same table cells in either version', async () => {
    await call(c, 'POST', V1, { body: hpaV1('web', 70) });
    const cells = async (url: string) => (await call(c, 'GET', url, { headers: { accept: TABLE_ACCEPT } })).json.rows[0].cells;
    expect(await cells(V1)).toEqual(await cells(V2));
    expect((await cells(V1))[2]).toBe('cpu: <unknown>/70%');
  });

  it('patches against the v1 view, and updates from a v1 body', async () => {
    await call(c, 'POST', V1, { body: hpaV1('web', 70) });
    const patched = await call(c, 'PATCH', `${V1}/web`, { body: { spec: { targetCPUUtilizationPercentage: 50 } }, headers: STRATEGIC });
    expect(patched).toMatchObject({ code: 200, json: { apiVersion: 'autoscaling/v1', spec: { targetCPUUtilizationPercentage: 50 } } });
    expect((await c.client.get('horizontalpodautoscalers', 'default', 'web')).spec.metrics).toEqual(cpuMetric(50));
    const current = (await call(c, 'GET', `${V1}/web`)).json;
    const put = await call(c, 'PUT', `${V1}/web`, { body: { ...current, spec: { ...current.spec, maxReplicas: 9 } } });
    expect(put).toMatchObject({ code: 200, json: { spec: { maxReplicas: 9, targetCPUUtilizationPercentage: 50 } } });
    expect((await c.client.get('horizontalpodautoscalers', 'default', 'web')).metadata.generation).toBe(3);
  });

  it('keeps v2-only data through a v1 round trip, and checks a v1 body against v1\'s fields', async () => {
    const v2 = {
      apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'multi' },
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' }, minReplicas: 1, maxReplicas: 4,
        metrics: [{ type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '1k' } } }],
        behavior: { scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] } },
      },
    };
    expect((await call(c, 'POST', V2, { body: v2 })).code).toBe(201);
    const before = await c.client.get('horizontalpodautoscalers', 'default', 'multi');
    const viaV1 = (await call(c, 'GET', `${V1}/multi`)).json;
    expect(Object.keys(viaV1.metadata.annotations).sort()).toEqual(['autoscaling.alpha.kubernetes.io/behavior', 'autoscaling.alpha.kubernetes.io/metrics']);
    expect((await call(c, 'PUT', `${V1}/multi`, { body: viaV1 })).code).toBe(200);
    const after = await c.client.get('horizontalpodautoscalers', 'default', 'multi');
    expect(after.spec).toEqual(before.spec);
    expect(after.metadata.annotations).toBeUndefined();
    const bad = await call(c, 'POST', `${V1}?fieldValidation=Strict`, { body: { ...hpaV1('bad', 70), spec: { ...hpaV1('bad', 70).spec, metrics: [] } } });
    expect(bad).toMatchObject({ code: 400, json: { message: 'HorizontalPodAutoscaler in version "v1" cannot be handled as a HorizontalPodAutoscaler: strict decoding error: unknown field "spec.metrics"' } });
  });
});
