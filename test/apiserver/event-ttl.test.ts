import { describe, expect, it } from 'vitest';
import { kindRegistry } from '../../src/api/kinds/index.js';
import type { KubeObject } from '../../src/api/types.js';
import { ApiServer } from '../../src/apiserver/api-server.js';
import { EVENT_TTL_QUEUE } from '../../src/apiserver/event-ttl.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { FakeClock } from '../../src/util/clock.js';
import { failure } from './test-kinds.js';

const MINUTE = 60_000;

async function newServer() {
  const store = new MemoryStore();
  const clock = new FakeClock('2026-01-01T00:00:00Z');
  const removed: string[] = [];
  const server = new ApiServer({ store, registry: kindRegistry(), clock, onRemoved: (key) => removed.push(key) });
  await server.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  return { store, clock, server, removed };
}

function event(name: string, stamp: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default' },
    involvedObject: { kind: 'Pod', name: 'p', namespace: 'default' },
    reason: 'Started', message: 'Started container c', type: 'Normal',
    firstTimestamp: stamp, lastTimestamp: stamp, count: 1, ...extra,
  };
}

const names = async (server: ApiServer) => (await server.list('events', { namespace: 'default' })).items.map((e) => e.metadata.name).sort();

describe('Events live an hour from their last write (kube-apiserver --event-ttl)', () => {
  it('hides an Event from get and list once an hour has passed since its last write', async () => {
    const { server, clock } = await newServer();
    await server.create('events', event('a', '2026-01-01T00:00:00Z'));
    clock.advance(30 * MINUTE);
    // counted up at 00:30: it lives until 01:30
    await server.create('events', event('b', '2026-01-01T00:00:00Z', { count: 5, lastTimestamp: '2026-01-01T00:30:00Z' }));
    clock.advance(30 * MINUTE - 1);
    expect(await names(server)).toEqual(['a', 'b']);
    clock.advance(1);
    expect(await names(server)).toEqual(['b']);
    const e = await failure(server.get('events', 'default', 'a'));
    expect(e.code).toBe(404);
    expect(e.message).toBe('events "a" not found');
    clock.advance(30 * MINUTE);
    expect(await names(server)).toEqual([]);
  });

  it('counts from the creation when the Event says it happened earlier', async () => {
    const { server, clock } = await newServer();
    clock.advance(5 * 60 * MINUTE);
    await server.create('events', event('old', '2025-06-01T00:00:00Z'));
    clock.advance(59 * MINUTE);
    expect(await names(server)).toEqual(['old']);
    clock.advance(MINUTE);
    expect(await names(server)).toEqual([]);
  });

  it('counts from the latest of its stamps: a series observed later, or an eventTime', async () => {
    const { server, clock } = await newServer();
    // created at 00:00; their stamps say 00:20 (series), 00:40 (eventTime) and 00:10 (lastTimestamp)
    await server.create('events', event('series', '2026-01-01T00:00:00Z', { series: { count: 2, lastObservedTime: '2026-01-01T00:20:00.000000Z' } }));
    await server.create('events', event('timed', '2026-01-01T00:00:00Z', { eventTime: '2026-01-01T00:40:00.000000Z' }));
    await server.create('events', event('counted', '2026-01-01T00:00:00Z', { lastTimestamp: '2026-01-01T00:10:00Z' }));
    clock.advance(70 * MINUTE - 1);
    expect(await names(server)).toEqual(['counted', 'series', 'timed']);
    clock.advance(1);
    expect(await names(server)).toEqual(['series', 'timed']);
    clock.advance(10 * MINUTE);
    expect(await names(server)).toEqual(['timed']);
    clock.advance(20 * MINUTE);
    expect(await names(server)).toEqual([]);
  });

  it('answers NotFound to an update, patch or delete of an expired Event', async () => {
    const { server, clock } = await newServer();
    const stored = await server.create('events', event('a', '2026-01-01T00:00:00Z'));
    clock.advance(60 * MINUTE);
    expect((await failure(server.update('events', { ...stored, count: 2 }))).code).toBe(404);
    expect((await failure(server.patch('events', 'default', 'a', 'merge', { count: 2 }))).code).toBe(404);
    expect((await failure(server.delete('events', 'default', 'a'))).code).toBe(404);
  });

  it('creates a new Event in the place of an expired one of the same name', async () => {
    const { server, clock, removed } = await newServer();
    const old = await server.create('events', event('a', '2026-01-01T00:00:00Z', { count: 7 }));
    clock.advance(90 * MINUTE);
    await server.create('events', event('a', '2026-01-01T01:30:00Z'), { dryRun: 'All' });
    expect(removed).toEqual([]);
    const fresh = await server.create('events', event('a', '2026-01-01T01:30:00Z'));
    expect(fresh.metadata.uid).not.toBe(old.metadata.uid);
    expect(fresh.count).toBe(1);
    expect(removed).toEqual(['/registry/events/default/a']);
    expect((await failure(server.create('events', event('a', '2026-01-01T01:30:00Z')))).code).toBe(409);
  });

  it('sweeps the expired Events out of the store when their delayed key falls due', async () => {
    const { server, clock, store, removed } = await newServer();
    await server.create('events', event('a', '2026-01-01T00:00:00Z'));
    clock.advance(10 * MINUTE);
    await server.create('events', event('b', '2026-01-01T00:10:00Z'));
    // the first create asked for a sweep when it expires; the second did not move it
    expect(store.nextDue()).toBe(Date.parse('2026-01-01T01:00:00Z'));
    const due = store.takeDue(Date.parse('2026-01-01T01:00:00Z'));
    expect(due).toEqual([{ due: Date.parse('2026-01-01T01:00:00Z'), queue: EVENT_TTL_QUEUE, key: 'events' }]);
    clock.set(new Date('2026-01-01T01:00:00Z'));
    const revision = store.revision();
    // b expires at 01:10; the next sweep is no sooner than five minutes away either way
    expect(server.expireEvents()).toBe(Date.parse('2026-01-01T01:10:00Z'));
    expect(removed).toEqual(['/registry/events/default/a']);
    expect(store.keys('/registry/events/')).toEqual(['/registry/events/default/b']);
    expect(store.changesSince(revision)).toEqual([{ revision: revision + 1, key: '/registry/events/default/a', type: 'delete' }]);
    clock.advance(9 * MINUTE + 30_000);
    await server.create('events', event('c', '2026-01-01T01:09:30Z'));
    expect(server.expireEvents()).toBe(Date.parse('2026-01-01T01:14:30Z'));
    clock.advance(2 * 60 * MINUTE);
    expect(server.expireEvents()).toBeUndefined();
    expect(store.keys('/registry/events/')).toEqual([]);
  });

  it('leaves the other kinds alone', async () => {
    const { server, clock } = await newServer();
    await server.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' } });
    clock.advance(24 * 60 * MINUTE);
    expect((await server.get('configmaps', 'default', 'c')).metadata.name).toBe('c');
    expect(server.expireEvents()).toBeUndefined();
  });
});
