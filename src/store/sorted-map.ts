import { compareKeys } from './key-order.js';

/** Most keys per chunk before it splits (keeps every insert and delete cheap). */
const CHUNK = 256;

/**
 * A map whose keys are kept in store key order, for ranged iteration. Used for the pending batch
 * of every store and as the whole of the in-memory store. The order is a list of sorted chunks,
 * so an insert or delete moves at most a chunk's worth of keys whatever the size of the map.
 */
export class SortedMap<V> {
  /** Non-empty sorted chunks; every key of a chunk sorts before every key of the next one. */
  private readonly chunks: string[][] = [];
  private readonly values = new Map<string, V>();

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
    if (!this.values.has(key)) this.insertKey(key);
    this.values.set(key, value);
  }

  delete(key: string): boolean {
    if (!this.values.delete(key)) return false;
    const ci = this.chunkFor(key);
    const chunk = this.chunks[ci]!;
    chunk.splice(lowerBound(chunk, key), 1);
    if (chunk.length === 0) this.chunks.splice(ci, 1);
    return true;
  }

  clear(): void {
    this.chunks.length = 0;
    this.values.clear();
  }

  /** Entries with start <= key < end (end undefined: to the last key), in key order. */
  *range(start: string, end?: string): Generator<[string, V]> {
    if (this.chunks.length === 0) return;
    let ci = this.chunkFor(start);
    let i = lowerBound(this.chunks[ci]!, start);
    for (; ci < this.chunks.length; ci++, i = 0) {
      const chunk = this.chunks[ci]!;
      for (; i < chunk.length; i++) {
        const key = chunk[i]!;
        if (end !== undefined && compareKeys(key, end) >= 0) return;
        yield [key, this.values.get(key) as V];
      }
    }
  }

  private insertKey(key: string): void {
    if (this.chunks.length === 0) {
      this.chunks.push([key]);
      return;
    }
    const ci = this.chunkFor(key);
    const chunk = this.chunks[ci]!;
    if (compareKeys(key, chunk[chunk.length - 1]!) > 0) chunk.push(key);
    else chunk.splice(lowerBound(chunk, key), 0, key);
    if (chunk.length > CHUNK) this.chunks.splice(ci + 1, 0, chunk.splice(CHUNK >> 1));
  }

  /** Index of the last chunk whose first key is <= key (0 when key precedes them all). */
  private chunkFor(key: string): number {
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKeys(this.chunks[mid]![0]!, key) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(0, lo - 1);
  }
}

/** Index of the first key in sorted that is >= key. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(sorted[mid]!, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
