import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/scheduler/random.js';

/** The first draws from seed 1 (of a million), as the scheduler has always drawn them. */
const GOLDEN = [627073, 2735, 527447, 981050, 968377, 281103, 612838, 720743, 425796, 994822, 455271, 488788];

/** mulberry32 as published (its state unsigned), for comparison. */
function mulberry32(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

describe('the seeded random of the scheduler', () => {
  it('draws what mulberry32 draws, so tie-breaks stay the same run to run and build to build', () => {
    const r = seededRandom(1);
    expect(Array.from({ length: 12 }, () => r(1_000_000))).toEqual(GOLDEN);
    for (const seed of [0, 1, 7, 0x7fffffff, 0x80000000, 0xdeadbeef]) {
      const mine = seededRandom(seed);
      const theirs = mulberry32(seed);
      for (let i = 0; i < 10_000; i++) {
        const n = (i % 500) + 1;
        expect(mine(n)).toBe(theirs(n));
      }
    }
  });
});
