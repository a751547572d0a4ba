/**
 * resource.Quantity as k8s.io/apimachinery/pkg/api/resource parses, compares and prints it.
 * Values are held exactly as a count of nano-units (BigInt); anything finer than 1n rounds away from zero.
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";
export const QUANTITY_NUMERIC_ERROR = 'unable to parse numeric part of quantity';

export class QuantityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuantityError';
  }
}

export interface ParsedQuantity {
  /** The value in units of 10^-9. */
  nanos: bigint;
  format: QuantityFormat;
  /** The input itself, when apimachinery keeps it as the printed form (it is already canonical enough). */
  cached?: string;
}

const NANO = 1_000_000_000n;
const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const SUFFIX_CHARS = 'eEinumkKMGTP';

/** Splits a quantity string the way apimachinery's parseQuantityString does. */
function split(str: string): { positive: boolean; num: string; denom: string; suffix: string } {
  let pos = 0;
  const end = str.length;
  let positive = true;
  if (str[0] === '-') { positive = false; pos++; } else if (str[0] === '+') pos++;
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, num: '0', denom: '', suffix: '' };
  let i = pos;
  while (i < end && str[i] >= '0' && str[i] <= '9') i++;
  const num = str.slice(pos, i) || '0';
  pos = i;
  let denom = '';
  if (pos < end && str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && str[i] >= '0' && str[i] <= '9') i++;
    denom = str.slice(pos, i);
    pos = i;
  }
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(str[pos])) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && str[pos] >= '0' && str[pos] <= '9') pos++;
  if (pos < end) throw new QuantityError(QUANTITY_FORMAT_ERROR);
  return { positive, num, denom, suffix: str.slice(suffixStart) };
}

