/**
 * A value the store keeps encoded from its put until the commit writes it (KvBackend.encodePending):
 * the bytes the backend stores, made while the object is fresh in the processor's caches, so that
 * the object itself can die young. Reads of it before the commit get the object back (live()).
 */
export class EncodedValue {
  constructor(
    /** What the backend stores, as it stores it. */
    readonly bytes: Uint8Array,
    private readonly decodeBytes: (bytes: Uint8Array) => unknown,
  ) {}

  decode(): unknown {
    return this.decodeBytes(this.bytes);
  }
}

/** A pending value as readers see it: an EncodedValue decoded, any other value as it is. */
export function live(value: unknown): unknown {
  return value instanceof EncodedValue ? value.decode() : value;
}
