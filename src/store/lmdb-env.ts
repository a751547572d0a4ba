/**
 * The LMDB environment of a store: its named databases, one per key space, and how the objects
 * database stores its values (shared msgpack structures, LZ4 against the store's dictionary).
 * LmdbBackend (lmdb-store.ts) opens it through openEnv().
 */
import { open, type Database, type RootDatabase } from 'lmdb';
import type { Space } from './kv-backend.js';
import { SPACES } from './kv-backend.js';
import { lz4Dictionary, NEWEST_DICTIONARY } from './lz4-dictionary.js';

/**
 * Address space reserved for the map (not disk: the file grows as data does). Big enough that the
 * map is never remapped as the database grows; each remap left the old mapping's pages resident,
 * which more than doubled the memory a large scale-up took.
 */
const MAP_SIZE = 2 ** 36;

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
 * Object values from this many bytes on are stored LZ4-compressed against a dictionary of words
 * objects share (lz4-dictionary.ts): a pod of a scale-up from 1,045 bytes to 561, a node from
 * 1,016 to 471. The map's pages a process touches are as many as the file has (random names spread
 * the writes over every leaf), so a smaller file is that much less memory. Shorter values are
 * stored as they are: lmdb-js resets an LZ4 stream and loads the dictionary for every value it
 * compresses, about 4 µs, more than the put of a short value costs otherwise, and Events (378
 * bytes; 242 compressed) are written in creation order and rarely read, so their pages are
 * written once and not mapped again. Measured on 0 → 30,000 pods (121,000 Events) in 2026-12, 3
 * interleaved runs: 12.1 s against 12.6 s from 64 bytes on, the same peak RSS (284 / 286 MB), the
 * file 105 MB against 86. lmdb-js marks a compressed value by its first byte (254 or 255),
 * compresses any value that would start with one, and reads the others as they are, so stores
 * written with another threshold need no migration; older pocketkube builds cannot read the
 * compressed values.
 */
const COMPRESS_FROM_BYTES = 512;
/** The `sys` key naming the dictionary this store's values are compressed with. */
export const DICTIONARY_KEY = 'lz4Dictionary';

/** What lmdb-js keeps of the environment (not in its typings): its info names the newest commit. */
export interface EnvHandle {
  env: { info(): { lastTxnId: number } };
}

/** The environment and its named databases, one per key space. */
export interface Env {
  root: RootDatabase;
  dbs: Record<Space, Database>;
  /** The LZ4 dictionary (lz4-dictionary.ts) the objects are compressed with. */
  dictionary: number;
}

export function openEnv(path: string): Env {
  const root = open({ path, noSubdir: false, maxDbs: 16, mapSize: MAP_SIZE, overlappingSync: false });
  const dbs = {} as Record<Space, Database>;
  for (const space of SPACES) if (space !== 'objects') dbs[space] = root.openDB({ name: space });
  // the store's own dictionary; a store that has none recorded yet gets the newest at its next commit
  const dictionary = (dbs.sys.get(DICTIONARY_KEY) as number | undefined) ?? NEWEST_DICTIONARY;
  const bytes = lz4Dictionary(dictionary);
  if (!bytes) {
    void root.close();
    throw new Error(`the store in ${path} was written by a newer pocketkube (its values are compressed with LZ4 dictionary ${dictionary}, which this one does not know)`);
  }
  // Objects are stored as msgpack records: each shape's keys once in the shared structures, not
  // in every value. That halves the bytes of a pod or an event, so the map holds, writes and
  // pages in half as much, and encoding and decoding are faster too. Values written before
  // carry their shapes inline (lmdb's default records), which a shared-structures decoder reads.
  // (lmdb hands maxSharedStructures on to msgpackr; its typings do not list it.)
  const objectsOptions = {
    name: 'objects', sharedStructuresKey: STRUCTURES_KEY, maxSharedStructures: MAX_SHARED_STRUCTURES,
    compression: { threshold: COMPRESS_FROM_BYTES, dictionary: bytes },
  };
  dbs.objects = root.openDB(objectsOptions);
  return { root, dbs, dictionary };
}
