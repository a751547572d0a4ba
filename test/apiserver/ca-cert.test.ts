import { X509Certificate, createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateClusterCA } from '../../src/apiserver/ca-cert.js';

describe('generateClusterCA', () => {
  it('makes a real self-signed CA certificate valid for ten years from cluster time', () => {
    const ca = generateClusterCA(new Date('2026-01-01T00:00:00Z'));
    const x = new X509Certificate(ca.cert);
    expect(x.subject).toBe('CN=kubernetes');
    expect(x.issuer).toBe('CN=kubernetes');
    expect(x.ca).toBe(true);
    expect(x.verify(x.publicKey)).toBe(true);
    expect(new Date(x.validFrom).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(new Date(x.validTo).toISOString()).toBe('2036-01-01T00:00:00.000Z');
    expect(x.checkPrivateKey(createPrivateKey(ca.key))).toBe(true);
  });
});
