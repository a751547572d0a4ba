import type { KubeObject } from '../api/types.js';
import { cloneJson } from '../util/json-clone.js';
import { compareKeys, prefixEnd } from './key-order.js';
import type { KeyRange, KvBackend } from './kv-backend.js';
import { Overlay } from './overlay.js';
import type { ChangeRecord, DelayedKey, Store } from './store.js';

/** How many change-log entries are kept (older ones are compacted away at commit). */
export const DEFAULT_CHANGE_LOG_RETAIN = 100_000;

export interface KvStoreOptions {
  /** Change-log entries to keep; older ones are dropped at commit (default 100,000). */
  changeLogRetain?: number;
}

/**
 * The change log is kept in chunks: one entry per run of consecutive revisions, keyed by the run's
 * last revision, each change written as its type's letter followed by the key. One LMDB entry per
 * write doubled the entries a commit writes; a chunk costs one.
 */
interface StoredChunk {
  /** The revision of changes[0]; the others follow one by one. */
  first: number;
  /** `p/registry/…` (put) or `d/registry/…` (delete). */
  changes: string[];
}

/** How written before chunks: one entry per revision, keyed by it (still read). */
interface LegacyChange {
  key: string;
  type: ChangeRecord['type'];
}

/** Most changes in one chunk (a watch from a recent revision decodes at most this many). */
const CHUNK = 512;

const encodeChange = (type: ChangeRecord['type'], key: string) => (type === 'put' ? 'p' : 'd') + key;
const decodeChange = (revision: number, c: string): ChangeRecord => ({ revision, key: c.slice(1), type: c[0] === 'p' ? 'put' : 'delete' });

/** Fixed-width decimal so that key order is numeric order. */
function seqKey(n: number): string {
  return String(Math.max(0, Math.floor(n))).padStart(16, '0');
}

/**
 * The store's semantics, written once over any KvBackend: objects keyed etcd-style, a global
 * revision bumped by every put/delete, a change log (chunks of consecutive revisions), small meta values, and
 * delayed keys. Every write lands in the pending batch (Overlay) until commit().
 */
export class KvStore implements Store {
  private readonly overlay: Overlay;
  private readonly retain: number;
  /** Whether the backend's view is this store's own last commit (see commit()). */
  private ownView = false;
  /** See epoch(). */
  private epochCount = 0;
  /** The batch's changes (written to the change log as chunks at commit), from revision pendingFirst. */
  private pendingChanges: string[] = [];
  private pendingFirst = 0;
  /**
   * Delayed keys sorting below this one were all taken in this batch: reads of the queue start here,
   * not at the pending deletes of the keys taken. (A long `cluster advance` takes thousands before
   * it commits, and every nextDue() and takeDue() stepped over each of them: 100,000 steps took
   * 100 s instead of 10.)
   */
  private takenBelow = '';

  constructor(
    private readonly backend: KvBackend,
    options: KvStoreOptions = {},
  ) {
    this.overlay = new Overlay(backend);
    this.retain = Math.max(1, options.changeLogRetain ?? DEFAULT_CHANGE_LOG_RETAIN);
  }

  revision(): number {
    return (this.overlay.peek('sys', 'revision') as number | undefined) ?? 0;
  }

  /** The newest revision dropped from the change log (0 when nothing was dropped). */
  compactedRevision(): number {
    return (this.overlay.peek('sys', 'compacted') as number | undefined) ?? 0;
  }

  get(key: string): KubeObject | undefined {
    return this.overlay.get('objects', key) as KubeObject | undefined;
  }

  peek(key: string): Readonly<KubeObject> | undefined {
    return this.overlay.peek('objects', key) as KubeObject | undefined;
  }

  range(prefix: string): KubeObject[] {
    const out: KubeObject[] = [];
    for (const e of this.overlay.entries('objects', { start: prefix, end: prefixEnd(prefix) })) {
      out.push(e.value as KubeObject);
    }
    return out;
  }

