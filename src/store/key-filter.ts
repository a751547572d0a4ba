/** Bits per key at capacity and probes per key: about 1% false positives when full. */
const BITS_PER_KEY = 10;
const PROBES = 7;

/**
 * A Bloom filter of string keys: `mightHave` is false only for a key never added, so a miss it
 * reports needs no lookup. It holds `capacity` keys at its false-positive rate; past that it
 * still answers correctly, only more often "maybe" (see `full`).
 */
export class KeyFilter {
  private readonly bits: Uint32Array;
  private readonly size: number;
  private count = 0;

  constructor(readonly capacity: number) {
    this.size = Math.max(64, Math.ceil(capacity * BITS_PER_KEY));
    this.bits = new Uint32Array(Math.ceil(this.size / 32));
  }

  /** Whether more keys were added than the filter was sized for (a key added twice counts twice). */
  get full(): boolean {
    return this.count > this.capacity;
  }

  add(key: string): void {
    this.count++;
    this.probe(key, true);
  }

  mightHave(key: string): boolean {
    return this.probe(key, false);
  }

  /** Sets (add) or tests the key's bits: double hashing over two 32-bit hashes of its characters. */
  private probe(key: string, set: boolean): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
    h2 ^= h2 >>> 15;
    h2 = Math.imul(h2, 0x85ebca6b);
    h2 ^= h2 >>> 13;
    h2 |= 1;
    const size = this.size;
    for (let i = 0; i < PROBES; i++) {
      const bit = ((h1 + Math.imul(i, h2)) >>> 0) % size;
      const mask = 1 << (bit & 31);
      if (set) this.bits[bit >>> 5]! |= mask;
      else if ((this.bits[bit >>> 5]! & mask) === 0) return false;
    }
    return true;
  }
}
