import { describe, expect, it } from 'vitest';
import { HeapBound } from '../../src/util/heap.js';

describe('HeapBound', () => {
  it('collects only past its floor, and frees garbage when it does', () => {
    expect(new HeapBound(Number.MAX_SAFE_INTEGER).check()).toBe(false);
    let garbage: unknown[] | undefined = Array.from({ length: 200_000 }, (_, i) => ({ i, s: `item-${i}` }));
    const withGarbage = process.memoryUsage().heapUsed;
    expect(garbage.length).toBe(200_000);
    garbage = undefined;
    const bound = new HeapBound(0, 1e9);
    expect(bound.check()).toBe(true);
    expect(process.memoryUsage().heapUsed).toBeLessThan(withGarbage);
    // the next bound is a multiple of what was live: not passed again at once
    expect(bound.check()).toBe(false);
  });
});
