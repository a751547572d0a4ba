import { describe, expect, it } from 'vitest';
import { failure, newServer, pod } from './test-kinds.js';

describe('pods/binding', () => {
  it('sets spec.nodeName and PodScheduled=True in one write', async () => {
    const { server, store } = await newServer();
    const p = await server.create('pods', pod('web'));
    const rev = store.revision();
    const bound = await server.bind('default', 'web', 'node-1', { uid: p.metadata.uid, annotations: { a: 'b' } });
    expect(store.revision()).toBe(rev + 1);
    expect(bound.spec.nodeName).toBe('node-1');
    expect(bound.metadata.annotations).toEqual({ a: 'b' });
    expect(bound.status.conditions).toEqual([
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z' },
    ]);
    expect(await server.get('pods', 'default', 'web')).toEqual(bound);
  });

  it('answers 409 for a pod already assigned, a stale UID, or a pod being deleted; 404 for none', async () => {
    const { server } = await newServer();
    await server.create('pods', pod('web'));
    await server.bind('default', 'web', 'node-1');
    const again = await failure(server.bind('default', 'web', 'node-2'));
    expect([again.code, again.message]).toEqual([409, 'Operation cannot be fulfilled on pods/binding "web": pod web is already assigned to node "node-1"']);
    await server.create('pods', pod('other'));
    const stale = await failure(server.bind('default', 'other', 'node-1', { uid: 'not-its-uid' }));
    expect(stale.code).toBe(409);
    expect(stale.message).toMatch(/^Operation cannot be fulfilled on pods\/binding "other": Precondition failed: UID in precondition: not-its-uid/);
    const missing = await failure(server.bind('default', 'nope', 'node-1'));
    expect([missing.code, missing.message]).toEqual([404, 'pods "nope" not found']);
    const empty = await failure(server.bind('default', 'other', ''));
    expect(empty.code).toBe(422);
  });

  it('writes nothing on a dry run', async () => {
    const { server, store } = await newServer();
    await server.create('pods', pod('web'));
    const rev = store.revision();
    const out = await server.bind('default', 'web', 'node-1', { dryRun: 'All' });
    expect(out.spec.nodeName).toBe('node-1');
    expect(store.revision()).toBe(rev);
    expect((await server.get('pods', 'default', 'web')).spec.nodeName).toBeUndefined();
  });
});
