import { chmodSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { open, type Database, type RootDatabase } from 'lmdb';
import type { KeyRange, KvBackend, KvEntry, Space, WriteOp } from './kv-backend.js';
import { SPACES } from './kv-backend.js';
import { cloneJson } from './json-clone.js';
import { KvStore, type KvStoreOptions } from './kv-store.js';
import { ensurePrivateDir } from '../util/state-dir.js';

/** The LMDB environment directory inside a cluster directory. */
export const LMDB_DIR = 'data';

/** Most decoded objects kept for repeated key reads (a namespace per create, a node per kubelet sync). */
const DECODED_CACHE_SIZE = 4096;

/**
 * Committed state in one LMDB environment, one named database per key space. Key reads of objects
 * keep the decoded value (until the next refresh or write), handing out copies: copying is several
 * times cheaper than decoding again.
 */
class LmdbBackend implements KvBackend {
  private decoded = new Map<string, unknown>();

  private constructor(
    private readonly root: RootDatabase,
    private readonly dbs: Record<Space, Database>,
  ) {}

  static open(path: string): LmdbBackend {
    const root = open({ path, noSubdir: false, maxDbs: 16 });
    const dbs = {} as Record<Space, Database>;
    for (const space of SPACES) dbs[space] = root.openDB({ name: space });
    return new LmdbBackend(root, dbs);
  }

  get(space: Space, key: string): unknown {
    if (space !== 'objects') return this.dbs[space].get(key);
    let value = this.decoded.get(key);
    if (value === undefined) {
      value = this.dbs[space].get(key);
      if (value === undefined) return undefined;
      if (this.decoded.size >= DECODED_CACHE_SIZE) this.decoded = new Map();
      this.decoded.set(key, value);
    }
    return cloneJson(value);
  }

  *entries(space: Space, range: KeyRange): Generator<KvEntry> {
    for (const { key, value } of this.dbs[space].getRange(range)) yield { key: key as string, value };
  }

  *keys(space: Space, range: KeyRange): Generator<string> {
    for (const key of this.dbs[space].getKeys(range)) yield key as string;
  }

  write(ops: readonly WriteOp[]): void {
    this.decoded = new Map();
    this.root.transactionSync(() => {
      for (const op of ops) {
        const db = this.dbs[op.space];
        if (op.value === undefined) db.removeSync(op.key);
        else db.putSync(op.key, op.value);
      }
    });
  }

  refresh(): void {
    this.decoded = new Map();
    this.root.resetReadTxn();
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
