import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open } from 'lmdb';
import { afterAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { encodeEvent, objectValue } from '../../src/store/event-codec.js';
import { LMDB_DIR, LmdbStore } from '../../src/store/lmdb-store.js';

/** An Event as the recorder builds it and the API server stores it. */
function event(over: Partial<Record<string, unknown>> = {}, involved: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'web-1.01a24b0913be00236d6206e43d6', namespace: 'shop', uid: '01a24b09-13c9-7000-9e53-88d8b19c3715', creationTimestamp: '2026-12-06T11:06:55Z', resourceVersion: '83' },
    involvedObject: { apiVersion: 'v1', kind: 'Pod', name: 'web-1', namespace: 'shop', uid: '01a24b09-13be-7002-bd97-aa239f11db1d', resourceVersion: '82', fieldPath: 'spec.containers{nginx}', ...involved },
    reason: 'Pulled',
    message: 'Container image "nginx:1.27" already present on machine',
    source: { component: 'kubelet', host: 'pocketkube-node-2' },
    firstTimestamp: '2026-12-06T11:06:55Z',
    lastTimestamp: '2026-12-06T11:06:55Z',
    count: 1,
    type: 'Normal',
    eventTime: null,
    reportingComponent: 'kubelet',
    reportingInstance: 'pocketkube-node-2',
    ...over,
  };
}

/** What lmdb-js hands back for the bytes: the payload of the msgpack bin 16. */
function roundTrip(e: KubeObject): unknown {
  const bytes = encodeEvent(e);
  if (!bytes) return 'not encoded';
  expect([bytes[0], bytes.readUInt16BE(1)]).toEqual([0xc5, bytes.length - 3]);
  return objectValue(Uint8Array.from(bytes.subarray(3)));
}

