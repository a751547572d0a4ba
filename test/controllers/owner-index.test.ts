import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { OwnerIndex } from '../../src/controllers/owner-index.js';

const pod = (name: string, owner?: { kind: string; name: string }): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name,
    namespace: 'ns',
    ...(owner ? { ownerReferences: [{ apiVersion: 'batch/v1', kind: owner.kind, name: owner.name, uid: `uid-${owner.name}`, controller: true }] } : {}),
  },
});

describe('OwnerIndex.controllerKeys', () => {
  it('names the controller before and after a change, of the asked kind only', () => {
    const index = new OwnerIndex('pods');
    expect(index.controllerKeys(pod('a', { kind: 'Job', name: 'j1' }), 'put', 'Job')).toEqual(['ns/j1']);
    // re-owned: both the old and the new owner hear of it
    expect(index.controllerKeys(pod('a', { kind: 'Job', name: 'j2' }), 'put', 'Job')).toEqual(['ns/j1', 'ns/j2']);
    // a delete names the owner it had
    expect(index.controllerKeys(pod('a'), 'delete', 'Job')).toEqual(['ns/j2']);
    expect(index.cached('ns', 'a')).toBeUndefined();
    expect(index.controllerKeys(pod('b', { kind: 'DaemonSet', name: 'd' }), 'put', 'Job')).toEqual([]);
    expect(index.controllerKeys(pod('c'), 'put', 'Job')).toEqual([]);
  });
});
