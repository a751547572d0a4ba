/**
 * The objects database's keys as LmdbBackend reads and writes them: object keys outside, LMDB keys
 * (event-keys.ts: Events stored in creation order) inside.
 */
import type { Database } from 'lmdb';
import type { KeyRange, KvEntry, WriteOp } from './kv-backend.js';
import { inRange, mergeByKey, objectKey, orderedRange, plainRange, rangeNamespace, sortByKey, storedKey, storedKeysIn } from './event-keys.js';
import type { EventSpans } from './event-spans.js';
import { objectValue } from './event-codec.js';

/**
 * Most Events stored in creation order that a range read of one namespace reads one by one; past
 * this, a sequential read of all of them, dropping the other namespaces', is faster.
 */
const READ_ONE_BY_ONE = 4096;

/**
 * The Events' spans (event-spans.ts) when they are current, asked for only by a read of one
 * namespace's Events, which they narrow.
 */
export type SpansSource = () => EventSpans | undefined;

/** The committed object entries in range, in key order (values fresh copies). */
export function* objectEntries(db: Database, range: KeyRange, spans?: SpansSource): Generator<KvEntry> {
  const plain = plainRange(range);
  const stored = plain ? db.getRange(plain).map(({ key, value }) => ({ key: key as string, value: objectValue(value) })) : [];
  yield* mergeByKey(stored, orderedEntries(db, range, spans), (e) => e.key);
}

/** The committed object keys in range, in key order. */
export function* objectKeys(db: Database, range: KeyRange, spans?: SpansSource): Generator<string> {
  const plain = plainRange(range);
  const stored = plain ? db.getKeys(plain).map((key) => key as string) : [];
  const ordered = sortByKey(orderedKeys(db, range, spans).map((s) => ({ key: objectKey(s) })));
  yield* mergeByKey(stored, ordered.map((e) => e.key), (key) => key);
}

/**
 * The LMDB range that holds the Events in range stored in creation order: all of them, or, for a
 * range inside one namespace with spans known, that namespace's span; undefined when none can be
 * in range.
 */
function orderedReadRange(range: KeyRange, spans: SpansSource | undefined): KeyRange | undefined {
  const ordered = orderedRange(range);
  const ns = ordered && spans ? rangeNamespace(range) : undefined;
  const known = ns === undefined ? undefined : spans!();
  return known ? known.range(ns!) : ordered;
}

/** The LMDB keys of the Events in range stored in creation order, in LMDB order. */
function orderedKeys(db: Database, range: KeyRange, spans: SpansSource | undefined): string[] {
  const read = orderedReadRange(range, spans);
  return read ? keysIn(db, read, range) : [];
}

/** Of the LMDB keys in read, those whose object keys are in range. */
function keysIn(db: Database, read: KeyRange, range: KeyRange): string[] {
  // lmdb-js writes its options into the range it is given: it gets a copy
  return storedKeysIn(db.getKeys({ ...read }).map((key) => key as string), range);
}

/**
 * Their entries, in key order (every reader of object entries reads them all: KvStore.range).
 * Those of one namespace are found by their keys and read one by one when they are few; else all
 * in the read range are read in LMDB order, page after page, and those out of range dropped.
 */
function orderedEntries(db: Database, range: KeyRange, spans: SpansSource | undefined): KvEntry[] {
  const read = orderedReadRange(range, spans);
  if (!read) return [];
  const out: KvEntry[] = [];
  const few = rangeNamespace(range) === undefined ? undefined : keysIn(db, read, range);
  if (few && few.length <= READ_ONE_BY_ONE) {
    for (const stored of few) {
      const value = db.get(stored);
      if (value !== undefined) out.push({ key: objectKey(stored), value: objectValue(value) });
    }
  } else {
    for (const { key: stored, value } of db.getRange({ ...read /* a copy, as in keysIn */ })) {
      const key = objectKey(stored as string);
      if (inRange(key, range)) out.push({ key, value: objectValue(value) });
    }
  }
  return sortByKey(out);
}

/**
 * The ops of a commit with their LMDB keys, in LMDB key order: Events stored in creation order
 * then append to the last pages one after another, which LMDB packs full, rather than splitting
 * them in halves.
 */
export function inStoredOrder(ops: readonly WriteOp[]): { op: WriteOp; key: string }[] {
  const out = ops.map((op) => ({ op, key: op.space === 'objects' ? storedKey(op.key) : op.key }));
  // plain string order: the order of the puts only decides how pages fill, never what is stored
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
