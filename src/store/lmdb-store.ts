import { chmodSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ABORT, asBinary, type Database } from 'lmdb';
import type { KeyRange, KvBackend, KvEntry, Space, WriteOp } from './kv-backend.js';
import { cloneJson } from '../util/json-clone.js';
import { LruMap } from '../util/lru-map.js';
import { KvStore, type KvStoreOptions } from './kv-store.js';
import { KeyFilter } from './key-filter.js';
import { ensurePrivateDir } from '../util/state-dir.js';
import { FileWriteLock } from './write-lock.js';
import { DICTIONARY_KEY, type Env, type EnvHandle, openEnv } from './lmdb-env.js';
import { objectKey, storedKey } from './event-keys.js';
import { type EventSpans, keepSpans, storedSpans } from './event-spans.js';
import { inStoredOrder, objectEntries, objectKeys } from './lmdb-object-keys.js';
import { objectValue, pendingEvent } from './event-codec.js';
import { EncodedValue } from './encoded-value.js';
import type { KubeObject } from '../api/types.js';

/** The LMDB environment directory inside a cluster directory. */
export const LMDB_DIR = 'data';
/**
 * The lock file, inside a cluster directory, that every process holds while it opens the LMDB
 * environment, commits to it or closes it (see LmdbBackend).
 */
export const LMDB_GATE_FILE = 'lmdb.lock';

/**
 * Most decoded objects kept, the least recently used going first: those of repeated key reads (a
 * namespace per create, a node per kubelet sync) and those of the last commits (see write()).
 * 8,192 held 26 MB of a 30,000-pod scale-up's 130 MB live heap; now that a round creates, binds
 * and starts its pods, few are read back after a checkpoint, and 2,048 took no more time.
 */
const DECODED_CACHE_SIZE = 2048;
/** Point reads of each space other than the objects kept (see LmdbBackend.small). */
const SMALL_CACHE_SIZE = 4096;
/** What LmdbBackend.small keeps for a key that is not stored. */
const ABSENT = Symbol('absent');
/** Events are recorded and rarely read back: not worth keeping decoded (and kept encoded from their put: event-codec.ts). */
const WRITE_ONLY_PREFIX = '/registry/events/';

/**
 * Object-key misses after which the backend builds a filter of the stored keys, so that the rest
 * of its misses cost no LMDB lookup. A miss is what every create costs (the AlreadyExists check):
 * a B-tree descent to a random page, about 5 µs. A scale-up to 30,000 pods makes 150,000 of them
 * (pods and their Events); the scan that builds the filter reads each key once.
 */
const FILTER_AFTER_MISSES = 2048;
/** Keys the filter is sized for: this many times the stored keys, and at least the minimum. */
const FILTER_GROWTH = 4;
const FILTER_MIN_KEYS = 2 ** 18;


/**
 * Entries written after which a commit maps the environment afresh (see LmdbBackend.remap): a long
 * control loop's checkpoints, or a create of thousands of objects; a small command never gets there.
 */
export const REMAP_AFTER_WRITES = 4096;

/** Runs fn holding the gate. */
function gated<T>(gate: FileWriteLock, fn: () => T): T {
  gate.acquireSync();
  try {
    return fn();
  } finally {
    gate.release();
  }
}

/**
 * Committed state in one LMDB environment, one named database per key space. Key reads of objects
 * keep the decoded value, and so do writes, until the next refresh() (when another process may have
 * written), handing out copies: copying is several times cheaper than decoding again.
 *
 * Opening, committing and closing hold a cross-process gate (LMDB_GATE_FILE). LMDB keeps the id
 * of the last commit in its shared lock file, and a read or write transaction starts from the
 * commit that id names. Every process that opens the environment stores there the id it read from
 * the data file, without any lock: a process opening it while another commits can store the id
 * from just before that commit, and the next write transaction then starts from the older state
 * and replaces the commit (seen: one of 20 concurrent applies printed `created` and was gone). And
 * a process that closes the environment last destroys the lock file's mutexes, which one opening
 * it just then goes on to use. The gate keeps those steps apart. A program without the gate may
 * still open the environment, so refresh() also checks that the lock file names the newest commit
 * and, if not, reopens the environment (which sets it right); a commit that would not start from
 * the newest state writes nothing and fails.
 *
 * Commits are plain LMDB (overlappingSync off): flushed and published when transactionSync returns.
 * They run on this thread. Handing the control loop's checkpoints to lmdb-js' write thread (one
 * batch in flight, read back from a layer over it until it settled, the next round running
 * meanwhile) was measured on 0 -> 30,000 pods in 2026-12, 3 interleaved runs: 8.67 s against
 * 9.12 s, but a peak RSS of 315 MB against 288. At the peak, glibc's malloc arenas of the write
 * thread and of the libuv threads that compress the values held 17 MB more (298 MB in all with
 * MALLOC_ARENA_MAX=1, a limit a process cannot set for itself), and this thread's 11 MB more: the
 * encoded values, kept until their commit.
 */
