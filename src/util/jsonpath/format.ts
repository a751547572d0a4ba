import { GoFloat, isMap, kindOf, sortedKeys } from './values.js';

/**
 * How Go prints the values a JSONPath yields: `fmt.Sprint` (%v), `fmt.Sprintf("%#v")` (used in
 * kubectl's error dumps) and `encoding/json` (maps and slices in jsonpath output).
 */

/** strconv.FormatFloat(f, 'g', -1, 64), which %v uses for float64. */
export function goFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mant, expText] = f.toExponential().split('e');
  const exp = Number(expText);
  // shortest precision: %e when the exponent is below -4 or at least 6
  if (exp >= -4 && exp < 6) return String(f);
  return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

function goNumber(v: unknown): string {
  if (v instanceof GoFloat) return goFloat(v.value);
  if (typeof v === 'bigint') return v.toString();
  const n = v as number;
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? BigInt(n).toString() : goFloat(n);
}

/** fmt.Sprint of a decoded JSON value. */
export function goSprint(v: unknown): string {
  switch (kindOf(v)) {
    case 'invalid': return '<nil>';
    case 'string': return v as string;
    case 'bool': return String(v);
    case 'int':
    case 'float': return goNumber(v);
    case 'slice': return `[${(v as unknown[]).map(goSprint).join(' ')}]`;
    case 'map': {
      const m = v as Record<string, unknown>;
      return `map[${sortedKeys(m).map((k) => `${k}:${goSprint(m[k])}`).join(' ')}]`;
    }
  }
}

/** fmt.Sprintf("%#v") of a decoded JSON value held in an interface{}. */
export function goSyntax(v: unknown): string {
  switch (kindOf(v)) {
    case 'invalid': return 'interface {}(nil)';
    case 'string': return goQuote(v as string);
    case 'bool': return String(v);
    case 'int':
    case 'float': return goNumber(v);
    case 'slice': return `[]interface {}{${(v as unknown[]).map(goSyntax).join(', ')}}`;
    case 'map': {
      const m = v as Record<string, unknown>;
      return `map[string]interface {}{${sortedKeys(m).map((k) => `${goQuote(k)}:${goSyntax(m[k])}`).join(', ')}}`;
    }
  }
}

const QUOTE_ESCAPES: Record<string, string> = {
  '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\', '"': '\\"',
};

/** strconv.Quote. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch in QUOTE_ESCAPES) out += QUOTE_ESCAPES[ch];
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (/^[\p{C}\p{Z}]$/u.test(ch) && ch !== ' ') out += cp > 0xffff ? `\\U${cp.toString(16).padStart(8, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}

const HTML_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** json.Marshal (compact) or json.MarshalIndent(v, "", "    ") of a decoded JSON value. */
export function goJson(v: unknown, indent = ''): string {
  const text = JSON.stringify(toPlain(v), null, indent) ?? 'null';
  return text.replace(/[<>&\u2028\u2029]/g, (c) => HTML_ESCAPES[c]);
}

function toPlain(v: unknown): unknown {
  if (v instanceof GoFloat) return v.value;
  if (Array.isArray(v)) return v.map(toPlain);
  if (isMap(v)) {
    const out: Record<string, unknown> = {};
    for (const k of sortedKeys(v)) out[k] = toPlain(v[k]);
    return out;
  }
  return v;
}
