import { describe, expect, it } from 'vitest';
import { internLabels, internOwnerReferences } from '../../src/api/interned.js';
import type { KubeObject } from '../../src/api/types.js';
import { slimPod } from '../../src/controllers/pod-state.js';

const ref = (uid: string, extra: Record<string, unknown> = {}) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid, ...extra });

describe('interned values', () => {
  it('hands equal labels one frozen copy, and different ones their own', () => {
    const a = internLabels({ app: 'web', 'pod-template-hash': 'abc' });
    expect(internLabels({ app: 'web', 'pod-template-hash': 'abc' })).toBe(a);
    expect(a).toEqual({ app: 'web', 'pod-template-hash': 'abc' });
    expect(Object.isFrozen(a)).toBe(true);
    expect(internLabels({ app: 'web', 'pod-template-hash': 'abd' })).not.toBe(a);
    // a key's value cannot pass for another key's
    expect(internLabels({ a: 'b\u0000c' })).not.toBe(internLabels({ a: 'b', c: '' }));
    expect(internLabels(undefined)).toBeUndefined();
  });

  it('hands equal ownerReferences one frozen copy with their fields, and tells owners apart', () => {
    const refs = internOwnerReferences([ref('u1', { controller: true, blockOwnerDeletion: true })]);
    expect(internOwnerReferences([ref('u1', { controller: true, blockOwnerDeletion: true })])).toBe(refs);
    expect(refs).toEqual([ref('u1', { controller: true, blockOwnerDeletion: true })]);
    expect(Object.isFrozen(refs) && Object.isFrozen(refs![0])).toBe(true);
    expect(internOwnerReferences([ref('u2', { controller: true, blockOwnerDeletion: true })])).not.toBe(refs);
    // not a controller: a different list, without the fields it did not have
    const plain = internOwnerReferences([ref('u1')]);
    expect(plain).not.toBe(refs);
    expect(plain).toEqual([ref('u1')]);
    expect('controller' in plain![0]!).toBe(false);
  });

  it('lets the slim pods of one ReplicaSet share what they repeat, and keep what is their own', () => {
    const pod = (name: string, since: string, restarts: number): KubeObject => ({
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name, namespace: 'default', uid: `uid-${name}`, labels: { app: 'web' }, ownerReferences: [ref('rs', { controller: true })] },
      spec: { nodeName: 'n1' },
      status: {
        phase: 'Running',
        conditions: [{ type: 'PodScheduled', status: 'True' }, { type: 'Ready', status: 'True', lastTransitionTime: since }],
        containerStatuses: [{ name: 'c', restartCount: restarts }],
      },
    });
    const a = slimPod(pod('a', '2026-12-05T00:00:00Z', 0));
    const b = slimPod(pod('b', '2026-12-05T00:00:00Z', 0));
    const c = slimPod(pod('c', '2026-12-05T00:00:01Z', 2));
    expect(b.metadata.labels).toBe(a.metadata.labels);
    expect(b.metadata.ownerReferences).toBe(a.metadata.ownerReferences);
    expect(b.status!.conditions).toBe(a.status!.conditions);
    expect(b.status!.containerStatuses).toBe(a.status!.containerStatuses);
    expect(c.status!.conditions).toEqual([{ type: 'Ready', status: 'True', lastTransitionTime: '2026-12-05T00:00:01Z' }]);
    expect(c.status!.containerStatuses).toEqual([{ restartCount: 2 }]);
    expect(a.metadata.name).toBe('a');
    expect(c.metadata.uid).toBe('uid-c');
  });
});
