import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open } from 'lmdb';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeByKey, objectKey, orderedRange, plainRange, sortByKey, storedKey, storedKeysIn } from '../../src/store/event-keys.js';
import { LMDB_DIR, LmdbStore } from '../../src/store/lmdb-store.js';

const ordered = (n: number) => `${n.toString(16).padStart(15, '0')}${'e'.repeat(12)}`;
const root = mkdtempSync(join(tmpdir(), 'pk-event-keys-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('event keys', () => {
  it('stores an Event named in creation order after every API key, ordered by its digits, and maps back', () => {
    const key = `/registry/events/shop/web-7d4b9c-xk2p9.${ordered(7)}`;
    expect(storedKey(key)).toBe(`~${ordered(7)}/shop/web-7d4b9c-xk2p9`);
    expect(objectKey(storedKey(key))).toBe(key);
    expect(storedKey(`/registry/events/a/z.${ordered(1)}`) < storedKey(`/registry/events/a/a.${ordered(2)}`)).toBe(true);
    expect(storedKey(key) > '/registry/zzz').toBe(true);
  });

  it('keeps every other key as it is', () => {
    for (const key of [
      '/registry/events/shop/web.0123456789abcdef', '/registry/events/shop/web', `/registry/pods/shop/web.${ordered(1)}`,
      `/registry/events/shop/web.${ordered(1)}0`, `/registry/events/shop/web.${ordered(1).toUpperCase()}`, '/registry/events/',
    ]) {
      expect(storedKey(key)).toBe(key);
      expect(objectKey(key)).toBe(key);
    }
  });

  it('maps keys as the regular expression of the layout would, whatever the names hold', () => {
    const layout = /^\/registry\/events\/([^/]+)\/(.+)\.([0-9a-f]{27})$/;
    const byExpression = (key: string) => {
      const m = layout.exec(key);
      return m ? `~${m[3]}/${m[1]}/${m[2]}` : key;
    };
    // names from an alphabet of the characters that matter, digits of the right and wrong kinds
    const alphabet = ['a', '/', '.', '-', '\n', '\u2028', 'F'];
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const word = (max: number) => Array.from({ length: next(max + 1) }, () => alphabet[next(alphabet.length)]).join('');
    for (let i = 0; i < 20_000; i++) {
      const digits = next(4) === 0 ? ordered(i).slice(1) + alphabet[next(alphabet.length)] : ordered(i);
      const key = `/registry/events/${word(3)}/${word(4)}${next(5) === 0 ? '' : '.'}${digits}`;
      expect(storedKey(key)).toBe(byExpression(key));
    }
    expect(storedKey(`/registry/events/a/b/c.${ordered(3)}`)).toBe(`~${ordered(3)}/a/b/c`);
    expect(storedKey(`/registry/events/a/b\nc.${ordered(3)}`)).toBe(`/registry/events/a/b\nc.${ordered(3)}`);
    expect(storedKey(`/registry/events//b.${ordered(3)}`)).toBe(`/registry/events//b.${ordered(3)}`);
    expect(storedKey(`/registry/events/a/.${ordered(3)}`)).toBe(`/registry/events/a/.${ordered(3)}`);
  });

  it('splits a range into the keys stored as they are and the ordered ones that fall in it', () => {
    expect(plainRange({ start: '/registry/events/a/', end: '/registry/events/a0' })).toEqual({ start: '/registry/events/a/', end: '/registry/events/a0' });
    expect(plainRange({})).toEqual({ start: undefined, end: '~' });
    expect(plainRange({ start: '~' })).toBeUndefined();
    expect(orderedRange({ start: '/registry/pods/', end: '/registry/pods0' })).toBeUndefined();
    expect(orderedRange({ start: '/registry/', end: '/registry0' })).toEqual({ start: '~', end: '\u007f' });
    expect(orderedRange({ start: '/registry/events/b/', end: '/registry/events/b0' })).toBeDefined();
    const stored = [
      `/registry/events/b/y.${ordered(1)}`, `/registry/events/a/x.${ordered(2)}`, `/registry/events/b/x.${ordered(3)}`, `/registry/events/bb/x.${ordered(4)}`,
    ].map(storedKey);
    const inB = storedKeysIn(stored, { start: '/registry/events/b/', end: '/registry/events/b0' });
    expect(inB).toEqual([stored[0], stored[2]]);
    expect(sortByKey(inB.map((k) => ({ key: objectKey(k) }))).map((e) => e.key)).toEqual([`/registry/events/b/x.${ordered(3)}`, `/registry/events/b/y.${ordered(1)}`]);
    expect(storedKeysIn(stored, { start: '/registry/events/b/x', end: '/registry/events/b/y' })).toEqual([stored[2]]);
    expect(storedKeysIn(stored, { start: '/registry/events/', end: '/registry/events0' })).toEqual(stored);
    expect(storedKeysIn(stored, { start: '/registry/events/b', end: '/registry/events/c' })).toEqual([stored[0], stored[2], stored[3]]);
    expect([...mergeByKey(['a', 'c', 'e'], ['b', 'd', 'f', 'g'], (k) => k)]).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('lists a namespace\'s Events in key order both when it has few and when it has many', () => {
    const store = LmdbStore.open(join(root, 'many'));
    const event = (ns: string, name: string) => ({ apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: ns } });
    const names = (ns: string, n: number) => Array.from({ length: n }, (_, i) => `p${(n - i) % 997}-${i}.${ordered(i)}`);
    const many = names('many', 5000);
    const few = names('few', 3);
    for (const name of many) store.put(`/registry/events/many/${name}`, event('many', name));
    for (const name of few) store.put(`/registry/events/few/${name}`, event('few', name));
    store.commit();
    expect(store.range('/registry/events/many/').map((e) => e.metadata.name)).toEqual([...many].sort());
    expect(store.range('/registry/events/few/').map((e) => e.metadata.name)).toEqual([...few].sort());
    expect(store.keys('/registry/events/')).toEqual([...few.map((n) => `/registry/events/few/${n}`), ...many.map((n) => `/registry/events/many/${n}`)].sort());
    store.close();
  });

  it('lets LMDB keep a scale-up\'s Events in creation order, after the other objects', () => {
    const dir = join(root, 'c');
    const store = LmdbStore.open(dir);
    const names = ['web-q', 'web-b', 'web-x', 'web-a'];
    names.forEach((name, i) => store.put(`/registry/events/default/${name}.${ordered(i)}`, { apiVersion: 'v1', kind: 'Event', metadata: { name: `${name}.${ordered(i)}`, namespace: 'default' } }));
    store.put('/registry/pods/default/web-q', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-q', namespace: 'default' } });
    store.commit();
    store.close();
    const env = open({ path: join(dir, LMDB_DIR), readOnly: true, maxDbs: 16 });
    const raw = [...env.openDB({ name: 'objects' }).getKeys({})].filter((k) => typeof k === 'string');
    void env.close();
    expect(raw.slice(-4)).toEqual(names.map((name, i) => `~${ordered(i)}/default/${name}`));
    expect(raw).toContain('/registry/pods/default/web-q');
  });

  it('reads a namespace\'s Events in the span its own were created in, and all of them after a commit that kept no spans', () => {
    const dir = join(root, 'spans');
    const event = (ns: string, name: string) => ({ apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: ns } });
    const put = (s: LmdbStore, ns: string, i: number) => s.put(`/registry/events/${ns}/p${i}.${ordered(i)}`, event(ns, `p${i}.${ordered(i)}`));
    const names = (s: LmdbStore, ns: string) => s.range(`/registry/events/${ns}/`).map((e) => e.metadata.name);
    const store = LmdbStore.open(dir);
    for (let i = 0; i < 50; i++) put(store, 'big', i);
    for (let i = 50; i < 53; i++) put(store, 'small', i);
    for (let i = 53; i < 100; i++) put(store, 'big', i);
    store.commit();
    store.close();
    const path = join(dir, LMDB_DIR);
    const env = open({ path, maxDbs: 16 });
    const sys = env.openDB({ name: 'sys' });
    const record = sys.get('eventSpans') as { txn: number; spans: Record<string, [string, string]> };
    expect(record.spans).toEqual({ big: [ordered(0), ordered(99)], small: [ordered(50), ordered(52)] });

    // the reader trusts spans the newest commit stored: told that `small` has none, it reads none
    env.transactionSync(() => sys.putSync('eventSpans', { txn: env.getWriteTxnId(), spans: { big: record.spans.big } }));
    let s = LmdbStore.open(dir);
    expect(names(s, 'small')).toEqual([]);
    expect(names(s, 'big')).toHaveLength(97);
    s.close();

    // a commit by a build that keeps no spans (an Event of `small` far after its span): all are read again
    const late = `p500.${ordered(500)}`;
    // (written as lmdb-js writes by default: shapes inline, uncompressed, which the store reads)
    const plain = env.openDB({ name: 'objects', compression: false });
    env.transactionSync(() => plain.putSync(`~${ordered(500)}/small/p500`, event('small', late)));
    const small = [...[50, 51, 52].map((i) => `p${i}.${ordered(i)}`), late].sort();
    s = LmdbStore.open(dir);
    expect(names(s, 'small')).toEqual(small);
    // and the next commit that keeps them builds them anew from the keys
    s.put('/registry/pods/small/p1', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p1', namespace: 'small' } });
    s.commit();
    expect((sys.get('eventSpans') as typeof record).spans.small).toEqual([ordered(50), ordered(500)]);
    expect(names(s, 'small')).toEqual(small);
    s.close();
    void env.close();
  });

  it('reads Events whole after reads of their keys and after the commit that built the spans, in one process', () => {
    // lmdb-js writes its options into the range object a read is given (getKeys: values off):
    // a range object read twice, or kept and shared, would read keys without values the second time
    const store = LmdbStore.open(join(root, 'shared-range'));
    const event = (ns: string, name: string) => ({ apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: ns } });
    const names = ['a', 'b'].flatMap((ns) => Array.from({ length: 5000 }, (_, i) => `/registry/events/${ns}/p${i}.${ordered(ns === 'a' ? 2 * i : 2 * i + 1)}`));
    for (const key of names) store.put(key, event(key.split('/')[3]!, key.split('/')[4]!));
    store.commit();
    for (let round = 0; round < 2; round++) {
      expect(store.keys('/registry/events/')).toHaveLength(10_000);
      expect(store.range('/registry/events/').map((e) => e.metadata.name)).toHaveLength(10_000);
      expect(store.keys('/registry/events/a/')).toHaveLength(5000);
      expect(store.range('/registry/events/b/').every((e) => e.metadata.namespace === 'b')).toBe(true);
    }
    store.close();
  });
});

