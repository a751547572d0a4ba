import { describe, expect, it } from 'vitest';
import { horizontalPodAutoscalerKind as kind } from '../../../src/api/kinds/horizontal-pod-autoscaler.js';
import type { KubeObject } from '../../../src/api/types.js';
import { messages } from './helpers.js';
import { row } from './workload-helpers.js';

const hpa = (spec: Record<string, unknown>, status?: Record<string, unknown>): KubeObject => {
  const o: KubeObject = {
    apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web', namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 10, ...spec },
    ...(status ? { status } : {}),
  };
  kind.defaults!(o);
  return o;
};
const validate = (o: KubeObject) => messages(kind.validate!(o));

describe('HorizontalPodAutoscaler', () => {
  it('defaults minReplicas, the 80% CPU metric, and the rules of a behavior given', () => {
    const o = hpa({});
    expect(o.spec.minReplicas).toBe(1);
    expect(o.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]);
    expect(o.spec.behavior).toBeUndefined();
    expect(hpa({ behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } }).spec.behavior).toEqual({
      scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
      scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
    });
  });

  it('refuses what ValidateHorizontalPodAutoscaler refuses', () => {
    expect(validate(hpa({}))).toEqual([]);
    expect(validate(hpa({ minReplicas: 0, maxReplicas: 0, scaleTargetRef: { kind: '', name: 'a/b' } }))).toEqual([
      'spec.minReplicas: Invalid value: 0: must be greater than or equal to 1',
      'spec.maxReplicas: Invalid value: 0: must be greater than 0',
      'spec.scaleTargetRef.kind: Required value',
      'spec.scaleTargetRef.name: Invalid value: "a/b": may not contain \'/\'',
    ]);
    expect(validate(hpa({ minReplicas: 3, maxReplicas: 2 }))).toEqual(['spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`']);
    expect(validate(hpa({ metrics: [
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization' } } },
      { type: 'Pods', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 0 } } },
      { type: 'Memory' },
    ] }))).toEqual([
      'spec.metrics[0].resource.target.averageUtilization: Required value: must set either a target raw value or a target utilization',
      'spec.metrics[1].resource.target.averageUtilization: Invalid value: 0: must be greater than 0',
      'spec.metrics[1].pods: Required value: must populate information for the given metric source',
      'spec.metrics[2].type: Unsupported value: "Memory": supported values: "ContainerResource", "External", "Object", "Pods", "Resource"',
    ]);
    expect(validate(hpa({ behavior: { scaleUp: { selectPolicy: 'Avg', policies: [{ type: 'Pods', value: 0, periodSeconds: 1801 }] }, scaleDown: { stabilizationWindowSeconds: -1, policies: [] } } }))).toEqual([
      'spec.behavior.scaleUp.selectPolicy: Unsupported value: "Avg": supported values: "Max", "Min", "Disabled"',
      'spec.behavior.scaleUp.policies[0].value: Invalid value: 0: must be greater than zero',
      'spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 1801: must be less than or equal to 1800',
      'spec.behavior.scaleDown.stabilizationWindowSeconds: Invalid value: -1: must be greater than or equal to zero',
      'spec.behavior.scaleDown.policies: Required value: must specify at least one Policy',
    ]);
  });

  it('prints kubectl\'s columns: the targets, unknown until metrics come', () => {
    expect(row(kind, hpa({ minReplicas: 2 }, { currentReplicas: 2, currentMetrics: [{ type: '' }] }))).toEqual({
      NAME: 'web', REFERENCE: 'Deployment/web', TARGETS: 'cpu: <unknown>/80%', MINPODS: '2', MAXPODS: '10', REPLICAS: '2', AGE: '60m',
    });
    const metrics = [
      { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '500Mi' } } },
      { type: 'Pods', pods: { metric: { name: 'rps' }, target: { type: 'AverageValue', averageValue: '10' } } },
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } },
    ];
    expect(row(kind, hpa({ metrics }, { currentMetrics: [{ type: 'Resource', resource: { name: 'memory', current: { averageValue: '200Mi' } } }] })).TARGETS)
      .toBe('memory: 200Mi/500Mi, <unknown>/10 + 1 more...');
  });

  it('describes as kubectl does', () => {
    const o = hpa({ minReplicas: 2 }, {
      currentReplicas: 2, desiredReplicas: 2, currentMetrics: [{ type: '' }],
      conditions: [
        { type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message: "the HPA controller was able to get the target's current scale" },
        { type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric', message: 'the HPA was unable to compute the replica count: x' },
      ],
    });
    expect(kind.describe!(o, undefined as never)).toBe([
      'Name:                                                  web',
      'Namespace:                                             default',
      'Labels:                                                <none>',
      'Annotations:                                           <none>',
      'CreationTimestamp:                                     Thu, 01 Jan 2026 00:00:00 +0000',
      'Reference:                                             Deployment/web',
      'Metrics:                                               ( current / target )',
      '  resource cpu on pods  (as a percentage of request):  <unknown> / 80%',
      'Min replicas:                                          2',
      'Max replicas:                                          10',
      'Deployment pods:                                       2 current / 2 desired',
      'Conditions:',
      '  Type           Status  Reason                   Message',
      '  ----           ------  ------                   -------',
      "  AbleToScale    True    SucceededGetScale        the HPA controller was able to get the target's current scale",
      '  ScalingActive  False   FailedGetResourceMetric  the HPA was unable to compute the replica count: x',
      '',
    ].join('\n'));
  });
});
