import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { equalOwnerReferences, OwnerIndex } from '../../src/controllers/owner-index.js';

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
    // the same owner before and after: named once
    expect(index.controllerKeys(pod('a', { kind: 'Job', name: 'j2' }), 'put', 'Job')).toEqual(['ns/j2']);
    // a delete names the owner it had
    expect(index.controllerKeys(pod('a'), 'delete', 'Job')).toEqual(['ns/j2']);
    expect(index.cached('ns', 'a')).toBeUndefined();
    expect(index.controllerKeys(pod('b', { kind: 'DaemonSet', name: 'd' }), 'put', 'Job')).toEqual([]);
    expect(index.controllerKeys(pod('c'), 'put', 'Job')).toEqual([]);
  });
});

describe('OwnerIndex.observe', () => {
  const withStatus = (p: KubeObject, phase: string): KubeObject => ({ ...p, status: { phase } });
  const orphanRef = (p: KubeObject): KubeObject => ({
    ...p,
    metadata: { ...p.metadata, ownerReferences: p.metadata.ownerReferences!.map((r) => ({ ...r, controller: false })) },
  });

  it('answers with the newest version of an object whose owners stay, once', () => {
    const index = new OwnerIndex('pods');
    const a = pod('a', { kind: 'Job', name: 'j1' });
    index.observe(a);
    index.observe(pod('b', { kind: 'Job', name: 'j1' }));
    index.observe(withStatus(a, 'Running'));
    // a copy of the owner references (not the same array) is the same owners too
    index.observe(withStatus(pod('a', { kind: 'Job', name: 'j1' }), 'Succeeded'));
    expect(index.ownedBy('uid-j1').map((o) => [o.metadata.name, o.status?.phase])).toEqual([['a', 'Succeeded'], ['b', undefined]]);
    expect(index.orphans('ns')).toEqual([]);
  });

  it('moves an object between owners and the orphans as its references change', () => {
    const index = new OwnerIndex('pods');
    const a = pod('a', { kind: 'Job', name: 'j1' });
    index.observe(a);
    // the controller flag dropped: still a dependent of j1, now also an orphan (no controller)
    index.observe(orphanRef(a));
    expect(index.ownedBy('uid-j1').map((o) => o.metadata.name)).toEqual(['a']);
    expect(index.orphans('ns').map((o) => o.metadata.name)).toEqual(['a']);
    index.observe(withStatus(orphanRef(a), 'Running'));
    expect(index.orphans('ns').map((o) => o.status?.phase)).toEqual(['Running']);
    // adopted by j2
    index.observe(pod('a', { kind: 'Job', name: 'j2' }));
    expect(index.ownedBy('uid-j1')).toEqual([]);
    expect(index.orphans('ns')).toEqual([]);
    expect(index.ownedBy('uid-j2').map((o) => o.metadata.name)).toEqual(['a']);
    index.observe(pod('a', { kind: 'Job', name: 'j2' }), 'delete');
    expect(index.ownedBy('uid-j2')).toEqual([]);
  });
});

describe('OwnerIndex with unchanged()', () => {
  it('keeps the cached projection while unchanged() says so, and projects again when not', () => {
    let projections = 0;
    const project = (o: KubeObject): KubeObject => {
      projections++;
      return { apiVersion: o.apiVersion, kind: o.kind, metadata: { name: o.metadata.name, namespace: o.metadata.namespace, ownerReferences: o.metadata.ownerReferences } };
    };
    const index = new OwnerIndex('pods', project, () => true, (cached, obj) => equalOwnerReferences(cached.metadata.ownerReferences, obj.metadata.ownerReferences));
    const a = pod('a', { kind: 'Job', name: 'j1' });
    const first = index.observe(a);
    expect(first).toBeUndefined();
    const cached = index.cached('ns', 'a');
    // a status change with equal references (a copy): the same cached object, no projection
    index.observe({ ...a, metadata: { ...a.metadata, ownerReferences: a.metadata.ownerReferences!.map((r) => ({ ...r })) }, status: { phase: 'Running' } });
    expect(index.cached('ns', 'a')).toBe(cached);
    expect(projections).toBe(1);
    // one field of a reference changed: projected again, and indexed under the new owner
    index.observe({ ...a, metadata: { ...a.metadata, ownerReferences: [{ ...a.metadata.ownerReferences![0]!, blockOwnerDeletion: true }] } });
    expect(projections).toBe(2);
    expect(index.cached('ns', 'a')!.metadata.ownerReferences![0]!.blockOwnerDeletion).toBe(true);
    index.observe(pod('a', { kind: 'Job', name: 'j2' }));
    expect(index.ownedBy('uid-j2').map((o) => o.metadata.name)).toEqual(['a']);
    expect(index.ownedBy('uid-j1')).toEqual([]);
  });
});

describe('equalOwnerReferences', () => {
  const r = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u1', controller: true };
  it('compares every field, in order, and undefined only with undefined', () => {
    expect(equalOwnerReferences([r], [{ ...r }])).toBe(true);
    expect(equalOwnerReferences(undefined, undefined)).toBe(true);
    expect(equalOwnerReferences(undefined, [])).toBe(false);
    expect(equalOwnerReferences([], [])).toBe(true);
    for (const change of [{ uid: 'u2' }, { name: 'x' }, { kind: 'Job' }, { apiVersion: 'v1' }, { controller: false }, { blockOwnerDeletion: true }]) {
      expect(equalOwnerReferences([r], [{ ...r, ...change }])).toBe(false);
    }
    expect(equalOwnerReferences([r, { ...r, uid: 'u2' }], [{ ...r, uid: 'u2' }, r])).toBe(false);
  });
});
