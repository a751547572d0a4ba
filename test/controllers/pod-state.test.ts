import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { availableFrom, isPodActive, isPodAvailable, isPodReady, readyCondition, slimPod } from '../../src/controllers/pod-state.js';

function pod(status: Record<string, unknown> | undefined, deletionTimestamp?: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', deletionTimestamp }, spec: {}, status } as KubeObject;
}
const T = '2026-01-01T00:00:00Z';
const ms = Date.parse(T);

describe('pod state', () => {
  it('finds the first Ready condition', () => {
    const first = { type: 'Ready', status: 'False' };
    expect(readyCondition(pod({ conditions: [{ type: 'Initialized', status: 'True' }, first, { type: 'Ready', status: 'True' }] }))).toBe(first);
    expect(readyCondition(pod({ conditions: [] }))).toBeUndefined();
    expect(readyCondition(pod({}))).toBeUndefined();
    expect(readyCondition(pod(undefined))).toBeUndefined();
    expect(readyCondition(pod({ conditions: null }))).toBeUndefined();
    expect(isPodReady(pod({ conditions: [{ type: 'Ready', status: 'True' }] }))).toBe(true);
    expect(isPodReady(pod({ conditions: [{ type: 'PodScheduled', status: 'True' }] }))).toBe(false);
  });

  it('is active unless finished or terminating', () => {
    expect(isPodActive(pod({ phase: 'Running' }))).toBe(true);
    expect(isPodActive(pod(undefined))).toBe(true);
    expect(isPodActive(pod({ phase: 'Succeeded' }))).toBe(false);
    expect(isPodActive(pod({ phase: 'Failed' }))).toBe(false);
    expect(isPodActive(pod({ phase: 'Running' }, T))).toBe(false);
  });

  it('is available minReadySeconds after the Ready transition, strictly after', () => {
    const ready = pod({ conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: T }] });
    expect(availableFrom(ready, 0)).toBe(Number.NEGATIVE_INFINITY);
    expect(availableFrom(ready, 10)).toBe(ms + 10_001);
    expect(availableFrom(pod({ conditions: [{ type: 'Ready', status: 'True' }] }), 10)).toBe(Number.POSITIVE_INFINITY);
    expect(availableFrom(pod({ conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: 'garbage' }] }), 10)).toBeNaN();
    expect(availableFrom(pod({ conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: T }] }), 0)).toBeUndefined();
    expect(availableFrom(pod({}), 0)).toBeUndefined();
    expect(isPodAvailable(ready, 10, new Date(ms + 10_000))).toBe(false);
    expect(isPodAvailable(ready, 10, new Date(ms + 10_001))).toBe(true);
  });

  it('answers the same for a slim pod, whose Ready condition is shared by the pods that became ready together', () => {
    const full = (name: string) => ({
      apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: 'web' } }, spec: {},
      status: { phase: 'Running', conditions: [{ type: 'Initialized', status: 'True' }, { type: 'Ready', status: 'True', lastTransitionTime: T }] },
    }) as KubeObject;
    const a = slimPod(full('a'));
    const b = slimPod(full('b'));
    expect(a.status!.conditions).toBe(b.status!.conditions);
    expect(availableFrom(a, 10)).toBe(availableFrom(full('a'), 10));
    expect(isPodReady(a)).toBe(true);
  });
});
