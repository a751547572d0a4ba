import { randomFillSync } from 'node:crypto';
import { HEX_DIGIT_CODES } from '../util/hash.js';

/**
 * Object uids: RFC 9562 version 7 UUIDs. The first 48 bits are the Unix time in milliseconds and
 * the next 12 (after the version digit) a sequence within the millisecond, so the uids one process
 * hands out sort in the order it created the objects; the other 62 bits are random, which keeps
 * uids unique across processes. Kubernetes' are version 4 (all random); clients treat uids as
 * opaque strings, and the order is worth having: an Event's name carries the order of the object
 * it is about (creationOrder below), which lets the store append a scale-up's Events at the end of
 * its B-tree instead of spreading them over every page (see store/event-keys.ts).
 */
let lastMs = 0;
let sequence = 0;

/** Random bytes drawn a page at a time: one system call for 512 uids. */
const pool = Buffer.alloc(4096);
let poolAt = pool.length;

/** Where in pool `bytes` fresh random bytes start (drawing a new page when this one is used up). */
function randomAt(bytes: number): number {
  if (poolAt + bytes > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const at = poolAt;
  poolAt += bytes;
  return at;
}

/** The char codes of the 16 lowercase hex digits, by value. */
const HEX = HEX_DIGIT_CODES;
const DASH = 0x2d;
const SEVEN = 0x37;
/** The last millisecond 12 hex digits hold (in the year 10889). */
const MAX_MS = 0xffffffffffff;

/** A new version 7 uid, later in order than every one this process made before. */
export function newUid(nowMs: number = Date.now()): string {
  if (nowMs > lastMs) {
    lastMs = nowMs;
    sequence = 0;
  } else if (++sequence > 0xfff) {
    // 4,096 uids in one millisecond: borrow the next one, as RFC 9562's counter method does
    lastMs++;
    sequence = 0;
  }
  // 8 random bytes (16 hex digits): the variant takes the place of the first one's top 2 bits
  const at = randomAt(8);
  if (!Number.isInteger(lastMs) || lastMs > MAX_MS) return formatted(lastMs, sequence, pool.toString('hex', at, at + 8));
  // one string built from char codes, instead of a dozen hex strings, slices and a template
  const high = Math.floor(lastMs / 0x100000000); // the time's first 16 bits…
  const low = lastMs >>> 0; // …and its last 32
  const seq = sequence;
  const r0 = pool[at];
  const r1 = pool[at + 1];
  const r2 = pool[at + 2];
  const r3 = pool[at + 3];
  const r4 = pool[at + 4];
  const r5 = pool[at + 5];
  const r6 = pool[at + 6];
  const r7 = pool[at + 7];
  return String.fromCharCode(
    HEX[high >>> 12], HEX[(high >>> 8) & 15], HEX[(high >>> 4) & 15], HEX[high & 15],
    HEX[low >>> 28], HEX[(low >>> 24) & 15], HEX[(low >>> 20) & 15], HEX[(low >>> 16) & 15],
    DASH,
    HEX[(low >>> 12) & 15], HEX[(low >>> 8) & 15], HEX[(low >>> 4) & 15], HEX[low & 15],
    DASH,
    SEVEN, HEX[seq >>> 8], HEX[(seq >>> 4) & 15], HEX[seq & 15],
    DASH,
    // the variant (binary 10, then the first random digit's low 2 bits), the rest of that byte
    HEX[0x8 | ((r0 >>> 4) & 0x3)], HEX[r0 & 15], HEX[r1 >>> 4], HEX[r1 & 15],
    DASH,
    HEX[r2 >>> 4], HEX[r2 & 15], HEX[r3 >>> 4], HEX[r3 & 15], HEX[r4 >>> 4], HEX[r4 & 15],
    HEX[r5 >>> 4], HEX[r5 & 15], HEX[r6 >>> 4], HEX[r6 & 15], HEX[r7 >>> 4], HEX[r7 & 15],
  );
}

/** newUid's string the general way, for a time past 12 hex digits or not a whole number of ms. */
function formatted(ms: number, seq: number, rand: string): string {
  const time = ms.toString(16).padStart(12, '0');
  const variant = (0x8 | (parseInt(rand[0]!, 16) & 0x3)).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${seq.toString(16).padStart(3, '0')}-${variant}${rand.slice(1, 4)}-${rand.slice(4)}`;
}

const VERSION_7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/;

/** Hex digits of creationOrder: the 48-bit time and the 12-bit sequence of a version 7 uid. */
export const CREATION_ORDER_DIGITS = 15;

/** By ASCII code: 0 for the lowercase hex digits ([0-9a-f]), -1 for the other characters. */
const IS_HEX = new Int8Array(0x80).fill(-1);
for (let i = 0; i < 16; i++) IS_HEX['0123456789abcdef'.charCodeAt(i)] = 0;

/**
 * The creation order a version 7 uid carries (its time and sequence, 15 hex digits, which sort as
 * the uids do), or undefined for any other uid (objects stored by older builds).
 */
export function creationOrder(uid: string | undefined): string | undefined {
  if (typeof uid !== 'string') return uid === undefined ? undefined : creationOrderOf(uid);
  // VERSION_7's test by char codes, once per Event written: 8 hex digits, '-', 4, '-7', 3, '-' (lowercase)
  if (uid.length < 19 || uid.charCodeAt(8) !== DASH || uid.charCodeAt(13) !== DASH || uid.charCodeAt(14) !== SEVEN || uid.charCodeAt(18) !== DASH) {
    return undefined;
  }
  const c0 = uid.charCodeAt(0), c1 = uid.charCodeAt(1), c2 = uid.charCodeAt(2), c3 = uid.charCodeAt(3);
  const c4 = uid.charCodeAt(4), c5 = uid.charCodeAt(5), c6 = uid.charCodeAt(6), c7 = uid.charCodeAt(7);
  const c9 = uid.charCodeAt(9), c10 = uid.charCodeAt(10), c11 = uid.charCodeAt(11), c12 = uid.charCodeAt(12);
  const c15 = uid.charCodeAt(15), c16 = uid.charCodeAt(16), c17 = uid.charCodeAt(17);
  // all ASCII, and each one a digit: IS_HEX[c] is 0 for a lowercase hex digit's code, -1 for the others
  if ((c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7 | c9 | c10 | c11 | c12 | c15 | c16 | c17) > 0x7f) return undefined;
  if ((IS_HEX[c0] | IS_HEX[c1] | IS_HEX[c2] | IS_HEX[c3] | IS_HEX[c4] | IS_HEX[c5] | IS_HEX[c6] | IS_HEX[c7]
    | IS_HEX[c9] | IS_HEX[c10] | IS_HEX[c11] | IS_HEX[c12] | IS_HEX[c15] | IS_HEX[c16] | IS_HEX[c17]) !== 0) return undefined;
  return String.fromCharCode(c0, c1, c2, c3, c4, c5, c6, c7, c9, c10, c11, c12, c15, c16, c17);
}

/** creationOrder the general way (for a uid that is no string, against the types). */
function creationOrderOf(uid: string): string | undefined {
  if (!VERSION_7.test(uid)) return undefined;
  return uid.slice(0, 8) + uid.slice(9, 13) + uid.slice(15, 18);
}
