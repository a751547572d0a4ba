import { describe, expect, it } from 'vitest';
import { collectIfAbove } from '../../src/util/heap.js';

describe('collectIfAbove', () => {
  it('collects only past the threshold, and frees garbage when it does', () => {
    expect(collectIfAbove(Number.MAX_SAFE_INTEGER)).toBe(false);
    let garbage: unknown[] | undefined = Array.from({ length: 200_000 }, (_, i) => ({ i, s: `item-${i}` }));
    const withGarbage = process.memoryUsage().heapUsed;
    expect(garbage.length).toBe(200_000);
    garbage = undefined;
    expect(collectIfAbove(0)).toBe(true);
    expect(process.memoryUsage().heapUsed).toBeLessThan(withGarbage);
  });
});
