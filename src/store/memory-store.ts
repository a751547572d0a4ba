import { cloneJson } from '../util/json-clone.js';
import type { KeyRange, KvBackend, KvEntry, Space, WriteOp } from './kv-backend.js';
import { KvStore, type KvStoreOptions } from './kv-store.js';
import { SortedMap } from './sorted-map.js';

/** Committed state held in sorted maps; reads hand out copies like LMDB's decoding does. */
class MemoryBackend implements KvBackend {
  private readonly spaces = new Map<Space, SortedMap<unknown>>();

  get(space: Space, key: string): unknown {
    return cloneJson(this.peek(space, key));
  }

  peek(space: Space, key: string): unknown {
    return this.spaces.get(space)?.get(key);
  }

  *entries(space: Space, range: KeyRange): Generator<KvEntry> {
    const map = this.spaces.get(space);
    if (!map) return;
    for (const [key, value] of map.range(range.start ?? '', range.end)) yield { key, value: cloneJson(value) };
  }

  *keys(space: Space, range: KeyRange): Generator<string> {
    const map = this.spaces.get(space);
    if (!map) return;
    for (const [key] of map.range(range.start ?? '', range.end)) yield key;
  }

  write(ops: readonly WriteOp[]): void {
    // values come from the pending batch, which gives them up on commit: no copy needed
    for (const op of ops) {
      let map = this.spaces.get(op.space);
      if (!map) {
        map = new SortedMap<unknown>();
        this.spaces.set(op.space, map);
      }
      if (op.value === undefined) map.delete(op.key);
      else map.set(op.key, op.value);
    }
  }

  refresh(): void {
    // one process, one copy of the state: always current
  }

  close(): void {
    this.spaces.clear();
  }
}

/** The store kept in memory, with the same semantics as LmdbStore (for tests of other parts). */
export class MemoryStore extends KvStore {
  constructor(options: KvStoreOptions = {}) {
    super(new MemoryBackend(), options);
  }
}
