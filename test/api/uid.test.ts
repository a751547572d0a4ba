import { describe, expect, it } from 'vitest';
import { creationOrder, CREATION_ORDER_DIGITS, newUid } from '../../src/api/uid.js';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newUid', () => {
  it('makes RFC 9562 version 7 uids that carry the time in milliseconds', () => {
    const uid = newUid(Date.UTC(2030, 0, 1));
    expect(uid).toMatch(V7);
    expect(parseInt(uid.slice(0, 8) + uid.slice(9, 13), 16)).toBe(Date.UTC(2030, 0, 1));
  });

  it('sorts its uids in the order it made them, within a millisecond, past 4,096 of them and when the clock goes back', () => {
    const t = Date.UTC(2031, 0, 1);
    const made = [
      ...Array.from({ length: 5000 }, () => newUid(t)),
      newUid(t - 60_000),
      newUid(t + 5),
    ];
    for (const uid of made) expect(uid).toMatch(V7);
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
  });
});

describe('creationOrder', () => {
  it('is the time and sequence of a version 7 uid, ordered as the uids are', () => {
    const a = newUid(Date.UTC(2032, 0, 1));
    const b = newUid(Date.UTC(2032, 0, 1));
    expect(creationOrder(a)).toMatch(new RegExp(`^[0-9a-f]{${CREATION_ORDER_DIGITS}}$`));
    expect(creationOrder(a)! < creationOrder(b)!).toBe(true);
    expect(creationOrder(a)).toBe(a.replace(/-/g, '').slice(0, 12) + a.slice(15, 18));
  });

  it('is undefined for other uids', () => {
    expect(creationOrder('6f1c0a2e-4b7d-4c1e-9a3f-2d5b8e7c1a90')).toBeUndefined();
    expect(creationOrder(undefined)).toBeUndefined();
    expect(creationOrder('not-a-uid')).toBeUndefined();
  });
});