function interpretSuffix(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } | undefined {
  if (suffix in DECIMAL_SUFFIXES) return { base: 10, exponent: DECIMAL_SUFFIXES[suffix], format: 'DecimalSI' };
  if (suffix in BINARY_SUFFIXES) return { base: 2, exponent: BINARY_SUFFIXES[suffix], format: 'BinarySI' };
  if ((suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?[0-9]+$/.test(suffix.slice(1))) {
    return { base: 10, exponent: Number.parseInt(suffix.slice(1), 10), format: 'DecimalExponent' };
  }
  return undefined;
}

/** Divides rounding away from zero (inf.RoundUp). */
function divUp(n: bigint, d: bigint): bigint {
  const q = n / d;
  return q * d === n ? q : n < 0n ? q - 1n : q + 1n;
}

function quantityText(q: string | number): string {
  if (typeof q === 'number') {
    if (!Number.isFinite(q)) throw new QuantityError(QUANTITY_FORMAT_ERROR);
    return String(q);
  }
  return q;
}

/**
 * Quantities parsed lately, by text: a workload repeats the same few ("100m", "64Mi") in every pod,
 * and each parse does BigInt arithmetic. Cleared when full, so it stays small whatever the input.
 */
const parsed = new Map<string, Readonly<ParsedQuantity>>();
const PARSED_ENTRIES = 512;

/** Parses a quantity exactly; throws QuantityError with apimachinery's message. */
export function parseQuantityExact(q: string | number): Readonly<ParsedQuantity> {
  const str = quantityText(q);
  let p = parsed.get(str);
  if (p === undefined) {
    p = Object.freeze(parseText(str));
    if (parsed.size >= PARSED_ENTRIES) parsed.clear();
    parsed.set(str, p);
  }
  return p;
}

function parseText(str: string): ParsedQuantity {
  if (str.length === 0) throw new QuantityError(QUANTITY_FORMAT_ERROR);
  const { positive, num, denom, suffix } = split(str);
  const s = interpretSuffix(suffix);
  if (!s) throw new QuantityError(QUANTITY_SUFFIX_ERROR);
  // value = (num.denom) * base^exponent, in nanos
  let numerator = BigInt(num + denom) * NANO;
  let denominator = 10n ** BigInt(denom.length);
  if (s.base === 2) numerator *= 2n ** BigInt(s.exponent);
  else if (s.exponent >= 0) numerator *= 10n ** BigInt(s.exponent);
  else denominator *= 10n ** BigInt(-s.exponent);
  let nanos = divUp(numerator, denominator);
  if (!positive) nanos = -nanos;
  return { nanos, format: s.format, cached: keepsInput(num, denom, s) ? str : undefined };
}

/** ParseQuantity's fast path, which keeps the input string as the quantity's printed form. */
function keepsInput(num: string, denom: string, s: { base: 2 | 10; exponent: number }): boolean {
  const shifted = num + denom;
  if (s.base === 2) {
    if (denom.length > 0 || 15 - num.length - Math.trunc((s.exponent * 3) / 10) - 1 < 0) return false;
    const value = BigInt(shifted);
    return value * 2n ** BigInt(s.exponent) <= INT64_MAX && (value & 7n) !== 0n;
  }
  const scale = s.exponent - denom.length;
  if (18 - shifted.length < 0 || scale < -9) return false;
  return scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
}

const INT64_MAX = 2n ** 63n - 1n;

/**
 * The int64Amount (value × 10^scale) ParseQuantity's fast path makes of a quantity, or undefined
 * when it takes the slow (inf.Dec) path: what Go shows when an error message prints a Quantity raw.
 */
export function int64Amount(q: string | number): { value: bigint; scale: number } | undefined {
  const str = quantityText(q);
  parseQuantityExact(str); // throws for what does not parse
  const { positive, num, denom, suffix } = split(str);
  const s = interpretSuffix(suffix)!;
  let value: bigint;
  let scale: number;
  if (s.base === 2) {
    if (s.exponent < 0 || denom.length > 0 || 15 - num.length - Math.trunc((s.exponent * 3) / 10) - 1 < 0) return undefined;
    value = BigInt(num) * 2n ** BigInt(s.exponent);
    scale = 0;
  } else {
    if (18 - (num.length + denom.length) < 0) return undefined;
    scale = s.exponent - denom.length;
    if (scale < -9) return undefined;
    value = BigInt(num + denom);
  }
  if (value > INT64_MAX) return undefined;
  return { value: positive ? value : -value, scale };
}

export function isValidQuantity(q: unknown): boolean {
  if (typeof q !== 'string' && typeof q !== 'number') return false;
  try {
    parseQuantityExact(q);
    return true;
  } catch {
    return false;
  }
}

/** The value in base units ('100m' -> 0.1, '1Gi' -> 1073741824). */
export function parseQuantity(q: string | number): number {
  return nanosToNumber(parseQuantityExact(q).nanos);
}

function nanosToNumber(n: bigint): number {
  const whole = n / NANO;
  const frac = n - whole * NANO;
  return Number(whole) + Number(frac) / 1e9;
}

/** Integer milli-units, rounded up (Quantity.MilliValue). */
export function milliValue(q: string | number): number {
  const n = parseQuantityExact(q).nanos;
  const d = 1_000_000n;
  const t = n / d;
  return Number(t * d === n || n < 0n ? t : t + 1n);
}

/** Integer base units, rounded up (Quantity.Value). */
export function quantityValue(q: string | number): number {
  const n = parseQuantityExact(q).nanos;
  const t = n / NANO;
  return Number(t * NANO === n || n < 0n ? t : t + 1n);
}

export function compareQuantities(a: string | number, b: string | number): -1 | 0 | 1 {
  const x = parseQuantityExact(a).nanos;
  const y = parseQuantityExact(b).nanos;
  return x < y ? -1 : x > y ? 1 : 0;
}

const DECIMAL_BY_EXPONENT: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const BINARY_BY_EXPONENT = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

/** Canonical string of an exact value, as Quantity.String() prints it. */
export function formatNanos(nanos: bigint, format: QuantityFormat): string {
  if (nanos === 0n) return '0';
  if (format === 'BinarySI') {
    const whole = nanos % NANO === 0n ? nanos / NANO : undefined;
    if (whole !== undefined && abs(whole) >= 1024n) {
      let m = whole;
      let e = 0;
      while (e < 6 && m % 1024n === 0n) { m /= 1024n; e++; }
      return `${m}${BINARY_BY_EXPONENT[e]}`;
    }
    format = 'DecimalSI';
  }
  // mantissa * 10^exponent with exponent a multiple of 3 (starting from nanos = 10^-9), as large as possible
  let m = nanos;
  let e = -9;
  while (m % 1000n === 0n && (format === 'DecimalExponent' || e < 18)) { m /= 1000n; e += 3; }
  if (format === 'DecimalExponent') return e === 0 ? `${m}` : `${m}e${e}`;
  return `${m}${DECIMAL_BY_EXPONENT[e]}`;
}

/** Re-serialises a quantity the way the API server stores it ('0.5' -> '500m', '1.5Gi' -> '1536Mi'). */
export function canonicalQuantity(q: string | number): string {
  const p = parseQuantityExact(q);
  return p.cached ?? formatNanos(p.nanos, p.format);
}

/** Prints a number of base units as a Kubernetes quantity (4 -> '4', 17179869184 BinarySI -> '16Gi', 0.1 -> '100m'). */
export function formatQuantity(n: number, format: QuantityFormat = 'DecimalSI'): string {
  return formatNanos(parseQuantityExact(n).nanos, format);
}
