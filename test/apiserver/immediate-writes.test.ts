import { describe, expect, it } from 'vitest';
import { EventRecorder } from '../../src/api/event-recorder.js';
import { handOver } from '../../src/api/hand-over.js';
import { kindRegistry } from '../../src/api/kinds/index.js';
import { ApiServer } from '../../src/apiserver/api-server.js';
import { internalClient } from '../../src/apiserver/internal-client.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { FakeClock } from '../../src/util/clock.js';
import { newServer, pod, seededRandom, thrown } from './test-kinds.js';

/** A server whose beforeWrite has work to do until `locked` is set (a cluster without its write lock). */
async function lockingServer() {
  const state = { locked: false, waits: 0 };
  const server = new ApiServer({
    store: new MemoryStore(),
    registry: kindRegistry(),
    clock: new FakeClock('2026-01-01T00:00:00Z'),
    random: seededRandom(),
    beforeWrite: async () => {
      state.waits++;
      state.locked = true;
    },
    writesNow: () => state.locked,
  });
  return { server, state };
}

describe('immediate writes (Client.immediate)', () => {
  it('create: stores through the same pipeline as create, and throws what create rejects with', async () => {
    const { server } = await newServer();
    const stored = server.immediate.create('pods', pod('web'));
    // the server-set metadata, as for any create
    expect(stored?.metadata).toMatchObject({ name: 'web', namespace: 'default', resourceVersion: expect.any(String), uid: expect.any(String), creationTimestamp: '2026-01-01T00:00:00Z' });
    expect(await server.get('pods', 'default', 'web')).toEqual(stored);
    const exists = thrown(() => server.immediate.create('pods', pod('web')));
    expect([exists.code, exists.message]).toEqual([409, 'pods "web" already exists']);
    const invalid = thrown(() => server.immediate.create('pods', pod('Bad_Name')));
    expect(invalid.code).toBe(422);
    expect((await server.list('pods', { namespace: 'default' })).items.map((p) => p.metadata.name)).toEqual(['web']);
  });

  it('bind and updateStatus: what their awaited namesakes write', async () => {
    const { server } = await newServer();
    await server.create('pods', pod('web'));
    const bound = server.immediate.bind('default', 'web', 'node-1');
    expect(bound?.spec.nodeName).toBe('node-1');
    expect(bound?.status.conditions).toContainEqual(expect.objectContaining({ type: 'PodScheduled', status: 'True' }));
    const current = await server.get('pods', 'default', 'web');
    const written = server.immediate.updateStatus('pods', { ...current, spec: { ...current.spec, nodeName: 'elsewhere' }, status: { ...current.status, phase: 'Running' } });
    // the status subresource takes the status alone
    expect([written?.status.phase, written?.spec.nodeName]).toEqual(['Running', 'node-1']);
    const stale = thrown(() => server.immediate.updateStatus('pods', { ...current, status: { phase: 'Failed' } }));
    expect(stale.code).toBe(409);
  });

  it('answers undefined, writing nothing and taking nothing over, while beforeWrite has work to do', async () => {
    const { server, state } = await lockingServer();
    const body = handOver({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    expect(server.immediate.create('namespaces', body)).toBeUndefined();
    expect(server.immediate.bind('default', 'web', 'node-1')).toBeUndefined();
    expect(state.waits).toBe(0);
    // the awaited create still finds the body handed over: it stores the object itself
    const created = await server.create('namespaces', body);
    expect(state.waits).toBe(1);
    expect(created.metadata).toBe(body.metadata);
    // now that the lock is held, writes are served at once
    expect(server.immediate.create('pods', pod('web'))?.metadata.name).toBe('web');
    expect(state.waits).toBe(1);
  });

  it('reaches the components through internalClient, as typed writes', async () => {
    const { server } = await newServer();
    const client = internalClient(server);
    const body = () => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data: { a: '1' }, extra: 1 });
    // a body sent by a user is decoded strictly; a component's typed body is not walked for unknown fields
    expect(thrown(() => server.immediate.create('configmaps', body())).message).toContain('unknown field "extra"');
    expect(client.immediate?.create('configmaps', body())?.data).toEqual({ a: '1' });
    await server.create('pods', pod('web'));
    expect(client.immediate?.bind('default', 'web', 'node-2')?.spec.nodeName).toBe('node-2');
  });

  it('lets the event recorder create at once, and go the awaited way when the server cannot', async () => {
    const { server, state } = await lockingServer();
    const client = internalClient(server);
    const rec = new EventRecorder(client, new FakeClock('2026-01-01T00:00:00Z'), { component: 'test-controller' });
    await server.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    state.locked = false;
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default', uid: 'u1' } };
    await rec.event(cm, 'Normal', 'Synced', 'first');
    // the first write waited for beforeWrite; a new Event after it is served at once
    expect(state.waits).toBe(2);
    await rec.event(cm, 'Normal', 'Started', 'second');
    expect(state.waits).toBe(2);
    // a repeat is counted up on the Event stored, the awaited way
    await rec.event(cm, 'Normal', 'Started', 'second');
    expect(state.waits).toBe(3);
    const events = (await server.list('events', { namespace: 'default' })).items;
    expect(events.map((e) => [e.reason, e.count]).sort()).toEqual([['Started', 2], ['Synced', 1]]);
  });
});
