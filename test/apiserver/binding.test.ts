import { describe, expect, it } from 'vitest';
import { handOver } from '../../src/api/hand-over.js';
import { deepFreeze } from '../../src/util/deep-freeze.js';
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

describe('bind and status writes over the stored pod (no copy of it)', () => {
  it('bind returns the stored pod itself, read-only', async () => {
    const { server, store } = await newServer();
    await server.create('pods', pod('web'));
    const bound = await server.bind('default', 'web', 'node-1');
    expect(bound).toBe(store.peek('/registry/pods/default/web'));
    // the suite runs with POCKETKUBE_FREEZE_SHARED=1: what is shared is frozen
    expect(() => {
      bound.spec.nodeName = 'elsewhere';
    }).toThrow(TypeError);
  });

  it('a status write handed over takes its status as it is and returns the stored pod, read-only', async () => {
    const { server, store } = await newServer();
    await server.create('pods', pod('web'));
    const current = await server.get('pods', 'default', 'web');
    const status = { phase: 'Running', podIP: '10.0.0.9' };
    const written = await server.updateStatus('pods', handOver({ ...current, status }));
    expect(written).toBe(store.peek('/registry/pods/default/web'));
    expect(written.status).toBe(status);
    expect(Object.isFrozen(status)).toBe(true);
    // not handed over: the status is copied and so is the result
    const mine = { phase: 'Succeeded' };
    const copy = await server.updateStatus('pods', { ...written, status: mine });
    expect(copy).not.toBe(store.peek('/registry/pods/default/web'));
    expect(store.peek('/registry/pods/default/web')!.status).not.toBe(mine);
    copy.status.phase = 'changed-by-caller';
    expect((await server.get('pods', 'default', 'web')).status.phase).toBe('Succeeded');
    // a handed-over no-op still hands out a copy (the stored object is not the caller's)
    const same = await server.updateStatus('pods', handOver({ ...copy, status: { phase: 'Succeeded' } }));
    same.metadata.labels = { changed: 'by-caller' };
    expect((await server.get('pods', 'default', 'web')).metadata.labels).toBeUndefined();
  });

  it('leave the stored version as it was, and hand out copies the caller may change', async () => {
    const { server, store } = await newServer();
    await server.create('pods', pod('web'));
    const before = deepFreeze(store.peek('/registry/pods/default/web')!);
    const snapshot = JSON.stringify(before);
    const dry = await server.bind('default', 'web', 'node-1', { dryRun: 'All' });
    dry.spec.containers[0].image = 'changed-by-caller';
    const bound = await server.bind('default', 'web', 'node-1');
    const frozenBound = deepFreeze(store.peek('/registry/pods/default/web')!);
    const status = await server.updateStatus('pods', { ...bound, status: { ...bound.status, phase: 'Running' } });
    status.spec.containers[0].image = 'changed-by-caller';
    const same = await server.updateStatus('pods', { ...status, status: { ...status.status } });
    same.metadata.labels = { changed: 'by-caller' };
    expect(JSON.stringify(before)).toBe(snapshot);
    expect(frozenBound.spec.nodeName).toBe('node-1');
    const stored = await server.get('pods', 'default', 'web');
    expect(stored.spec.containers[0].image).toBe('nginx');
    expect(stored.metadata.labels).toBeUndefined();
    expect(stored.status.phase).toBe('Running');
  });
});
