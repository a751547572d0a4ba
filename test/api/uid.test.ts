import { describe, expect, it, vi } from 'vitest';
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

describe('uid strings', () => {
  const VERSION_7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/;
  // creationOrder as first written, by the regular expression
  const reference = (uid: string | undefined): string | undefined =>
    uid === undefined || !VERSION_7.test(uid) ? undefined : uid.slice(0, 8) + uid.slice(9, 13) + uid.slice(15, 18);

  it('creationOrder tells version 7 uids from the others as the regular expression does', () => {
    const v7 = '018f3a2b-1c4d-7abc-8def-0123456789ab';
    const cases = [
      v7, v7.slice(0, 19), v7.slice(0, 18), v7.slice(0, 14), '', v7.toUpperCase(), `${v7}-and-more`, ` ${v7}`,
      '018f3a2b-1c4d-4abc-8def-0123456789ab', // version 4
      '018f3a2b-1c4d-7abc_8def-0123456789ab', '018f3a2b1c4d-7abc-8def-0123456789ab',
      '018f3a2g-1c4d-7abc-8def-0123456789ab', '018f3a2b-1c4d-7abG-8def-0123456789ab',
      // just outside [0-9a-f]: '/', ':', '`', 'g'
      '018f3a2/-1c4d-7abc-8def-0123456789ab', '018f3a2:-1c4d-7abc-8def-0123456789ab', '018f3a2b-1c4`-7abc-8def-0123456789ab',
      // non-ASCII: digits of other scripts, and codes whose low 7 bits are a hex digit's (0xb0, 0x130, 0xe1)
      '\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667-1c4d-7abc-8def-0123456789ab',
      '018f3a2\u00b0-1c4d-7abc-8def-0123456789ab', '018f3a2b-1c4d-7ab\u0130-8def-0123456789ab', '\u00e1\u00e1\u00e1\u00e1\u00e1\u00e1\u00e1\u00e1-1c4d-7abc-8def',
      '018f3a2b-1c4d-7abc-8def', '018f3a2b-1c4d-7abc-', '018f3a2b-1c4d-7abc-x', '00000000-0000-7000-',
    ];
    for (const uid of cases) expect(creationOrder(uid), uid).toBe(reference(uid));
    expect(creationOrder(v7)).toBe('018f3a2b1c4dabc');
    expect(creationOrder('018f3a2\u00b0-1c4d-7abc-8def-0123456789ab')).toBeUndefined();
    // against the types, a uid that is no string: as the regular expression sees it
    expect(creationOrder(42 as unknown as string)).toBeUndefined();
    expect(creationOrder(null as unknown as string)).toBeUndefined();
    // and every one-character change of a version 7 uid's first 19
    const alphabet = '0189afgAF-7/:`@ \u00b0\u0130';
    for (let i = 0; i < 19; i++) {
      for (const c of alphabet) {
        const uid = v7.slice(0, i) + c + v7.slice(i + 1);
        expect(creationOrder(uid), uid).toBe(reference(uid));
      }
    }
  });

  it('newUid spells the time, the sequence and the variant in lowercase hex, zero-padded, at any time', async () => {
    // a fresh module: times past 12 digits would leave the next uids of this one in the far future
    vi.resetModules();
    const fresh = await import('../../src/api/uid.js');
    const times = [1, 0xf, 0xffff_ffff, 0x1_0000_0000, Date.UTC(2026, 0, 1), 0x1234_5678_9abc, 0xffff_ffff_ffff];
    let previous = '';
    for (const t of times) {
      for (let i = 0; i < 3; i++) {
        const uid = fresh.newUid(t);
        expect(uid).toMatch(V7);
        expect(uid > previous).toBe(true);
        expect(uid.slice(0, 8) + uid.slice(9, 13)).toBe(t.toString(16).padStart(12, '0'));
        expect(uid.slice(15, 18)).toBe(i.toString(16).padStart(3, '0'));
        expect(fresh.creationOrder(uid)).toBe(reference(uid));
        previous = uid;
      }
    }
    // past 12 digits (the year 10889), or not a whole millisecond: as ever, toString(16) of it
    expect(fresh.newUid(0x1_0000_0000_0000)).toMatch(/^10000000-00000-7000-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(fresh.newUid(0x1_0000_0000_0000 + 0.5)).toMatch(/^10000000-00000\.8-7000-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('newUid counts the sequence through 0xfff, then borrows the next millisecond at 000', async () => {
    vi.resetModules();
    const fresh = await import('../../src/api/uid.js');
    const t = Date.UTC(2033, 0, 1);
    const made = Array.from({ length: 0x1002 }, () => fresh.newUid(t));
    const stamp = (uid: string) => [parseInt(uid.slice(0, 8) + uid.slice(9, 13), 16), uid.slice(15, 18)];
    expect(stamp(made[0]!)).toEqual([t, '000']);
    expect(stamp(made[0xfff]!)).toEqual([t, 'fff']);
    expect(stamp(made[0x1000]!)).toEqual([t + 1, '000']);
    expect(stamp(made[0x1001]!)).toEqual([t + 1, '001']);
    // a clock that catches up with the borrowed millisecond keeps counting on it
    expect(stamp(fresh.newUid(t + 1))).toEqual([t + 1, '002']);
    expect(stamp(fresh.newUid(t + 2))).toEqual([t + 2, '000']);
    expect([...made].sort()).toEqual(made);
    for (const uid of made) expect(uid).toMatch(V7);
  });
});
