import { randomFillSync } from 'node:crypto';

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

function randomHex(bytes: number): string {
  if (poolAt + bytes > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const hex = pool.toString('hex', poolAt, poolAt + bytes);
  poolAt += bytes;
  return hex;
}

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
  const time = lastMs.toString(16).padStart(12, '0');
  const rand = randomHex(8);
  const variant = (0x8 | (parseInt(rand[0]!, 16) & 0x3)).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${sequence.toString(16).padStart(3, '0')}-${variant}${rand.slice(1, 4)}-${rand.slice(4)}`;
}

const VERSION_7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/;

/** Hex digits of creationOrder: the 48-bit time and the 12-bit sequence of a version 7 uid. */
export const CREATION_ORDER_DIGITS = 15;

/**
 * The creation order a version 7 uid carries (its time and sequence, 15 hex digits, which sort as
 * the uids do), or undefined for any other uid (objects stored by older builds).
 */
export function creationOrder(uid: string | undefined): string | undefined {
  if (uid === undefined || !VERSION_7.test(uid)) return undefined;
  return uid.slice(0, 8) + uid.slice(9, 13) + uid.slice(15, 18);
}