  keys(prefix: string): string[] {
    return [...this.overlay.keys('objects', { start: prefix, end: prefixEnd(prefix) })];
  }

  put(key: string, obj: KubeObject, expectedResourceVersion?: string, share = false, ownMetadata = false): KubeObject | undefined {
    this.beginWrite();
    if (expectedResourceVersion !== undefined) {
      const current = this.overlay.peek('objects', key) as KubeObject | undefined;
      if (current?.metadata?.resourceVersion !== expectedResourceVersion) return undefined;
    }
    const revision = this.bump(key, 'put');
    // the store takes obj over (Store.put): no copy on the way in, one for the caller on the way
    // out unless the caller shares the stored object read-only
    const stored = obj;
    // a metadata object that may be a stored version's too gets a copy (a create's is its own:
    // 150,000 copies fewer in a 30,000-pod scale-up, pods and Events)
    if (ownMetadata && stored.metadata) stored.metadata.resourceVersion = String(revision);
    else stored.metadata = { ...(stored.metadata ?? {}), resourceVersion: String(revision) };
    this.overlay.set('objects', key, this.backend.encodePending?.(key, stored) ?? stored);
    return share ? stored : cloneJson(stored);
  }

  delete(key: string): KubeObject | undefined {
    this.beginWrite();
    const current = this.overlay.get('objects', key) as KubeObject | undefined;
    if (current === undefined) return undefined;
    this.bump(key, 'delete');
    this.overlay.remove('objects', key);
    return current;
  }

  changesSince(since: number, limit?: number): ChangeRecord[] {
    const out: ChangeRecord[] = [];
    const max = limit ?? Number.POSITIVE_INFINITY;
    if (max <= 0) return out;
    const from = Number.isFinite(since) ? Math.max(0, Math.floor(since)) : 0;
    // the chunk holding revision from+1 is the first whose last revision is at or after it
    for (const { key, value } of this.overlay.entries('changes', { start: seqKey(from + 1) })) {
      const chunk = value as StoredChunk | LegacyChange;
      if ('changes' in chunk) {
        for (let i = Math.max(0, from + 1 - chunk.first); i < chunk.changes.length && out.length < max; i++) {
          out.push(decodeChange(chunk.first + i, chunk.changes[i]!));
        }
      } else {
        out.push({ revision: Number(key), key: chunk.key, type: chunk.type });
      }
      if (out.length >= max) return out;
    }
    for (let i = Math.max(0, from + 1 - this.pendingFirst); i < this.pendingChanges.length && out.length < max; i++) {
      out.push(decodeChange(this.pendingFirst + i, this.pendingChanges[i]!));
    }
    return out;
  }

  getMeta<T>(name: string): T | undefined {
    return this.overlay.get('meta', name) as T | undefined;
  }

  setMeta(name: string, value: unknown): void {
    this.beginWrite();
    if (value === undefined) this.overlay.remove('meta', name);
    else this.overlay.set('meta', name, cloneJson(value));
  }

  addDelayed(item: DelayedKey): void {
    if (item.queue.includes('/')) throw new Error(`delayed queue name must not contain "/": ${item.queue}`);
    if (!Number.isFinite(item.due)) throw new Error(`delayed key ${item.queue}/${item.key} has no valid due time`);
    this.beginWrite();
    const indexKey = `${item.queue}/${item.key}`;
    const existing = this.overlay.peek('delayedIndex', indexKey) as number | undefined;
    if (existing !== undefined) {
      if (existing <= item.due) return;
      this.overlay.remove('delayed', `${seqKey(existing)}/${indexKey}`);
    }
    const key = `${seqKey(item.due)}/${indexKey}`;
    if (compareKeys(key, this.takenBelow) < 0) this.takenBelow = key;
    this.overlay.set('delayed', key, { due: item.due, queue: item.queue, key: item.key });
    this.overlay.set('delayedIndex', indexKey, item.due);
  }

