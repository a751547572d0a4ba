/**
 * A small reader of the protobuf wire format: each field is a key (field number << 3 | wire type)
 * followed by a varint (0), 8 bytes (1), a length and that many bytes (2) or 4 bytes (5). Groups (3,
 * 4) are not used by Kubernetes' messages and are refused.
 */

export class WireError extends Error {}

export type WireValue =
  | { wireType: 0; value: bigint }
  | { wireType: 1; bytes: Uint8Array }
  | { wireType: 2; bytes: Uint8Array }
  | { wireType: 5; bytes: Uint8Array };

export type WireField = WireValue & { field: number };

export class WireReader {
  private pos = 0;

  constructor(private readonly buf: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  varint(): bigint {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (this.pos >= this.buf.length) throw new WireError('truncated varint');
      const b = this.buf[this.pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return BigInt.asUintN(64, result);
    }
    throw new WireError('varint longer than 10 bytes');
  }

  take(n: number): Uint8Array {
    if (n < 0 || this.pos + n > this.buf.length) throw new WireError(`truncated field: ${n} bytes wanted, ${this.buf.length - this.pos} left`);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** The next field, or undefined at the end. */
  next(): WireField | undefined {
    if (this.done) return undefined;
    const key = this.varint();
    const field = Number(key >> 3n);
    const wireType = Number(key & 7n);
    if (field === 0) throw new WireError('field number 0');
    switch (wireType) {
      case 0:
        return { field, wireType, value: this.varint() };
      case 1:
        return { field, wireType, bytes: this.take(8) };
      case 2: {
        const len = this.varint();
        if (len > BigInt(this.buf.length)) throw new WireError(`truncated field ${field}: length ${len}`);
        return { field, wireType, bytes: this.take(Number(len)) };
      }
      case 5:
        return { field, wireType, bytes: this.take(4) };
      default:
        throw new WireError(`field ${field} has unsupported wire type ${wireType}`);
    }
  }
}

/** All fields of a message, in order. */
export function readFields(buf: Uint8Array): WireField[] {
  const r = new WireReader(buf);
  const out: WireField[] = [];
  for (let f = r.next(); f; f = r.next()) out.push(f);
  return out;
}

/** The varints of a packed repeated field. */
export function readPackedVarints(buf: Uint8Array): bigint[] {
  const r = new WireReader(buf);
  const out: bigint[] = [];
  while (!r.done) out.push(r.varint());
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readString(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new WireError('string field is not valid UTF-8');
  }
}
