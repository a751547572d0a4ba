/** A small seeded PRNG (mulberry32): the scheduler's random tie-breaks are reproducible run to run. */
export function seededRandom(seed: number): (n: number) => number {
  // the state as a signed 32-bit integer (the same bits as mulberry32's unsigned one: it is only
  // used in 32-bit operations), which V8 keeps unboxed: held unsigned, every call of a scale-up's
  // millions of tie-breaks stored a new heap number
  let a = seed | 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return Math.floor(r * n);
  };
}