describe('the Event codec', () => {
  it('gives back the Event it was given, key for key and in the same order', () => {
    for (const e of [
      event(),
      // a cluster-scoped object: its namespace is there, undefined; no fieldPath, no host
      event({ source: { component: 'default-scheduler' }, reportingInstance: '' }, { kind: 'Node', namespace: undefined, fieldPath: undefined }),
      event({ message: 'héllo ✓ "quoted"\nnext: line 12:3', count: 7, reason: undefined }),
    ]) {
      if ((e.involvedObject as Record<string, unknown>).fieldPath === undefined) delete (e.involvedObject as Record<string, unknown>).fieldPath;
      const back = roundTrip(e) as KubeObject;
      expect(back).toStrictEqual(e);
      expect(JSON.stringify(back)).toBe(JSON.stringify(e));
      expect(Object.keys(back)).toEqual(Object.keys(e));
      expect(Object.keys(back.involvedObject)).toEqual(Object.keys(e.involvedObject));
    }
  });

  it('writes its version, the count and each field as <UTF-16 length>:<UTF-8 text>, `.` absent, `~` undefined', () => {
    const e = event({ message: 'héllo', count: 258 }, { fieldPath: undefined });
    delete (e.involvedObject as Record<string, unknown>).resourceVersion;
    const bytes = encodeEvent(e)!;
    const field = (s: string) => `${s.length}:${s}`;
    const m = e.metadata;
    const text = [m.name, m.namespace, m.uid, m.creationTimestamp, m.resourceVersion].map((s) => field(s!)).join('')
      + ['v1', 'Pod', 'web-1', 'shop', '01a24b09-13be-7002-bd97-aa239f11db1d'].map(field).join('') + '.~'
      + field('kubelet') + field('pocketkube-node-2')
      + ['Pulled', 'héllo', '2026-12-06T11:06:55Z', '2026-12-06T11:06:55Z', 'Normal', 'kubelet', 'pocketkube-node-2'].map(field).join('');
    const payload = Buffer.concat([Buffer.from([1, 0, 0, 1, 2]), Buffer.from(text, 'utf8')]);
    expect(bytes.toString('hex')).toBe(Buffer.concat([Buffer.from([0xc5, payload.length >> 8, payload.length & 255]), payload]).toString('hex'));
  });

  it('writes any characters as Buffer.from(text) does, and takes an Event up to the last byte a bin 16 holds', () => {
    const field = (s: string) => `${s.length}:${s}`;
    // the payload text of event() with another message (the golden test above spells the rest out)
    const text = (message: string) => {
      const e = event({ message });
      const m = e.metadata;
      const io = e.involvedObject as Record<string, string>;
      return [m.name!, m.namespace!, m.uid!, m.creationTimestamp!, m.resourceVersion!, io.apiVersion!, io.kind!, io.name!, io.namespace!, io.uid!,
        io.resourceVersion!, io.fieldPath!, 'kubelet', 'pocketkube-node-2', 'Pulled', message, '2026-12-06T11:06:55Z', '2026-12-06T11:06:55Z',
        'Normal', 'kubelet', 'pocketkube-node-2'].map(field).join('');
    };
    // one of each UTF-8 length at its bounds, in a seeded random mix
    const chars = ['\u0000', 'a', '\u007f', '\u0080', 'é', '\u07ff', '\u0800', '✓', '\ud7ff', '\ue000', '\uffff'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 200; i++) {
      let message = '';
      for (let n = next() % 40; n > 0; n--) message += chars[next() % chars.length];
      expect(encodeEvent(event({ message }))!.subarray(8).toString('hex')).toBe(Buffer.from(text(message), 'utf8').toString('hex'));
    }
    // the payload (version, count, text) fills a bin 16 exactly, and one byte more does not fit
    const room = 0xffff - 5 - Buffer.byteLength(text(''));
    const fits = (message: string) => Buffer.byteLength(text(message)) + 5 <= 0xffff;
    // the most three-byte characters that fit (their count's digits take room too)
    let k = Math.floor(room / 3);
    while (!fits('✓'.repeat(k))) k--;
    expect(encodeEvent(event({ message: '✓'.repeat(k) }))!.length).toBe(3 + 5 + Buffer.byteLength(text('✓'.repeat(k))));
    expect(encodeEvent(event({ message: '✓'.repeat(k + 1) }))).toBeUndefined();
    const last = '✓'.repeat(k) + 'a'.repeat(0xffff - 5 - Buffer.byteLength(text('✓'.repeat(k))));
    expect(fits(last) && !fits(`${last}a`)).toBe(true);
    expect(encodeEvent(event({ message: last }))!.length).toBe(3 + 0xffff);
    expect(encodeEvent(event({ message: `${last}a` }))).toBeUndefined();
  });

  it('leaves any other shape to msgpack', () => {
    const others: KubeObject[] = [
      event({ series: { count: 2, lastObservedTime: '2026-12-06T11:06:55Z' } }),
      event({ related: { kind: 'Node', name: 'n' } }),
      event({ metadata: { ...event().metadata, labels: { a: 'b' } } }),
      event({ metadata: { name: 'x', namespace: 'shop' } }),
      event({}, { extra: 'x' }),
      event({ message: null }),
      event({ eventTime: '2026-12-06T11:06:55.000000Z' }),
      event({ count: 1.5 }),
      event({ apiVersion: 'events.k8s.io/v1' }),
      event({ message: 'x'.repeat(70_000) }),
      // beyond the Basic Multilingual Plane (surrogate pairs)
      event({ message: 'rocket 🚀' }),
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } },
    ];
    for (const o of others) expect(encodeEvent(o)).toBeUndefined();
    // up to what a msgpack bin 16 holds
    expect(roundTrip(event({ message: 'é'.repeat(30_000) }))).toStrictEqual(event({ message: 'é'.repeat(30_000) }));
    expect(encodeEvent(event({ message: 'é'.repeat(33_000) }))).toBeUndefined();
    expect(objectValue(others[0])).toBe(others[0]);
  });

  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('is how an LMDB store keeps such Events, read back by key and by range', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pk-event-codec-'));
    dirs.push(dir);
    const store = LmdbStore.open(dir);
    const key = '/registry/events/shop/web-1.01a24b0913be00236d6206e43d6';
    const otherKey = '/registry/events/shop/web-1.unusual-name';
    const other = event({ metadata: { ...event().metadata, name: 'web-1.unusual-name', labels: { a: 'b' } } });
    store.put(key, event());
    store.put(otherKey, other);
    // kept encoded until the commit, read back as the Event (the store set its resourceVersion: the put's revision)
    const pending = event({ metadata: { ...event().metadata, resourceVersion: '1' } });
    expect(store.get(key)).toStrictEqual(pending);
    expect(store.peek(key)).toStrictEqual(pending);
    expect(store.range('/registry/events/shop/')).toStrictEqual([pending, { ...other, metadata: { ...other.metadata, resourceVersion: '2' } }]);
    store.commit();
    store.close();

    const reopened = LmdbStore.open(dir);
    expect(reopened.get(key)).toStrictEqual(pending);
    expect(reopened.range('/registry/events/shop/').map((e) => e.metadata.name)).toEqual(['web-1.01a24b0913be00236d6206e43d6', 'web-1.unusual-name']);
    expect(reopened.range('/registry/events/shop/')[0]).toStrictEqual(reopened.get(key));
    reopened.close();

    // on disk: the first as the codec's bytes, the other as msgpack
    const raw = open({ path: join(dir, LMDB_DIR), maxDbs: 16 });
    const objects = raw.openDB({ name: 'objects', sharedStructuresKey: Symbol.for('structures') });
    const values = [...objects.getRange({ start: '/registry/events/', end: '\u007f' })].map(({ value }) => value);
    expect(values.filter((v) => v instanceof Uint8Array)).toHaveLength(1);
    expect(values.filter((v) => !(v instanceof Uint8Array)).map((v) => (v as KubeObject).metadata.name)).toEqual(['web-1.unusual-name']);
    void raw.close();
  });
});
