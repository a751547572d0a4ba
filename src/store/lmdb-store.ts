import { chmodSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { open, type Database, type RootDatabase } from 'lmdb';
import type { KeyRange, KvBackend, KvEntry, Space, WriteOp } from './kv-backend.js';
import { SPACES } from './kv-backend.js';
import { cloneJson } from '../util/json-clone.js';
import { LruMap } from '../util/lru-map.js';
import { KvStore, type KvStoreOptions } from './kv-store.js';
import { KeyFilter } from './key-filter.js';
import { ensurePrivateDir } from '../util/state-dir.js';

/** The LMDB environment directory inside a cluster directory. */
export const LMDB_DIR = 'data';

/**
 * Address space reserved for the map (not disk: the file grows as data does). Big enough that the
 * map is never remapped as the database grows; each remap left the old mapping's pages resident,
 * which more than doubled the memory a large scale-up took.
 */
const MAP_SIZE = 2 ** 36;

/**
 * Most decoded objects kept, the least recently used going first: those of repeated key reads (a
 * namespace per create, a node per kubelet sync) and those of the last commits (see write()).
 */
const DECODED_CACHE_SIZE = 8192;
/** Events are recorded and rarely read back: not worth keeping decoded. */
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
 * Where the objects database keeps its shared msgpack structures (the key lists of the object
 * shapes it has seen). A symbol: range reads over string keys never meet it.
 */
const STRUCTURES_KEY = Symbol.for('structures');
/**
 * Most shapes shared (msgpackr's default is 32; a pod alone has about 30 nested shapes). Past
 * this, a value carries its own new shapes inline: still correct, only larger.
 */
const MAX_SHARED_STRUCTURES = 1024;

/**
 * Committed state in one LMDB environment, one named database per key space. Key reads of objects
 * keep the decoded value, and so do writes, until the next refresh() (when another process may have
 * written), handing out copies: copying is several times cheaper than decoding again.
 */
class LmdbBackend implements KvBackend {
  private readonly decoded = new LruMap<string, unknown>(DECODED_CACHE_SIZE);
  /**
   * Every object key of the read snapshot and of this backend's own writes since (see missed()).
   * It lives as long as the decoded values: refresh(), which may show other processes' writes,
   * drops both.
   */
  private filter: KeyFilter | undefined;
  private misses = 0;

  private constructor(
    private readonly root: RootDatabase,
    private readonly dbs: Record<Space, Database>,
  ) {}

  static open(path: string): LmdbBackend {
    // overlappingSync (lmdb-js's default off Windows) lets a commit return before it is flushed and
    // publishes it in steps; with one short-lived process after another taking the write lock, one
    // of 20 concurrent applies once vanished although it had printed `created`. A commit here is
    // plain LMDB: flushed and published when transactionSync returns, before the lock is released.
    const root = open({ path, noSubdir: false, maxDbs: 16, mapSize: MAP_SIZE, overlappingSync: false });
    const dbs = {} as Record<Space, Database>;
    for (const space of SPACES) if (space !== 'objects') dbs[space] = root.openDB({ name: space });
    // Objects are stored as msgpack records: each shape's keys once in the shared structures, not
    // in every value. That halves the bytes of a pod or an event, so the map holds, writes and
    // pages in half as much, and encoding and decoding are faster too. Values written before
    // carry their shapes inline (lmdb's default records), which a shared-structures decoder reads.
    // (lmdb hands maxSharedStructures on to msgpackr; its typings do not list it.)
    const objectsOptions = { name: 'objects', sharedStructuresKey: STRUCTURES_KEY, maxSharedStructures: MAX_SHARED_STRUCTURES };
    dbs.objects = root.openDB(objectsOptions);
    return new LmdbBackend(root, dbs);
  }

  get(space: Space, key: string): unknown {
    if (space !== 'objects') return this.dbs[space].get(key);
    const value = this.peek(space, key);
    return value === undefined ? undefined : cloneJson(value);
  }

  peek(space: Space, key: string): unknown {
    if (space !== 'objects') return this.dbs[space].get(key);
    let value = this.decoded.get(key);
    if (value === undefined) {
      if (this.filter && !this.filter.mightHave(key)) return undefined;
      value = this.dbs[space].get(key);
      if (value === undefined) {
        this.missed();
        return undefined;
      }
      this.decoded.set(key, value);
    }
    return value;
  }

  /** Counts a miss; past FILTER_AFTER_MISSES, builds the key filter from a scan of the keys. */
  private missed(): void {
    if (this.filter || ++this.misses < FILTER_AFTER_MISSES) return;
    const keys: string[] = [];
    for (const key of this.dbs.objects.getKeys({})) if (typeof key === 'string') keys.push(key);
    const filter = new KeyFilter(Math.max(FILTER_MIN_KEYS, keys.length * FILTER_GROWTH));
    for (const key of keys) filter.add(key);
    this.filter = filter;
  }

  *entries(space: Space, range: KeyRange): Generator<KvEntry> {
    for (const { key, value } of this.dbs[space].getRange(range)) yield { key: key as string, value };
  }

  *keys(space: Space, range: KeyRange): Generator<string> {
    for (const key of this.dbs[space].getKeys(range)) yield key as string;
  }

  write(ops: readonly WriteOp[]): void {
    this.root.transactionSync(() => {
      for (const op of ops) {
        const db = this.dbs[op.space];
        if (op.value === undefined) db.removeSync(op.key);
        else db.putSync(op.key, op.value);
      }
    });
    // What was just written is what a read would decode: keep it (the values are ours now), so the
    // control loop reading back the objects of its last checkpoint decodes nothing.
    for (const op of ops) {
      if (op.space !== 'objects') continue;
      if (op.value !== undefined) this.filter?.add(op.key);
      if (op.value === undefined || op.key.startsWith(WRITE_ONLY_PREFIX)) this.decoded.delete(op.key);
      else this.decoded.set(op.key, op.value);
    }
    // past its size it answers "maybe" too often: scan again (for a bigger one) after more misses
    if (this.filter?.full) this.dropFilter();
  }

  refresh(): void {
    this.decoded.clear();
    this.dropFilter();
    this.root.resetReadTxn();
  }

  private dropFilter(): void {
    this.filter = undefined;
    this.misses = 0;
  }

  close(): void {
    void this.root.close();
  }
}

/**
 * The store on disk: an LMDB environment in `<dir>/data`. A commit is one LMDB write
 * transaction, so a process killed at any point leaves the last committed state, every object
 * whole. Several processes may open the same directory; writers serialise on the cluster's
 * FileWriteLock and call refresh() after taking it.
 */
export class LmdbStore extends KvStore {
  private constructor(backend: KvBackend, options: KvStoreOptions) {
    super(backend, options);
  }

  static open(dir: string, options: KvStoreOptions = {}): LmdbStore {
    ensurePrivateDir(dir);
    const path = join(dir, LMDB_DIR);
    ensurePrivateDir(path);
    const backend = LmdbBackend.open(path);
    for (const file of readdirSync(path)) chmodSync(join(path, file), 0o600);
    return new LmdbStore(backend, options);
  }
}
