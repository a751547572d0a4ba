import type { KeyRange } from './kv-backend.js';
import { compareKeys, isPlainKey } from './key-order.js';

/**
 * Where LMDB keeps Events. The recorder names an Event `<object>.<27 hex>`, the first 15 digits
 * being the creation order of the object it is about (api/uid.ts) and the other 12 a digest of
 * what it says. Stored under their API keys (`/registry/events/<ns>/<object>.<hex>`), a
 * scale-up's Events would land on random pages (object names are random), and every commit would
 * copy and rewrite a page per Event: the map then touches every page of the file (117 MB of a
 * 30,000-pod scale-up's 350 MB peak). So such an Event is stored under `~<27 hex>/<ns>/<object>`
 * instead: after every `/registry/…` key, in the order the objects were created, where new
 * Events append to the last pages (the map of that scale-up: 50 MB). The mapping is one-to-one and
 * depends on the key alone; other Event names keep their API key.
 *
 * The price is in range reads that include Events: the keys of those stored in order are scanned
 * whole, and the ones in range sorted back into key order (a list of a small namespace's Events
 * in a cluster with 120,000 of them: about 0.1 s more).
 */
const EVENTS = '/registry/events/';
const EVENTS_END = '/registry/events0';
/** Hex digits after the dot of a name stored in order (api/uid.ts's 15, then 12 of a digest). */
export const ORDERED_SUFFIX_DIGITS = 27;
/** The first character of a key stored in order: after the `/` every API key starts with. */
const ORDERED = '~';
const ORDERED_END = '\u007f';
/** Where the namespace starts in a key stored in order: after `~`, the digits and a `/`. */
const NAMESPACE_AT = 1 + ORDERED_SUFFIX_DIGITS + 1;

/**
 * The LMDB key of an object key: `/registry/events/<ns>/<object>.<27 hex>` (the namespace the
 * first path segment, the object the rest up to the dot before the last 27 characters, which are
 * lowercase hex digits) becomes `~<27 hex>/<ns>/<object>`. Taken apart by hand, as the regular
 * expression `^/registry/events/([^/]+)/(.+)\.([0-9a-f]{27})$` would: a commit maps every Event of
 * its batch, and that expression's match arrays were 25 MB of a 30,000-pod scale-up's garbage.
 */
export function storedKey(key: string): string {
  if (!key.startsWith(EVENTS)) return key;
  const dot = key.length - 1 - ORDERED_SUFFIX_DIGITS;
  const slash = key.indexOf('/', EVENTS.length);
  // a namespace, a name (not empty, not across lines, as `.+` reads), the dot, the digits
  if (slash <= EVENTS.length || dot <= slash + 1 || key.charCodeAt(dot) !== DOT) return key;
  for (let i = dot + 1; i < key.length; i++) if (!isLowerHex(key.charCodeAt(i))) return key;
  const name = key.slice(slash + 1, dot);
  if (LINE_TERMINATOR.test(name)) return key;
  return `${ORDERED}${key.slice(dot + 1)}/${key.slice(EVENTS.length, slash)}/${name}`;
}

const DOT = 0x2e;
/** What `.` in a regular expression does not match. */
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

function isLowerHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66);
}

/** The object key of an LMDB key (storedKey's inverse). */
export function objectKey(stored: string): string {
  if (!isOrdered(stored)) return stored;
  const slash = stored.indexOf('/', NAMESPACE_AT);
  return `${EVENTS}${stored.slice(NAMESPACE_AT, slash)}/${stored.slice(slash + 1)}.${stored.slice(1, NAMESPACE_AT - 1)}`;
}

/** Whether an LMDB key is one stored in order. */
export function isOrdered(stored: string): boolean {
  return stored.startsWith(ORDERED);
}

/** The namespace of an LMDB key stored in order. */
export function orderedNamespace(stored: string): string {
  return stored.slice(NAMESPACE_AT, stored.indexOf('/', NAMESPACE_AT));
}

/** The 27 digits of an LMDB key stored in order. */
export function orderedDigits(stored: string): string {
  return stored.slice(1, NAMESPACE_AT - 1);
}

/** The LMDB range of the keys stored as they are: range, short of the keys stored in order (undefined: none). */
export function plainRange(range: KeyRange): KeyRange | undefined {
  if (range.start !== undefined && compareKeys(range.start, ORDERED) >= 0) return undefined;
  return { start: range.start, end: range.end === undefined || compareKeys(range.end, ORDERED) > 0 ? ORDERED : range.end };
}

/**
 * The LMDB range of all keys stored in order: a new object each time, as lmdb-js writes its
 * options into the object a read is given (getKeys sets `values: false`).
 */
export function allOrderedRange(): KeyRange {
  return { start: ORDERED, end: ORDERED_END };
}

/** The LMDB range of all keys stored in order, or undefined when range holds no Event key. */
export function orderedRange(range: KeyRange): KeyRange | undefined {
  const { start, end } = range;
  const holdsEvents = (start === undefined || compareKeys(start, EVENTS_END) < 0) && (end === undefined || compareKeys(end, EVENTS) > 0);
  return holdsEvents ? allOrderedRange() : undefined;
}

/**
 * Of the keys stored in order (LMDB keys, in LMDB order), those whose object keys are within range,
 * in the same order. A range inside one namespace (what a list of a namespace's Events asks for)
 * passes over the other namespaces' keys without building their object keys.
 */
export function storedKeysIn(stored: Iterable<string>, range: KeyRange): string[] {
  const ns = rangeNamespace(range);
  const out: string[] = [];
  for (const s of stored) {
    if (ns !== undefined && !(s.startsWith(ns, NAMESPACE_AT) && s.charCodeAt(NAMESPACE_AT + ns.length) === SLASH)) continue;
    if (inRange(objectKey(s), range)) out.push(s);
  }
  return out;
}

/** Whether key is within range. */
export function inRange(key: string, { start, end }: KeyRange): boolean {
  return (start === undefined || compareKeys(key, start) >= 0) && (end === undefined || compareKeys(key, end) < 0);
}

const SLASH = '/'.charCodeAt(0);

/** The namespace all of range lies in (`/registry/events/<ns>/…` to at most its end), if one does. */
export function rangeNamespace({ start, end }: KeyRange): string | undefined {
  if (start === undefined || end === undefined || !start.startsWith(EVENTS)) return undefined;
  const slash = start.indexOf('/', EVENTS.length);
  if (slash < 0) return undefined;
  const ns = start.slice(EVENTS.length, slash);
  return compareKeys(end, `${EVENTS}${ns}0`) <= 0 ? ns : undefined;
}

/** Sorts entries into key order: native string order when that is the same (plain keys). */
export function sortByKey<T extends { key: string }>(items: T[]): T[] {
  return items.sort(items.every((item) => isPlainKey(item.key)) ? (a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : (a, b) => compareKeys(a.key, b.key));
}

/** Merges two iterables in key order (no key is in both). */
export function* mergeByKey<T>(a: Iterable<T>, b: Iterable<T>, keyOf: (item: T) => string): Generator<T> {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  try {
    let x = ia.next();
    let y = ib.next();
    while (!x.done || !y.done) {
      if (y.done || (!x.done && compareKeys(keyOf(x.value), keyOf(y.value)) < 0)) {
        yield x.value as T;
        x = ia.next();
      } else {
        yield y.value;
        y = ib.next();
      }
    }
  } finally {
    ia.return?.();
    ib.return?.();
  }
}
