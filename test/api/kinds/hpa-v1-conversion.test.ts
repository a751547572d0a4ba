import { describe, expect, it } from 'vitest';
import { convertTo } from '../../../src/api/kind.js';
import { horizontalPodAutoscalerKind as hpaKind } from '../../../src/api/kinds/horizontal-pod-autoscaler.js';
import { convertHorizontalPodAutoscaler, hpaFromV1, hpaToV1 } from '../../../src/api/kinds/hpa-v1-conversion.js';
import type { KubeObject } from '../../../src/api/types.js';

const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };
const cpu = (averageUtilization: number) => ({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization } } });

/** A v2 autoscaler with every kind of data v1 has no field for. */
function richV2(): KubeObject {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web', namespace: 'default', annotations: { team: 'a' }, generation: 2 },
    spec: {
      scaleTargetRef: ref,
      minReplicas: 2,
      maxReplicas: 9,
      metrics: [
        { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '1k' } } },
        cpu(60),
        { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '500Mi' } } },
        { type: 'External', external: { metric: { name: 'queue', selector: { matchLabels: { q: 'jobs' } } }, target: { type: 'Value', value: '30' } } },
        { type: 'ContainerResource', containerResource: { name: 'cpu', container: 'app', target: { type: 'Utilization', averageUtilization: 50 } } },
        { type: 'Object', object: { describedObject: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', name: 'main' }, metric: { name: 'rps' }, target: { type: 'Value', value: '10k' } } },
      ],
      behavior: {
        scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }] },
        scaleDown: { selectPolicy: 'Min', policies: [{ type: 'Percent', value: 10, periodSeconds: 60 }] },
      },
    },
    status: {
      observedGeneration: 2,
      lastScaleTime: '2025-01-01T00:00:00Z',
      currentReplicas: 3,
      desiredReplicas: 4,
      currentMetrics: [
        { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 42, averageValue: '42m' } } },
        { type: 'Pods', pods: { metric: { name: 'qps' }, current: { averageValue: '900' } } },
      ],
      conditions: [
        { type: 'AbleToScale', status: 'True', lastTransitionTime: '2025-01-01T00:00:00Z', reason: 'ReadyForNewScale', message: 'recommended size matches current size' },
      ],
    },
  };
}

