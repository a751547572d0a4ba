import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/api/types.js';
import { generateAutoscaler, validateAutoscale } from '../../../src/cli/generators/horizontal-pod-autoscaler.js';
import { hpaV1ToV2, hpaV2ToV1 } from '../../../src/cli/generators/hpa-v1-conversion.js';
import { typedJsonCompact } from '../../../src/cli/generators/typed-json.js';

const target = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };

describe('autoscale\'s HorizontalPodAutoscaler', () => {
  it('is autoscaling/v1 with only the limits given', () => {
    expect(typedJsonCompact(generateAutoscaler({ target, min: -1, max: 3, cpuPercent: -1 }))).toBe(
      '{"kind":"HorizontalPodAutoscaler","apiVersion":"autoscaling/v1","metadata":{"name":"web","creationTimestamp":null},' +
        '"spec":{"scaleTargetRef":{"kind":"Deployment","name":"web","apiVersion":"apps/v1"},"maxReplicas":3},"status":{"currentReplicas":0,"desiredReplicas":0}}',
    );
    const full = generateAutoscaler({ name: 'x', target, min: 2, max: 5, cpuPercent: 0 });
    expect(full.metadata.name).toBe('x');
    expect(full.spec).toEqual({ scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' }, minReplicas: 2, maxReplicas: 5, targetCPUUtilizationPercentage: 0 });
  });

  it('checks --max and --min as kubectl does', () => {
    expect(() => validateAutoscale(-1, 0)).toThrow('--max=MAXPODS is required and must be at least 1, max: 0');
    expect(() => validateAutoscale(4, 3)).toThrow('--max=MAXPODS must be larger or equal to --min=MINPODS, max: 3, min: 4');
    expect(() => validateAutoscale(3, 3)).not.toThrow();
  });
});

describe('autoscaling/v1 ⇄ v2', () => {
  it('turns the CPU target into a Resource metric and leaves status to the server', () => {
    const v2 = hpaV1ToV2(generateAutoscaler({ target, min: 2, max: 5, cpuPercent: 70 }));
    expect(v2).toEqual({
      kind: 'HorizontalPodAutoscaler',
      apiVersion: 'autoscaling/v2',
      metadata: { name: 'web', creationTimestamp: null },
      spec: { scaleTargetRef: target, minReplicas: 2, maxReplicas: 5, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] },
    });
    expect(hpaV1ToV2(generateAutoscaler({ target, min: -1, max: 5, cpuPercent: -1 })).spec).toEqual({ scaleTargetRef: target, maxReplicas: 5 });
  });

  it('reads v2 back as v1, in the struct\'s order, with the CPU utilization of spec and status', () => {
    const v2 = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { uid: 'u', name: 'web', creationTimestamp: '2025-01-01T00:00:00Z', namespace: 'default' },
      spec: {
        maxReplicas: 5,
        metrics: [
          { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '1' } } },
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } },
        ],
        minReplicas: 1,
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db' },
      },
      status: {
        currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 42, averageValue: '42m' } } }],
        currentReplicas: 2,
        desiredReplicas: 3,
        observedGeneration: 1,
      },
    } as KubeObject;
    expect(typedJsonCompact(hpaV2ToV1(v2))).toBe(
      '{"kind":"HorizontalPodAutoscaler","apiVersion":"autoscaling/v1","metadata":{"name":"web","namespace":"default","uid":"u","creationTimestamp":"2025-01-01T00:00:00Z",' +
        // what v1 has no field for rides in the server's round-trip annotations
        '"annotations":{"autoscaling.alpha.kubernetes.io/metrics":"[{\\"type\\":\\"Pods\\",\\"pods\\":{\\"metricName\\":\\"qps\\",\\"targetAverageValue\\":\\"1\\"}}]",' +
        '"autoscaling.alpha.kubernetes.io/current-metrics":"[{\\"type\\":\\"Resource\\",\\"resource\\":{\\"name\\":\\"cpu\\",\\"currentAverageUtilization\\":42,\\"currentAverageValue\\":\\"42m\\"}}]"}},' +
        '"spec":{"scaleTargetRef":{"kind":"StatefulSet","name":"db","apiVersion":"apps/v1"},"minReplicas":1,"maxReplicas":5,"targetCPUUtilizationPercentage":60},' +
        '"status":{"observedGeneration":1,"currentReplicas":2,"desiredReplicas":3,"currentCPUUtilizationPercentage":42}}',
    );
    expect(hpaV2ToV1({ ...v2, spec: { ...v2.spec, metrics: [] }, status: undefined } as KubeObject).status).toEqual({ currentReplicas: 0, desiredReplicas: 0 });
  });
});
