import { describe, expect, it } from 'vitest';
import { cloneJson } from '../../src/util/json-clone.js';
import { compareKeys, prefixEnd } from '../../src/store/key-order.js';
import { SortedMap } from '../../src/store/sorted-map.js';

/** Deterministic pseudo-random numbers (a fixed-seed LCG), so a failure reproduces. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('SortedMap', () => {
  it('matches a sorted reference through thousands of random inserts, updates and deletes', () => {
    const rand = rng(7);
    const map = new SortedMap<number>();
    const ref = new Map<string, number>();
    for (let step = 0; step < 20_000; step++) {
      const key = `/registry/pods/ns-${Math.floor(rand() * 5)}/p-${Math.floor(rand() * 3000)}`;
      if (rand() < 0.3) {
        expect(map.delete(key)).toBe(ref.delete(key));
      } else {
        map.set(key, step);
        ref.set(key, step);
      }
    }
    const sorted = [...ref.keys()].sort(compareKeys);
    expect(map.size).toBe(ref.size);
    expect([...map.range('')].map(([k]) => k)).toEqual(sorted);
    expect([...map.range('')].every(([k, v]) => ref.get(k) === v)).toBe(true);
    const start = '/registry/pods/ns-2/';
    const end = prefixEnd(start)!;
    expect([...map.range(start, end)].map(([k]) => k)).toEqual(sorted.filter((k) => k.startsWith(start)));
    map.clear();
    expect([...map.range('')]).toEqual([]);
  });

  it('keeps order when many keys, then a few, come between range reads', () => {
    const rand = rng(11);
    const map = new SortedMap<number>();
    const ref = new Map<string, number>();
    const check = () => {
      expect([...map.range('')].map(([k]) => k)).toEqual([...ref.keys()].sort(compareKeys));
      const start = '/registry/events/ns-1/';
      expect([...map.range(start, prefixEnd(start))].map(([k]) => k)).toEqual([...ref.keys()].filter((k) => k.startsWith(start)).sort(compareKeys));
    };
    // bulk (merged in one pass), a few (placed one by one), bulk again, rewrites of known keys
    for (const count of [5000, 7, 3000, 1, 0]) {
      for (let i = 0; i < count; i++) {
        const key = `/registry/events/ns-${Math.floor(rand() * 3)}/p-${Math.floor(rand() * 100_000)}`;
        map.set(key, i);
        ref.set(key, i);
      }
      for (const key of [...ref.keys()].slice(0, 10)) {
        map.set(key, -1);
        ref.set(key, -1);
      }
      check();
      expect(map.size).toBe(ref.size);
    }
    const victim = [...ref.keys()][42]!;
    map.set('/registry/events/ns-1/new', 1);
    ref.set('/registry/events/ns-1/new', 1);
    expect(map.delete(victim)).toBe(true);
    ref.delete(victim);
    expect(map.delete(victim)).toBe(false);
    check();
  });

  it('orders keys outside plain string order (surrogates, U+E000 and up) as UTF-8 bytes do', () => {
    const map = new SortedMap<number>();
    const utf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
    const plain = Array.from({ length: 300 }, (_, i) => `/registry/configmaps/ns/p-${(i * 7919) % 1000}`);
    const high = ['\u{1F600}', '\uE000', '\uFFFF', '\u{10000}', '\uD7FF'].map((c) => `/registry/configmaps/ns/p-h${c}`);
    // plain keys first (native order), then keys that need the byte order, then plain ones again
    for (const key of plain.slice(0, 200)) map.set(key, 1);
    expect([...map.range('')].map(([k]) => k)).toEqual(plain.slice(0, 200).sort(utf8));
    for (const key of [...high, ...plain.slice(200)]) map.set(key, 2);
    const all = [...plain, ...high].sort(utf8);
    expect([...map.range('')].map(([k]) => k)).toEqual(all);
    const from = `/registry/configmaps/ns/p-h\uE000`;
    expect([...map.range(from)].map(([k]) => k)).toEqual(all.filter((k) => utf8(k, from) >= 0));
    expect(map.delete(high[1]!)).toBe(true);
    expect([...map.range('')].map(([k]) => k)).toEqual(all.filter((k) => k !== high[1]));
  });
});

describe('key order', () => {
  it('compares as UTF-8 bytes do', () => {
    const keys = ['b', 'a', 'ab', '', '\u00e9', '\uffff', '\u{10000}', 'a/', 'a-'];
    const bytes = [...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    expect([...keys].sort(compareKeys)).toEqual(bytes);
  });

  it('ends a prefix scan just past the prefix', () => {
    expect(prefixEnd('/registry/pods/small/')).toBe('/registry/pods/small0');
    expect(prefixEnd('a\uffff')).toBe('b');
    expect(prefixEnd('')).toBeUndefined();
  });
});

describe('cloneJson', () => {
  it('copies deeply with JSON semantics', () => {
    const v = { a: [1, { b: 'x' }, undefined], c: undefined, d: null, e: { f: true } };
    const c = cloneJson(v);
    expect(c).toEqual(JSON.parse(JSON.stringify(v)));
    expect('c' in c).toBe(false);
    expect(c.a[1]).not.toBe(v.a[1]);
    expect(c.e).not.toBe(v.e);
  });
});
