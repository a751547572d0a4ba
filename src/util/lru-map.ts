/**
 * A Map bounded to `max` entries that drops the least recently used ones first, approximately: keys
 * live in two generations of at most max/2 each. Reads and writes land in the young one; when it is
 * full it becomes the old one and the old one is dropped whole, so a key read or written since the
 * last turnover survives the next one. A read of a young key is one Map lookup (a strict LRU moves
 * the key on every read, which cost more than the lookup itself on the control loop's hot paths).
 * It keeps no undefined values (setting one deletes the key), so a miss costs two lookups, not four.
 */
export class LruMap<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private readonly half: number;

  constructor(max: number) {
    this.half = Math.max(1, Math.floor(max / 2));
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  get(key: K): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const promoted = this.old.get(key);
    if (promoted === undefined) return undefined;
    this.old.delete(key);
    this.setYoung(key, promoted);
    return promoted;
  }

  set(key: K, value: V): void {
    if (value === undefined) {
      this.delete(key);
      return;
    }
    if (this.young.has(key)) {
      this.young.set(key, value);
      return;
    }
    this.old.delete(key);
    this.setYoung(key, value);
  }

  delete(key: K): void {
    this.young.delete(key);
    this.old.delete(key);
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }

  private setYoung(key: K, value: V): void {
    if (this.young.size >= this.half) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}