class LmdbBackend implements KvBackend {
  private readonly decoded = new LruMap<string, unknown>(DECODED_CACHE_SIZE);
  /**
   * Point reads of the other spaces (the revision, meta values, the delayed-key index), misses as
   * ABSENT, and this backend's writes of them, until the next refresh(). Every Event created asks
   * the delayed-key index whether its expiry sweep is due already: 121,000 LMDB reads in a
   * 30,000-pod scale-up, answered here by one.
   */
  private readonly small = new Map<Space, LruMap<string, unknown>>();
  /**
   * Every object key of the read snapshot and of this backend's own writes since (see missed()).
   * It lives as long as the decoded values: refresh(), which may show other processes' writes,
   * drops both.
   */
  private filter: KeyFilter | undefined;
  private misses = 0;
  /** Entries committed since the environment was opened (see remap()). */
  private writesSinceOpen = 0;

  private constructor(
    private readonly path: string,
    private readonly gate: FileWriteLock,
    private env: Env,
  ) {}

  static open(path: string, gate: FileWriteLock): LmdbBackend {
    return new LmdbBackend(path, gate, gated(gate, () => openEnv(path)));
  }

  private get dbs(): Record<Space, Database> {
    return this.env.dbs;
  }

  get(space: Space, key: string): unknown {
    const value = this.peek(space, key);
    return value === undefined ? undefined : cloneJson(value);
  }

  peek(space: Space, key: string): unknown {
    if (space !== 'objects') return this.peekSmall(space, key);
    // a key the filter has never seen is not stored, nor kept decoded (what is kept was stored when
    // the filter was built, or added to it when written): most peeks are creates' misses
    if (this.filter && !this.filter.mightHave(key)) return undefined;
    let value = this.decoded.get(key);
    if (value === undefined) {
      value = objectValue(this.dbs[space].get(storedKey(key)));
      if (value === undefined) {
        this.missed();
        return undefined;
      }
      this.decoded.set(key, value);
    }
    return value;
  }

  /** A point read of another space than the objects, kept (a miss too) until the next refresh(). */
  private peekSmall(space: Space, key: string): unknown {
    let values = this.small.get(space);
    if (!values) this.small.set(space, (values = new LruMap(SMALL_CACHE_SIZE)));
    let value = values.get(key);
    if (value === undefined) values.set(key, (value = this.dbs[space].get(key) ?? ABSENT));
    return value === ABSENT ? undefined : value;
  }

  /** Counts a miss; past FILTER_AFTER_MISSES, builds the key filter from a scan of the keys. */
  private missed(): void {
    if (this.filter || ++this.misses < FILTER_AFTER_MISSES) return;
    const keys: string[] = [];
    for (const key of this.dbs.objects.getKeys({})) if (typeof key === 'string') keys.push(objectKey(key));
    const filter = new KeyFilter(Math.max(FILTER_MIN_KEYS, keys.length * FILTER_GROWTH));
    for (const key of keys) filter.add(key);
    this.filter = filter;
  }

  /** An Event of the components' shape is kept encoded from its put (event-codec.ts). */
  encodePending(key: string, value: KubeObject): EncodedValue | undefined {
    return key.startsWith(WRITE_ONLY_PREFIX) ? pendingEvent(value) : undefined;
  }

  *entries(space: Space, range: KeyRange): Generator<KvEntry> {
    const db = this.dbs[space];
    if (space === 'objects') yield* objectEntries(db, range, this.currentSpans);
    else for (const { key, value } of db.getRange({ ...range })) yield { key: key as string, value };
  }

  *keys(space: Space, range: KeyRange): Generator<string> {
    const db = this.dbs[space];
    if (space === 'objects') yield* objectKeys(db, range, this.currentSpans);
    else for (const key of db.getKeys({ ...range })) yield key as string;
  }

  write(ops: readonly WriteOp[]): void {
    gated(this.gate, () => {
      const refused = this.commit(ops);
      if (!refused) {
        this.writesSinceOpen += ops.length;
        if (this.writesSinceOpen >= REMAP_AFTER_WRITES) this.remap();
        return;
      }
      // the batch may have been read from an older state too: write none of it
      this.reopen();
      throw new Error(refused === 'stale'
        ? `LMDB's lock file in ${this.path} named an older commit than the last one (another program opened the store meanwhile); nothing was written, run the command again`
        : `another pocketkube build started compressing the store in ${this.path} with a different dictionary; nothing was written, run the command again`);
    });
    // What was just written is what a read would decode: keep it (the values are ours now), so the
    // control loop reading back the objects of its last checkpoint decodes nothing.
    for (const op of ops) {
      if (op.space !== 'objects') {
        this.small.get(op.space)?.set(op.key, op.value ?? ABSENT);
        continue;
      }
      if (op.value !== undefined) this.filter?.add(op.key);
      if (op.value === undefined || op.key.startsWith(WRITE_ONLY_PREFIX)) this.decoded.delete(op.key);
      else this.decoded.set(op.key, op.value);
    }
    // past its size it answers "maybe" too often: scan again (for a bigger one) after more misses
    if (this.filter?.full) this.dropFilter();
  }

