import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hexDigest } from '../../src/util/hash.js';

describe('hexDigest', () => {
  it('is the createHash digest of the UTF-8 bytes (Event names and container IDs do not change)', () => {
    for (const s of ['', 'web.abc', 'kubelet\u0000node-1\u0000Pod\u0000ünïcödé ✓']) {
      expect(hexDigest('sha1', s)).toBe(createHash('sha1').update(s).digest('hex'));
      expect(hexDigest('sha256', s)).toBe(createHash('sha256').update(s).digest('hex'));
    }
    expect(hexDigest('sha1', 'abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
  });
});
