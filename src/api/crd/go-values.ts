/**
 * How Go prints and compares the values of an unstructured (JSON-decoded) object, for messages that must read
 * exactly as the API server's: fmt's `%v`/`%#v`/`%q`, encoding/json's Marshal, and Go's byte-wise string order.
 * Whole numbers stand for Go's int64 (the apiserver decodes integral JSON numbers so), others for float64.
 */

import { goFloat, goQuote } from '../../util/jsonpath/format.js';

// fmt's `%v` of a float64 and `%q` (strconv.Quote), shared with the JSONPath printer
export { goFloat, goQuote };

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whether a number is one the apiserver holds as an int64. */
export function isGoInt(v: number): boolean {
  return Number.isInteger(v) && Math.abs(v) < 2 ** 63;
}

/** `%v` of a number as the apiserver holds it (int64 or float64). */
export function goNumber(v: number): string {
  return isGoInt(v) ? String(v) : goFloat(v);
}


/** `%#v` of a value inside an unstructured object: `map[string]interface {}{"a":1}`, `[]interface {}{"x"}`. */
export function goSyntax(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSyntax).join(', ')}}`;
  if (isPlainObject(v)) {
    const keys = Object.keys(v).filter((k) => v[k] !== undefined).sort(compareGoStrings);
    return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${goSyntax(v[k])}`).join(', ')}}`;
  }
  return String(v);
}

/** Go's `%v` of a []interface{}: `[red 1 true]`. */
export function goList(values: unknown[]): string {
  const one = (v: unknown): string => {
    if (v === null || v === undefined) return '<nil>';
    if (typeof v === 'number') return goNumber(v);
    if (Array.isArray(v)) return `[${v.map(one).join(' ')}]`;
    if (isPlainObject(v)) return `map[${Object.keys(v).sort(compareGoStrings).map((k) => `${k}:${one(v[k])}`).join(' ')}]`;
    return String(v);
  };
  return `[${values.map(one).join(' ')}]`;
}

/** encoding/json's Marshal: map keys sorted, <, > and & escaped as Go does by default. */
export function goJSON(v: unknown): string {
  const sortKeys = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(sortKeys);
    if (!isPlainObject(x)) return x;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(x).sort(compareGoStrings)) out[k] = sortKeys(x[k]);
    return out;
  };
  const text = JSON.stringify(sortKeys(v)) ?? 'null';
  return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Deep equality of JSON values (key order does not matter), as reflect.DeepEqual sees decoded JSON. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual(a[k], b[k]));
}

/** Go orders strings by their UTF-8 bytes, which differs from UTF-16 order above U+FFFF. */
export function compareGoStrings(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** A deep copy of a JSON value, as runtime.DeepCopyJSONValue makes of defaults. */
export function deepCopyJSON<T>(v: T): T {
  if (Array.isArray(v)) return v.map(deepCopyJSON) as T;
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = deepCopyJSON(x);
    return out as T;
  }
  return v;
}
