import { comparePlainKeys, compareKeys, isPlainKey } from './key-order.js';

/** Most keys per chunk before it splits (keeps every insert and delete cheap). */
const CHUNK = 256;

/**
 * A map whose keys are kept in store key order, for ranged iteration. Used for the pending batch
 * of every store and as the whole of the in-memory store. The order is a list of sorted chunks,
 * so an insert or delete moves at most a chunk's worth of keys whatever the size of the map.
 *
 * New keys are put in order only when an ordered read (or a delete) needs them there: a pending
 * batch takes tens of thousands of new keys (a scale-up's pods and Events) between two range
 * reads, and sorting them once and merging costs a fraction of placing each one as it comes
 * (measured: placing them was ~4% of a 30,000-pod scale-up).
 */
export class SortedMap<V> {
  /** Non-empty sorted chunks; every key of a chunk sorts before every key of the next one. */
  private readonly chunks: string[][] = [];
  /** Keys set since the last ordered read, not yet in the chunks (each once: see set()). */
  private unplaced: string[] = [];
  private readonly values = new Map<string, V>();
  /** Native string order while every key is plain (almost always); compareKeys once one is not. */
  private compare: (a: string, b: string) => number = comparePlainKeys;

  get size(): number {
    return this.values.size;
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  get(key: string): V | undefined {
    return this.values.get(key);
  }

  set(key: string, value: V): void {
    if (!this.values.has(key)) {
      this.unplaced.push(key);
      if (this.compare === comparePlainKeys && !isPlainKey(key)) this.compare = compareKeys;
    }
    this.values.set(key, value);
  }

  delete(key: string): boolean {
    if (!this.values.has(key)) return false;
    this.place();
    this.values.delete(key);
    const ci = this.chunkFor(key, this.compare);
    const chunk = this.chunks[ci]!;
    chunk.splice(lowerBound(chunk, key, this.compare), 1);
    if (chunk.length === 0) this.chunks.splice(ci, 1);
    return true;
  }

  clear(): void {
    this.chunks.length = 0;
    this.unplaced = [];
    this.values.clear();
    this.compare = comparePlainKeys;
  }

  /** Entries with start <= key < end (end undefined: to the last key), in key order. */
  *range(start: string, end?: string): Generator<[string, V]> {
    this.place();
    if (this.chunks.length === 0) return;
    const compare = isPlainKey(start) && (end === undefined || isPlainKey(end)) ? this.compare : compareKeys;
    let ci = this.chunkFor(start, compare);
    let i = lowerBound(this.chunks[ci]!, start, compare);
    for (; ci < this.chunks.length; ci++, i = 0) {
      const chunk = this.chunks[ci]!;
      for (; i < chunk.length; i++) {
        const key = chunk[i]!;
        if (end !== undefined && compare(key, end) >= 0) return;
        yield [key, this.values.get(key) as V];
      }
    }
  }

  /** Puts the keys set since the last ordered read in order: one sort, then a merge. */
  private place(): void {
    const keys = this.unplaced;
    if (keys.length === 0) return;
    this.unplaced = [];
    const compare = this.compare;
    // (sort() without a comparator is native string order)
    if (compare === comparePlainKeys) keys.sort();
    else keys.sort(compare);
    // a few keys among many go in one by one; more are merged with all of them in one pass
    if (keys.length * 16 < this.values.size) {
      for (const key of keys) this.insertKey(key);
      return;
    }
    const merged = new Array<string>(this.values.size);
    let n = 0;
    let k = 0;
    for (const chunk of this.chunks) {
      for (const old of chunk) {
        while (k < keys.length && compare(keys[k]!, old) < 0) merged[n++] = keys[k++]!;
        merged[n++] = old;
      }
    }
    while (k < keys.length) merged[n++] = keys[k++]!;
    merged.length = n;
    this.chunks.length = 0;
    for (let i = 0; i < n; i += CHUNK >> 1) this.chunks.push(merged.slice(i, i + (CHUNK >> 1)));
  }

  private insertKey(key: string): void {
    if (this.chunks.length === 0) {
      this.chunks.push([key]);
      return;
    }
    const compare = this.compare;
    const ci = this.chunkFor(key, compare);
    const chunk = this.chunks[ci]!;
    if (compare(key, chunk[chunk.length - 1]!) > 0) chunk.push(key);
    else chunk.splice(lowerBound(chunk, key, compare), 0, key);
    if (chunk.length > CHUNK) this.chunks.splice(ci + 1, 0, chunk.splice(CHUNK >> 1));
  }

  /** Index of the last chunk whose first key is <= key (0 when key precedes them all). */
  private chunkFor(key: string, compare: (a: string, b: string) => number): number {
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(this.chunks[mid]![0]!, key) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(0, lo - 1);
  }
}

/** Index of the first key in sorted that is >= key. */
function lowerBound(sorted: readonly string[], key: string, compare: (a: string, b: string) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(sorted[mid]!, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
