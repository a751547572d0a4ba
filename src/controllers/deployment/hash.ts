/**
 * pod-template-hash (controller.ComputeHash): a 32-bit FNV-1a of the pod template (plus the
 * collision count when set), printed in decimal and mapped through the safe alphabet
 * (rand.SafeEncodeString). Kubernetes hashes Go's printout of the struct, which cannot be reproduced
 * here; this hashes the template's canonical JSON (keys sorted), so equal templates hash equally.
 */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.keys(v as Record<string, unknown>).sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function safeEncode(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) out += SAFE_ALPHABET[byte % SAFE_ALPHABET.length];
  return out;
}

export function podTemplateHash(template: unknown, collisionCount?: number): string {
  let text = canonical(template);
  if (collisionCount) text += `#${collisionCount}`;
  return safeEncode(String(fnv1a32(text)));
}
