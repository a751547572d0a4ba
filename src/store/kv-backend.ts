/**
 * What a store keeps its committed state in: a few ordered key spaces (LMDB named databases, or
 * sorted maps in memory). The store logic (revisions, change log, delayed keys, the pending
 * batch) lives once, in KvStore, over this interface.
 */
import type { KubeObject } from '../api/types.js';
import type { EncodedValue } from './encoded-value.js';

export type Space = 'objects' | 'changes' | 'meta' | 'delayed' | 'delayedIndex' | 'sys';

export const SPACES: readonly Space[] = ['objects', 'changes', 'meta', 'delayed', 'delayedIndex', 'sys'];

/** A key range: start inclusive (undefined: from the first key), end exclusive (undefined: to the last). */
export interface KeyRange {
  start?: string;
  end?: string;
}

export interface KvEntry {
  key: string;
  value: unknown;
}

/** One write of a commit; value undefined deletes the key. */
export interface WriteOp {
  space: Space;
  key: string;
  value: unknown;
}

export interface KvBackend {
  /** The committed value (a fresh copy the caller may mutate), or undefined. */
  get(space: Space, key: string): unknown;
  /** The committed value itself, shared: the caller reads it and never changes it. */
  peek(space: Space, key: string): unknown;
  /** Committed entries in key order, values fresh copies; lazily, so a scan costs what it yields. */
  entries(space: Space, range: KeyRange): Iterable<KvEntry>;
  keys(space: Space, range: KeyRange): Iterable<string>;
  /**
   * The form in which the store keeps an object it puts until the commit writes it, when this
   * backend stores it encoded (LMDB: an Event, event-codec.ts): made at the put, while the object is
   * fresh. Undefined: the object itself. The ops of a commit carry it as it was returned.
   */
  encodePending?(key: string, value: KubeObject): EncodedValue | undefined;
  /** Applies all ops atomically (all or none survive a crash); reads afterwards see them. The backend owns the values from then on. */
  write(ops: readonly WriteOp[]): void;
  /** Makes the next read see the newest committed state (of any process). */
  refresh(): void;
  close(): void;
}
