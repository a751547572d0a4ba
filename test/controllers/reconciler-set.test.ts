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
    expect(set.watchersOf('pods', 'put').map((w) => w.watch.keys({} as never, 'put')[0])).toEqual(['rs:pods', 'gc:pods']);
    expect(set.watchersOf('replicasets', 'delete').map((w) => w.reconciler.name)).toEqual(['rs', 'gc']);
    expect(set.watchersOf('nodes', 'put')).toEqual([]);
    for (const r of ['deployments', 'pods', 'replicasets']) expect([set.wants(r, 'put'), set.wants(r, 'delete')]).toEqual([true, true]);
    expect(set.wants('nodes', 'delete')).toBe(false);
    expect(set.named('gc')?.name).toBe('gc');
    expect(set.named('nope')).toBeUndefined();
  });

  it('answers for a reconciler added after it was asked', () => {
    const set = new ReconcilerSet();
    set.add(reconciler('a', ['pods']));
    expect(set.watchersOf('pods', 'put')).toHaveLength(1);
    expect(set.wants('nodes', 'put')).toBe(false);
    set.add(reconciler('b', ['pods', 'nodes']));
    expect(set.watchersOf('pods', 'put').map((w) => w.reconciler.name)).toEqual(['a', 'b']);
    expect(set.wants('nodes', 'put')).toBe(true);
  });

  it('keeps a deletions-only watch out of puts: a resource only it watches is not read on a put', () => {
    const set = new ReconcilerSet();
    set.add(reconciler('rs', ['pods']));
    set.add({ ...reconciler('ns', []), watches: [{ resource: 'events', deletesOnly: true, keys: () => ['ns'] }, { resource: 'pods', deletesOnly: true, keys: () => ['ns'] }] });
    expect([set.wants('events', 'put'), set.wants('events', 'delete')]).toEqual([false, true]);
    expect(set.watchersOf('pods', 'put').map((w) => w.reconciler.name)).toEqual(['rs']);
    expect(set.watchersOf('pods', 'delete').map((w) => w.reconciler.name)).toEqual(['rs', 'ns']);
  });
});
