import { describe, expect, it } from 'vitest';
import { LruMap } from '../../src/util/lru-map.js';

describe('LruMap', () => {
  it('drops the least recently used entry past its bound; reads count as use', () => {
    const m = new LruMap<string, number>(2);
    m.set('a', 1);
    m.set('b', 2);
    expect(m.get('a')).toBe(1);
    m.set('c', 3);
    expect(m.get('b')).toBeUndefined();
    expect([m.get('a'), m.get('c'), m.size]).toEqual([1, 3, 2]);
    m.delete('a');
    m.clear();
    expect(m.size).toBe(0);
  });

  it('never holds more than its bound, and a key used since the last turnover survives the next one', () => {
    const m = new LruMap<number, number>(100);
    for (let i = 0; i < 1000; i++) {
      m.set(i, i);
      expect(m.get(0)).toBe(0); // kept hot
      expect(m.size).toBeLessThanOrEqual(100);
    }
    // the last 50 written are there; older cold ones are gone
    for (let i = 950; i < 1000; i++) expect(m.get(i)).toBe(i);
    expect(m.get(500)).toBeUndefined();
  });

  it('keeps undefined-free semantics for falsy values', () => {
    const m = new LruMap<string, number>(4);
    m.set('zero', 0);
    expect(m.get('zero')).toBe(0);
  });

  it('keeps no undefined value: setting one deletes the key, in either generation', () => {
    const m = new LruMap<string, number | undefined>(4);
    m.set('a', 1);
    m.set('b', 2);
    m.set('c', 3); // a and b turn old
    m.set('a', undefined);
    m.set('c', undefined);
    expect([m.get('a'), m.get('b'), m.get('c'), m.size]).toEqual([undefined, 2, undefined, 1]);
  });
});
