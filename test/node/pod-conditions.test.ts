import { describe, expect, it } from 'vitest';
import type { Condition, KubeObject } from '../../src/api/types.js';
import { applyPodConditions } from '../../src/node/pod-status-builder.js';

const T0 = '2026-12-06T10:00:00Z';
const T1 = '2026-12-06T10:00:05Z';
const T2 = '2026-12-06T10:00:09Z';

function pod(ready: boolean): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-1', namespace: 'shop' },
    spec: { containers: [{ name: 'app', image: 'nginx' }] },
    status: {
      podIP: '10.244.0.5',
      containerStatuses: [{ name: 'app', ready, restartCount: 0, state: { running: { startedAt: T0 } } }],
    },
  };
}

const byType = (p: KubeObject, type: string): Condition => (p.status.conditions as Condition[]).find((c) => c.type === type)!;

describe('applyPodConditions', () => {
  it('keeps a condition that did not change as the same object, its transition time and all', () => {
    const p = pod(true);
    applyPodConditions(p, T0);
    const first = [...(p.status.conditions as Condition[])];
    applyPodConditions(p, T1);
    expect(p.status.conditions).toHaveLength(5);
    for (const [i, c] of (p.status.conditions as Condition[]).entries()) expect(c).toBe(first[i]);
    expect(byType(p, 'Ready')).toEqual({ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: T0 });
  });

  it('makes a new condition when its status, reason or message change, keeping the time while the status stays', () => {
    const p = pod(false);
    applyPodConditions(p, T0);
    const notReady = byType(p, 'ContainersReady');
    expect(notReady).toEqual({
      type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app]',
      lastProbeTime: null, lastTransitionTime: T0,
    });
    // the same status for another reason: a new object, the transition time kept
    p.status.containerStatuses[0].state = { terminated: { exitCode: 0, finishedAt: T1 } };
    p.spec.restartPolicy = 'Never';
    applyPodConditions(p, T1);
    expect(p.status.phase).toBe('Succeeded');
    expect(byType(p, 'ContainersReady')).not.toBe(notReady);
    expect(byType(p, 'ContainersReady')).toEqual({ type: 'ContainersReady', status: 'False', reason: 'PodCompleted', lastProbeTime: null, lastTransitionTime: T0 });
    // another status: the time of this change
    const q = pod(false);
    applyPodConditions(q, T0);
    q.status.containerStatuses[0].ready = true;
    applyPodConditions(q, T2);
    expect(byType(q, 'Ready')).toEqual({ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: T2 });
  });

  it('writes a condition of its own over one that carries fields the kubelet does not set', () => {
    const p = pod(true);
    applyPodConditions(p, T0);
    const ready = byType(p, 'Ready');
    (ready as Condition & { observedGeneration?: number }).observedGeneration = 3;
    applyPodConditions(p, T1);
    expect(byType(p, 'Ready')).not.toBe(ready);
    expect(byType(p, 'Ready')).toEqual({ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: T0 });
  });
});
