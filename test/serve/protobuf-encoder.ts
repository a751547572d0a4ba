/** A tiny protobuf encoder for tests: fields by number, messages as byte arrays, the k8s envelope. */

export function varint(n: number | bigint): number[] {
  let v = BigInt.asUintN(64, BigInt(n));
  const out: number[] = [];
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    if (v === 0n) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

const key = (field: number, wireType: number): number[] => varint((field << 3) | wireType);

export const int = (field: number, n: number | bigint): number[] => [...key(field, 0), ...varint(n)];
export const bool = (field: number, b: boolean): number[] => int(field, b ? 1 : 0);
export const bytes = (field: number, b: Uint8Array | number[]): number[] => [...key(field, 2), ...varint(b.length), ...b];
export const str = (field: number, s: string): number[] => bytes(field, [...Buffer.from(s, 'utf8')]);
/** A message field: its fields' bytes, concatenated. */
export const msg = (field: number, ...parts: number[][]): number[] => bytes(field, parts.flat());
/** A map<string, string> as its repeated entries. */
export const strMap = (field: number, m: Record<string, string>): number[] =>
  Object.entries(m).flatMap(([k, v]) => msg(field, str(1, k), str(2, v)));

export function envelope(apiVersion: string, kind: string, raw: number[], extra: number[][] = []): Uint8Array {
  return Uint8Array.from([0x6b, 0x38, 0x73, 0x00, ...msg(1, str(1, apiVersion), str(2, kind)), ...bytes(2, raw), ...extra.flat()]);
}
