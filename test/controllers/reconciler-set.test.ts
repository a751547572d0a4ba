import { describe, expect, it } from 'vitest';
import type { Reconciler } from '../../src/controllers/reconciler.js';
import { ReconcilerSet } from '../../src/controllers/reconciler-set.js';

const reconciler = (name: string, resources: string[]): Reconciler => ({
  name,
  watches: resources.map((resource) => ({ resource, keys: () => [`${name}:${resource}`] })),
  reconcile: async () => undefined,
});

describe('ReconcilerSet', () => {
  it('groups the watches by resource in the order the reconcilers were added', () => {
    const set = new ReconcilerSet();
    set.add(reconciler('rs', ['replicasets', 'pods']));
    set.add(reconciler('gc', ['pods', 'replicasets', 'deployments']));
    expect(set.watchersOf('pods').map((w) => w.watch.keys({} as never, 'put')[0])).toEqual(['rs:pods', 'gc:pods']);
    expect(set.watchersOf('replicasets').map((w) => w.reconciler.name)).toEqual(['rs', 'gc']);
    expect(set.watchersOf('nodes')).toEqual([]);
    expect([...set.resources()].sort()).toEqual(['deployments', 'pods', 'replicasets']);
    expect(set.named('gc')?.name).toBe('gc');
    expect(set.named('nope')).toBeUndefined();
  });

  it('answers for a reconciler added after it was asked', () => {
    const set = new ReconcilerSet();
    set.add(reconciler('a', ['pods']));
    expect(set.watchersOf('pods')).toHaveLength(1);
    expect(set.resources().has('nodes')).toBe(false);
    set.add(reconciler('b', ['pods', 'nodes']));
    expect(set.watchersOf('pods').map((w) => w.reconciler.name)).toEqual(['a', 'b']);
    expect(set.resources().has('nodes')).toBe(true);
  });
});
