import { cloneJson } from '../util/json-clone.js';
import { compareKeys } from './key-order.js';
import type { KeyRange, KvBackend, KvEntry, Space, WriteOp } from './kv-backend.js';
import { SortedMap } from './sorted-map.js';
import { live } from './encoded-value.js';

const DELETED: unique symbol = Symbol('deleted');
type Pending = unknown | typeof DELETED;

/**
 * The pending batch: writes made since the last commit, seen by every read, merged over the
 * committed state in key order (a pending delete hides the committed key). Values held here are
 * owned by the overlay; reads hand out copies (of a value held encoded, what it decodes to).
 */
export class Overlay {
  private readonly spaces = new Map<Space, SortedMap<Pending>>();
  private count = 0;

  constructor(private readonly backend: KvBackend) {}

  get empty(): boolean {
    return this.count === 0;
  }

  /** Writes recorded since the last clear (a key written twice counts twice). */
  get size(): number {
    return this.count;
  }

  /** The current value, as a copy the caller may keep and mutate. */
  get(space: Space, key: string): unknown {
    // one lookup: pending values are never undefined (a delete is DELETED)
    const v = this.spaces.get(space)?.get(key);
    if (v !== undefined) return v === DELETED ? undefined : cloneJson(live(v));
    return this.backend.get(space, key);
  }

  /**
   * The current value itself, pending or committed, without a copy: for readers that never change
   * it (the store's own checks, shared read-only views).
   */
  peek(space: Space, key: string): unknown {
    const v = this.spaces.get(space)?.get(key);
    if (v !== undefined) return v === DELETED ? undefined : live(v);
    return this.backend.peek(space, key);
  }

  /** Records a write; the overlay takes ownership of value (pass a copy). Undefined deletes, as a commit would. */
  set(space: Space, key: string, value: unknown): void {
    this.pending(space).set(key, value === undefined ? DELETED : value);
  }

  remove(space: Space, key: string): void {
    this.pending(space).set(key, DELETED);
  }

  /** Current entries in key order: committed ones merged with pending ones (values are copies). */
  entries(space: Space, range: KeyRange): Iterable<KvEntry> {
    const pending = this.spaces.get(space);
    const committed = this.backend.entries(space, range);
    if (!pending || pending.size === 0) return committed;
    return merge(committed, (e) => e.key, pending.range(range.start ?? '', range.end), (key, value) => ({
      key,
      value: cloneJson(live(value)),
    }));
  }

  /** Current keys in key order. */
  keys(space: Space, range: KeyRange): Iterable<string> {
    const pending = this.spaces.get(space);
    const committed = this.backend.keys(space, range);
    if (!pending || pending.size === 0) return committed;
    return merge(committed, (k) => k, pending.range(range.start ?? '', range.end), (key) => key);
  }

  /** The batch as write operations (deletes as value undefined). */
  ops(): WriteOp[] {
    const ops: WriteOp[] = [];
    for (const [space, pending] of this.spaces) {
      for (const [key, value] of pending.range('')) {
        ops.push({ space, key, value: value === DELETED ? undefined : value });
      }
    }
    return ops;
  }

  clear(): void {
    this.spaces.clear();
    this.count = 0;
  }

  private pending(space: Space): SortedMap<Pending> {
    let map = this.spaces.get(space);
    if (!map) {
      map = new SortedMap<Pending>();
      this.spaces.set(space, map);
    }
    this.count++;
    return map;
  }
}

/** Merges committed items with pending entries (both in key order); pending wins, deletes hide. */
function* merge<T>(
  committed: Iterable<T>,
  keyOf: (item: T) => string,
  mine: Iterator<[string, Pending]>,
  make: (key: string, value: unknown) => T,
): Generator<T> {
  const theirs = committed[Symbol.iterator]();
  try {
    let c = theirs.next();
    let m = mine.next();
    while (!c.done || !m.done) {
      const order = c.done ? 1 : m.done ? -1 : compareKeys(keyOf(c.value), m.value[0]);
      if (order < 0) {
        yield c.value as T;
        c = theirs.next();
        continue;
      }
      const [key, value] = m.value as [string, Pending];
      if (value !== DELETED) yield make(key, value);
      m = mine.next();
      if (order === 0) c = theirs.next();
    }
  } finally {
    // an early stop by the caller must still close a committed-side cursor
    theirs.return?.();
  }
}