  takeDue(now: number): DelayedKey[] {
    this.beginWrite();
    const end = seqKey(Math.floor(now) + 1);
    const due = [...this.overlay.entries('delayed', this.dueRange(end))];
    if (compareKeys(end, this.takenBelow) > 0) this.takenBelow = end;
    return due.map(({ key, value }) => {
      const item = value as DelayedKey;
      this.overlay.remove('delayed', key);
      this.overlay.remove('delayedIndex', `${item.queue}/${item.key}`);
      return item;
    });
  }

  nextDue(): number | undefined {
    for (const { value } of this.overlay.entries('delayed', this.dueRange())) return (value as DelayedKey).due;
    return undefined;
  }

  /** The delayed keys not yet taken, up to `end`. */
  private dueRange(end?: string): KeyRange {
    const range: KeyRange = end === undefined ? {} : { end };
    if (this.takenBelow !== '') range.start = this.takenBelow;
    return range;
  }

  commit(): void {
    if (this.overlay.empty) {
      this.refresh();
      return;
    }
    this.writeChanges();
    this.compactChangeLog();
    this.backend.write(this.overlay.ops());
    this.clearBatch();
    // the backend now shows exactly what this store wrote; the writer holds the lock, so nobody
    // else can have written since (a new holder of the lock calls refresh() first)
    this.ownView = true;
  }

  rollback(): void {
    this.clearBatch();
    this.refresh();
  }

  epoch(): number {
    return this.epochCount;
  }

  dirty(): boolean {
    return !this.overlay.empty;
  }

  pendingWrites(): number {
    // each change counts as the entry it was before chunks (keeps CHECKPOINT_WRITES' measure)
    return this.overlay.size + this.pendingChanges.length;
  }

  /** Makes reads see the newest state committed by any process (the pending batch stays). */
  refresh(): void {
    this.epochCount++;
    this.ownView = false;
    this.takenBelow = '';
    this.backend.refresh();
  }

  close(): void {
    this.clearBatch();
    this.backend.close();
  }

  /** A new batch reads the newest committed state before it writes on top of it (refreshing marks nothing dirty). */
  private beginWrite(): void {
    if (this.overlay.empty && !this.ownView) this.refresh();
  }

  private bump(key: string, type: ChangeRecord['type']): number {
    const revision = this.revision() + 1;
    this.overlay.set('sys', 'revision', revision);
    if (this.pendingChanges.length === 0) this.pendingFirst = revision;
    this.pendingChanges.push(encodeChange(type, key));
    return revision;
  }

  private clearBatch(): void {
    this.overlay.clear();
    this.takenBelow = '';
    this.pendingChanges = [];
  }

  /** Moves the batch's changes into the pending batch as chunks (at commit). */
  private writeChanges(): void {
    const changes = this.pendingChanges;
    for (let i = 0; i < changes.length; i += CHUNK) {
      const part = changes.slice(i, i + CHUNK);
      const first = this.pendingFirst + i;
      this.overlay.set('changes', seqKey(first + part.length - 1), { first, changes: part } satisfies StoredChunk);
    }
    this.pendingChanges = [];
  }

  /**
   * Drops change-log entries older than the newest `retain` ones, within this batch: whole chunks
   * before the cutoff, and the older part of the chunk that straddles it.
   */
  private compactChangeLog(): void {
    const cutoff = this.revision() - this.retain;
    if (cutoff <= this.compactedRevision()) return;
    const old = [...this.overlay.keys('changes', { end: seqKey(cutoff + 1) })];
    for (const key of old) this.overlay.remove('changes', key);
    for (const { key, value } of this.overlay.entries('changes', { start: seqKey(cutoff + 1) })) {
      const chunk = value as StoredChunk | LegacyChange;
      if ('changes' in chunk && chunk.first <= cutoff) {
        this.overlay.set('changes', key, { first: cutoff + 1, changes: chunk.changes.slice(cutoff + 1 - chunk.first) } satisfies StoredChunk);
      }
      break;
    }
    this.overlay.set('sys', 'compacted', cutoff);
  }
}
