import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hexDigest, stringsDigest, stringsDigest12 } from '../../src/util/hash.js';

describe('hexDigest', () => {
  it('is the createHash digest of the UTF-8 bytes (container IDs do not change)', () => {
    for (const s of ['', 'web.abc', 'kubelet\u0000node-1\u0000Pod\u0000ünïcödé ✓']) {
      expect(hexDigest('sha1', s)).toBe(createHash('sha1').update(s).digest('hex'));
      expect(hexDigest('sha256', s)).toBe(createHash('sha256').update(s).digest('hex'));
    }
    expect(hexDigest('sha1', 'abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
  });
});

describe('stringsDigest', () => {
  it('is 16 hex digits, the same for the same strings every time (names derived from it must not change)', () => {
    expect(stringsDigest(['kubelet', 'node-1', 'Pod', 'default', 'web-1'])).toMatch(/^[0-9a-f]{16}$/);
    expect(stringsDigest(['a', 'b'])).toBe(stringsDigest(['a', 'b']));
    // pinned: a later build that digested differently would no longer find its Events to count up
    expect(stringsDigest([])).toBe('ab3e7c0bebb6c228');
    expect(stringsDigest(['abc'])).toBe('a1931929d7a71b5a');
  });

  it('tells apart how the strings are split, their order, and a one-character change', () => {
    const seen = new Set([
      stringsDigest(['ab', 'c']), stringsDigest(['a', 'bc']), stringsDigest(['abc']), stringsDigest(['abc', '']),
      stringsDigest(['c', 'ab']), stringsDigest(['ab', 'd']), stringsDigest(['Ab', 'c']),
    ]);
    expect(seen.size).toBe(7);
  });

  it('gives no collision over 200,000 Event identities that differ in one part', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      seen.add(stringsDigest(['kubelet', 'node-1', 'Pod', 'default', `web-${i}`, 'Normal', 'Started']));
      seen.add(stringsDigest(['kubelet', 'node-1', 'Pod', 'default', 'web', 'Normal', `Started ${i}`]));
    }
    expect(seen.size).toBe(200_000);
    // and the 12 digits an Event name keeps (48 bits) as well
    expect(new Set([...seen].map((d) => d.slice(0, 12))).size).toBe(200_000);
  });
});

describe('stringsDigest digits', () => {
  // the digest as first written: each lane by toString(16), padded to 8 digits
  function reference(parts: readonly string[]): string {
    const fmix = (h: number): number => {
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      return (h ^ (h >>> 16)) >>> 0;
    };
    let a = 0x811c9dc5;
    let b = 0x9747b28c;
    for (const part of parts) {
      for (let i = 0; i <= part.length; i++) {
        const c = i < part.length ? part.charCodeAt(i) : 0;
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b ^ c, 0x5bd1e995);
        b ^= b >>> 15;
      }
    }
    return fmix(a).toString(16).padStart(8, '0') + fmix(b).toString(16).padStart(8, '0');
  }

  it('are the lanes in hex, zero-padded, as first written (leading zeros, unicode, NULs, empty parts)', () => {
    let leadingZeros = 0;
    for (let i = 0; i < 20_000; i++) {
      const parts = [`web-${i}`, i % 3 ? '' : 'ünïcödé ✓ 😀', '\u0000', String(i * 7919)];
      const digest = reference(parts);
      expect(stringsDigest(parts)).toBe(digest);
      expect(stringsDigest12(parts)).toBe(digest.slice(0, 12));
      if (digest[0] === '0' || digest[8] === '0') leadingZeros++;
    }
    // the padding was exercised
    expect(leadingZeros).toBeGreaterThan(100);
    expect(stringsDigest12([])).toBe('ab3e7c0bebb6');
    expect(stringsDigest12(['abc'])).toBe('a1931929d7a7');
  });
});