  /**
   * One write transaction of ops; or, writing nothing, why not: it would not start from the newest
   * commit, or the store's dictionary is not this environment's.
   */
  private commit(ops: readonly WriteOp[]): 'stale' | 'dictionary' | undefined {
    const { root } = this.env;
    let refused: 'stale' | 'dictionary' | undefined;
    root.transactionSync(() => {
      refused = !this.startsFromNewest() ? 'stale' : !this.recordDictionary() ? 'dictionary' : undefined;
      if (refused) return ABORT;
      const ordered = inStoredOrder(ops);
      for (const { op, key } of ordered) {
        const db = this.dbs[op.space];
        if (op.value === undefined) db.removeSync(key);
        else db.putSync(key, op.value instanceof EncodedValue ? asBinary(op.value.bytes) : op.value);
      }
      keepSpans(this.dbs.sys, this.dbs.objects, this.env.root.getWriteTxnId(), ordered);
      return true;
    });
    return refused;
  }

  /** The Events' spans when the newest commit stored them (see event-spans.ts), else undefined. */
  private readonly currentSpans = (): EventSpans | undefined => storedSpans(this.dbs.sys, this.newestTxn());

  /**
   * Inside a write transaction: records which dictionary the objects are compressed with, the first
   * time; false when another process recorded a different one meanwhile (a build with a newer
   * dictionary that opened the same new store), so this one writes nothing.
   */
  private recordDictionary(): boolean {
    const { dbs, dictionary } = this.env;
    const recorded = dbs.sys.get(DICTIONARY_KEY) as number | undefined;
    if (recorded === undefined) dbs.sys.putSync(DICTIONARY_KEY, dictionary);
    return recorded === undefined || recorded === dictionary;
  }

  /** Inside a write transaction: whether it starts from the newest commit (see the class comment). */
  private startsFromNewest(): boolean {
    return this.env.root.getWriteTxnId() === this.newestTxn() + 1;
  }

  /** The id of the newest commit, as LMDB's lock file names it. */
  private newestTxn(): number {
    return (this.env.root as unknown as EnvHandle).env.info().lastTxnId;
  }

  /**
   * After a commit, holding the gate: closes the environment and opens it again, keeping what is
   * cached (it is what the newest commit holds: this process wrote it). Every page of the map the
   * process has read stays in its resident memory until the map is unmapped, and a long loop reads
   * most pages of a growing file: the leaf pages its writes land on (a scale-up's pods have random
   * names), the objects it reads back. Measured on 0 → 30,000 pods in 2026-12, 3 interleaved runs:
   * the map's share of the resident memory stayed at its size after the first checkpoint instead of
   * growing by 45 MB, and the peak was 287–294 MB against 302–309 MB, in no more time.
   */
  private remap(): void {
    this.writesSinceOpen = 0;
    void this.env.root.close();
    this.env = openEnv(this.path);
  }

  /** Closes and opens the environment again, which makes LMDB's lock file name the newest commit. */
  private reopen(): void {
    void this.env.root.close();
    this.env = openEnv(this.path);
    this.writesSinceOpen = 0;
    // what was kept may be older than what the reopened environment shows
    this.decoded.clear();
    this.small.clear();
    this.dropFilter();
  }

  refresh(): void {
    this.decoded.clear();
    this.small.clear();
    this.dropFilter();
    // reads start from the commit LMDB's lock file names, as writes do: look at it (in a write
    // transaction that writes nothing) and set it right if it is behind
    let current = true;
    this.env.root.transactionSync(() => {
      current = this.startsFromNewest();
      return ABORT;
    });
    if (!current) gated(this.gate, () => this.reopen());
    this.env.root.resetReadTxn();
  }

  private dropFilter(): void {
    this.filter = undefined;
    this.misses = 0;
  }

  close(): void {
    const { root } = this.env;
    this.gate.acquireSync();
    const closing = root.close();
    // lmdb-js closes at once unless a read is under way; then it closes when that read ends
    if ((root as { status?: string }).status === 'closed') this.gate.release();
    else void closing.finally(() => this.gate.release());
  }
}

/**
 * The store on disk: an LMDB environment in `<dir>/data`. A commit is one LMDB write
 * transaction, so a process killed at any point leaves the last committed state, every object
 * whole. Several processes may open the same directory; writers serialise on the cluster's
 * write lock (FileWriteLock) and call refresh() after taking it.
 */
export class LmdbStore extends KvStore {
  private constructor(backend: KvBackend, options: KvStoreOptions) {
    super(backend, options);
  }

  static open(dir: string, options: KvStoreOptions = {}): LmdbStore {
    ensurePrivateDir(dir);
    const path = join(dir, LMDB_DIR);
    ensurePrivateDir(path);
    const backend = LmdbBackend.open(path, new FileWriteLock(dir, LMDB_GATE_FILE));
    for (const file of readdirSync(path)) chmodSync(join(path, file), 0o600);
    return new LmdbStore(backend, options);
  }
}
