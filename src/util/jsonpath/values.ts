/**
 * What a JSONPath value is, in the terms of the Go types an unstructured object decodes to:
 * objects are maps, arrays are slices, whole numbers are int64, other numbers float64. A float
 * literal of a template (`1.0`) stays a float even when it is whole, so it is boxed.
 */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** A JSON value as json.Unmarshal into interface{} gives it: every number a float64. */
export function numbersAsFloats(v: unknown): unknown {
  if (typeof v === 'number') return new GoFloat(v);
  if (Array.isArray(v)) return v.map(numbersAsFloats);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, numbersAsFloats(x)]));
  return v;
}

export type Kind = 'invalid' | 'bool' | 'int' | 'float' | 'string' | 'map' | 'slice';

export function kindOf(v: unknown): Kind {
  if (v === null || v === undefined) return 'invalid';
  if (v instanceof GoFloat) return 'float';
  if (Array.isArray(v)) return 'slice';
  switch (typeof v) {
    case 'boolean': return 'bool';
    case 'number': return Number.isInteger(v) ? 'int' : 'float';
    case 'bigint': return 'int';
    case 'string': return 'string';
    case 'object': return 'map';
    default: return 'invalid';
  }
}

export function isMap(v: unknown): v is Record<string, unknown> {
  return kindOf(v) === 'map';
}

/** A map's keys in the order Go's fmt and encoding/json print them (sorted). */
export function sortedKeys(m: Record<string, unknown>): string[] {
  return Object.keys(m).filter((k) => m[k] !== undefined).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The bytes of a string, as indexing a Go string yields them. */
export function stringBytes(s: string): number[] {
  return [...Buffer.from(s, 'utf8')];
}

export function numberOf(v: unknown): number {
  return v instanceof GoFloat ? v.value : Number(v);
}
