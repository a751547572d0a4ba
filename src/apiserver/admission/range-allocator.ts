/**
 * A range of small integers handed out to objects (service IP offsets, node ports), recorded in the
 * store's meta space one entry per taken value (`<prefix><value>` → owner), as the API server keeps
 * its allocation bitmaps in etcd. Picks are random in the upper "dynamic" band, falling back to the
 * lower "static" band when the upper one is full, like Kubernetes' allocators.
 */
import type { Store } from '../../store/store.js';

export class RangeAllocator {
  constructor(
    private readonly store: Store,
    private readonly prefix: string,
    /** Lowest and highest allocatable value, inclusive. */
    readonly lo: number,
    readonly hi: number,
    /** Size of the static band at the bottom of the range. */
    private readonly staticBand: number,
  ) {}

  inRange(v: number): boolean {
    return Number.isInteger(v) && v >= this.lo && v <= this.hi;
  }

  owner(v: number): string | undefined {
    return this.store.getMeta<string | null>(this.prefix + v) ?? undefined;
  }

  /** Whether v is free, or already held by `owner`. */
  available(v: number, owner: string): boolean {
    const o = this.owner(v);
    return o === undefined || o === owner;
  }

  take(v: number, owner: string): void {
    this.store.setMeta(this.prefix + v, owner);
  }

  release(v: number, owner: string): void {
    if (this.owner(v) === owner) this.store.setMeta(this.prefix + v, undefined);
  }

  /** A free value (not in `exclude`), or undefined when the range is full. */
  pick(random: () => number, exclude: Set<number> = new Set()): number | undefined {
    const dynLo = Math.min(this.lo + this.staticBand, this.hi);
    return this.scan(dynLo, this.hi, random, exclude) ?? this.scan(this.lo, dynLo - 1, random, exclude);
  }

  private scan(lo: number, hi: number, random: () => number, exclude: Set<number>): number | undefined {
    const size = hi - lo + 1;
    if (size <= 0) return undefined;
    const start = Math.floor(random() * size);
    for (let i = 0; i < size; i++) {
      const v = lo + ((start + i) % size);
      if (!exclude.has(v) && this.owner(v) === undefined) return v;
    }
    return undefined;
  }
}