describe('HorizontalPodAutoscaler autoscaling/v1 ⇄ v2', () => {
  it('reads a v1 manifest as v2: the CPU target becomes a Resource metric', () => {
    const v1 = {
      apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web' },
      spec: { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 5, targetCPUUtilizationPercentage: 70 },
      status: { currentReplicas: 0, desiredReplicas: 0 },
    } as KubeObject;
    expect(convertTo(hpaKind, v1, 'autoscaling/v2')).toEqual({
      apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web' },
      spec: { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 5, metrics: [cpu(70)] },
      status: { currentReplicas: 0, desiredReplicas: 0 },
    });
    // no target at all: v1's implicit 80% is made explicit
    const bare = hpaFromV1({ ...v1, spec: { scaleTargetRef: ref, maxReplicas: 3 }, status: undefined } as KubeObject);
    expect(bare.spec).toEqual({ scaleTargetRef: ref, maxReplicas: 3, metrics: [cpu(80)] });
    expect(bare.status).toBeUndefined();
    expect(hpaFromV1({ ...v1, status: { currentCPUUtilizationPercentage: 12 } } as KubeObject).status.currentMetrics)
      .toEqual([{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 12 } } }]);
  });

  it('shows v2 as v1 with what v1 has no field for in kube\'s annotations', () => {
    const v1 = hpaToV1(richV2());
    expect(v1.apiVersion).toBe('autoscaling/v1');
    expect(v1.spec).toEqual({ scaleTargetRef: ref, minReplicas: 2, maxReplicas: 9, targetCPUUtilizationPercentage: 60 });
    expect(v1.status).toEqual({ observedGeneration: 2, lastScaleTime: '2025-01-01T00:00:00Z', currentReplicas: 3, desiredReplicas: 4, currentCPUUtilizationPercentage: 42 });
    const a = v1.metadata.annotations!;
    expect(a.team).toBe('a');
    expect(a['autoscaling.alpha.kubernetes.io/metrics']).toBe(
      '[{"type":"Pods","pods":{"metricName":"qps","targetAverageValue":"1k"}},' +
        '{"type":"Resource","resource":{"name":"memory","targetAverageValue":"500Mi"}},' +
        '{"type":"External","external":{"metricName":"queue","metricSelector":{"matchLabels":{"q":"jobs"}},"targetValue":"30"}},' +
        '{"type":"ContainerResource","containerResource":{"name":"cpu","targetAverageUtilization":50,"container":"app"}},' +
        '{"type":"Object","object":{"target":{"kind":"Ingress","name":"main","apiVersion":"networking.k8s.io/v1"},"metricName":"rps","targetValue":"10k"}}]',
    );
    expect(a['autoscaling.alpha.kubernetes.io/current-metrics']).toBe(
      '[{"type":"Resource","resource":{"name":"cpu","currentAverageUtilization":42,"currentAverageValue":"42m"}},' +
        '{"type":"Pods","pods":{"metricName":"qps","currentAverageValue":"900"}}]',
    );
    expect(a['autoscaling.alpha.kubernetes.io/behavior']).toBe(
      '{"ScaleUp":{"StabilizationWindowSeconds":0,"SelectPolicy":"Max","Policies":[{"Type":"Pods","Value":4,"PeriodSeconds":15}]},' +
        '"ScaleDown":{"StabilizationWindowSeconds":null,"SelectPolicy":"Min","Policies":[{"Type":"Percent","Value":10,"PeriodSeconds":60}]}}',
    );
    expect(a['autoscaling.alpha.kubernetes.io/conditions']).toBe(
      '[{"type":"AbleToScale","status":"True","lastTransitionTime":"2025-01-01T00:00:00Z","reason":"ReadyForNewScale","message":"recommended size matches current size"}]',
    );
  });

  it('loses nothing on the way v2 → v1 → v2 (the cpu target comes back last, as kube orders it)', () => {
    const original = richV2();
    const back = hpaFromV1(hpaToV1(original));
    const m = original.spec.metrics as unknown[];
    expect(back).toEqual({ ...original, spec: { ...original.spec, metrics: [...m.slice(0, 1), ...m.slice(2), m[1]] } });
    // and a v1 object that went through v2 reads the same again
    const v1 = hpaToV1(original);
    expect(hpaToV1(hpaFromV1(v1))).toEqual(v1);
  });

  it('writes only the annotations it made, and no annotations map when there are none', () => {
    const plain = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'x' }, spec: { scaleTargetRef: ref, maxReplicas: 2, metrics: [cpu(80)] } } as KubeObject;
    const v1 = hpaToV1(plain);
    expect(v1.metadata).toEqual({ name: 'x' });
    expect(v1.status).toEqual({ currentReplicas: 0, desiredReplicas: 0 });
    // stale round-trip annotations on a v2 object are dropped, not shown again
    const stale = { ...plain, metadata: { name: 'x', annotations: { 'autoscaling.alpha.kubernetes.io/behavior': '{}' } } } as KubeObject;
    expect(hpaToV1(stale).metadata).toEqual({ name: 'x' });
    // an object in its own version is itself
    expect(convertHorizontalPodAutoscaler(plain, 'autoscaling/v2')).toBe(plain);
  });

  it('reads the behavior annotation as encoding/json does (names of any case, null as unset)', () => {
    const v1 = {
      apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'x', annotations: { 'autoscaling.alpha.kubernetes.io/behavior': '{"ScaleUp":null,"scaleDown":{"StabilizationWindowSeconds":300,"SelectPolicy":null,"Policies":null}}' } },
      spec: { scaleTargetRef: ref, maxReplicas: 2 },
    } as KubeObject;
    const v2 = hpaFromV1(v1);
    expect(v2.spec.behavior).toEqual({ scaleDown: { stabilizationWindowSeconds: 300 } });
    expect(v2.metadata).toEqual({ name: 'x' });
  });
});
