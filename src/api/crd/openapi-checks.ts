/**
 * kube-openapi's value validators for one schema node: type (validate/type.go), string and number
 * (validate/validator.go, values.go), format (formats.go) and enum (the common validator), with their quirks:
 * integer bounds truncated to int64, the first failing string check only, enum values converted as Go converts.
 */
import type { JSONSchemaProps } from './json-schema.js';
import { goFloat, goList, isGoInt, isPlainObject, jsonEqual } from './go-values.js';
import { openAPIErrors as oe, Result } from './openapi-result.js';
import { checkedFormat, validatesFormat } from './schema-formats.js';

/** What reflect sees of a decoded JSON value. */
export type Kind = 'null' | 'string' | 'int' | 'float' | 'bool' | 'array' | 'object' | 'other';

export function kindOf(v: unknown): Kind {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return isGoInt(v) ? 'int' : 'float';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return isPlainObject(v) ? 'object' : 'other';
}

/** The OpenAPI type (and format) kube-openapi infers for a value. */
const TYPE_INFO: Record<Kind, [string, string]> = {
  null: ['null', ''], string: ['string', ''], int: ['integer', 'int64'], float: ['number', 'float64'],
  bool: ['boolean', ''], array: ['array', ''], object: ['object', ''], other: ['', ''],
};

/** The schema's types after conversion to go-openapi: int-or-string becomes [integer, string]. */
export function schemaTypes(s: JSONSchemaProps): string[] {
  if (s['x-kubernetes-int-or-string']) return ['integer', 'string'];
  return s.type ? [s.type] : [];
}

/** swag.IsFloat64AJSONInteger (go-openapi/swag 0.23): close enough above a whole number counts. */
export function isJSONInteger(f: number): boolean {
  if (!Number.isFinite(f) || Math.abs(f) > 2 ** 53 - 1) return false;
  if (Number.isInteger(f)) return true;
  if (f < 0) return false; // Go's uint64() of a negative float lands nowhere near it
  const g = Math.trunc(f);
  return g !== 0 && (f - g) / (f + g) < 1e-9;
}

export function typeApplies(s: JSONSchemaProps): boolean {
  return schemaTypes(s).length > 0 || checkedFormat(s.format) !== '';
}

/** The type validator; it also runs on nulls (non-nullable typed fields reject them). */
export function checkType(s: JSONSchemaProps, data: unknown, name: string): Result {
  const types = schemaTypes(s);
  const format = checkedFormat(s.format);
  const ok = new Result();
  ok.inc();
  const kind = kindOf(data);
  if (kind === 'null') {
    if (types.length > 0 && !types.includes('null') && !s.nullable) return Result.of(oe.invalidType(name, types.join(','), 'null'));
    return ok;
  }
  const [schType, valueFormat] = TYPE_INFO[kind];
  const isFloatInt = schType === 'number' && isJSONInteger(data as number) && types.includes('integer');
  const isIntFloat = schType === 'integer' && types.includes('number');
  const stringLike = kind === 'string' || kind === 'array';
  if (!stringLike && format !== '' && !(types.includes(schType) || valueFormat === format || isFloatInt || isIntFloat)) {
    return Result.of(oe.invalidType(name, format, valueFormat));
  }
  // A formatted non-numeric schema lets strings (and, by a kube-openapi slip, arrays) through here.
  if (!(types.includes('number') || types.includes('integer')) && format !== '' && stringLike) return ok;
  if (!(types.includes(schType) || isFloatInt || isIntFloat)) return Result.of(oe.invalidType(name, types.join(','), schType));
  return ok;
}

const regexCache = new Map<string, RegExp | Error>();

/** Go (RE2) syntax to a JS RegExp, for what the two share plus leading flags, \z, \A and \pL. */
function compileGoRegexp(pattern: string): RegExp | Error {
  const cached = regexCache.get(pattern);
  if (cached) return cached;
  let source = pattern;
  let flags = '';
  const lead = /^\(\?([imsU]+)\)/.exec(source);
  if (lead) {
    flags = [...new Set(lead[1].replace('U', ''))].join('');
    source = source.slice(lead[0].length);
  }
  source = source.replace(/\\z/g, '$').replace(/\\A/g, '^').replace(/\\p([A-Z])/g, '\\p{$1}').replace(/\(\?P</g, '(?<');
  let compiled: RegExp | Error;
  try {
    compiled = new RegExp(source, `${flags}u`);
  } catch {
    try {
      compiled = new RegExp(source, flags);
    } catch (e) {
      compiled = new Error(`error parsing regexp: ${(e as Error).message}`);
    }
  }
  regexCache.set(pattern, compiled);
  return compiled;
}

/** maxLength, minLength, pattern: only the first failure is reported. Lengths count runes, as Go does. */
export function checkString(s: JSONSchemaProps, data: string, name: string): Result | undefined {
  const runes = [...data].length;
  if (s.maxLength !== undefined && runes > s.maxLength) return Result.of(oe.tooLong(name, s.maxLength, data));
  if (s.minLength !== undefined && runes < s.minLength) return Result.of(oe.tooShort(name, s.minLength, data));
  if (s.pattern) {
    const re = compileGoRegexp(s.pattern);
    if (re instanceof Error) return Result.of(oe.pattern(name, `${s.pattern}, but pattern is invalid: ${re.message}`, data));
    if (!re.test(data)) return Result.of(oe.pattern(name, s.pattern, data));
  }
  return undefined;
}

export function formatApplies(s: JSONSchemaProps, kind: Kind): boolean {
  return kind === 'string' && checkedFormat(s.format) !== '';
}

export function checkFormat(s: JSONSchemaProps, data: string, name: string): Result | undefined {
  const format = checkedFormat(s.format);
  return validatesFormat(format, data) ? undefined : Result.of(oe.invalidType(name, format, data));
}

/**
 * multipleOf, minimum, maximum, all reported. An int64 value is compared with the bound truncated to an
 * int64 and the message prints that; a float64 value uses the float bound (`%v`, so 1e+06).
 */
export function checkNumber(s: JSONSchemaProps, data: number, name: string): Result {
  const r = new Result();
  const int = isGoInt(data);
  if (s.multipleOf !== undefined) {
    const factor = s.multipleOf;
    if (int && Math.trunc(factor) !== 0) {
      const f = Math.trunc(factor);
      if (f < 0) r.add(oe.multipleOfMustBePositive(name, f, String(f)));
      else if (data % f !== 0) r.add(oe.multipleOf(name, String(f), data));
    } else if (factor < 0) {
      r.add(oe.multipleOfMustBePositive(name, factor, goFloat(factor)));
    } else if (!isJSONInteger(factor < 1 ? (1 / factor) * data : data / factor)) {
      r.add(oe.multipleOf(name, goFloat(factor), data));
    }
  }
  if (s.minimum !== undefined) {
    const min = int ? Math.trunc(s.minimum) : s.minimum;
    if (s.exclusiveMinimum ? data <= min : data < min) r.add(oe.minimum(name, int ? String(min) : goFloat(min), !!s.exclusiveMinimum, data));
  }
  if (s.maximum !== undefined) {
    const max = int ? Math.trunc(s.maximum) : s.maximum;
    if (s.exclusiveMaximum ? data >= max : data > max) r.add(oe.maximum(name, int ? String(max) : goFloat(max), !!s.exclusiveMaximum, data));
  }
  r.inc();
  return r;
}

/**
 * Whether data equals an enum value once converted to that value's Go type, as reflect.Convert does:
 * a float64 truncates to an int64 enum value, an int64 converts to a one-rune string.
 */
function enumMatches(data: unknown, e: unknown): boolean {
  const [dk, ek] = [kindOf(data), kindOf(e)];
  if (dk === 'null' || ek === 'null') return false;
  if (dk === 'int' || dk === 'float') {
    const n = data as number;
    if (ek === 'int') return Math.trunc(n) === e;
    if (ek === 'float') return n === e;
    if (ek === 'string' && dk === 'int') return goRuneString(n) === e;
    return false;
  }
  if (dk === 'array' || dk === 'object') return ek === dk && jsonEqual(data, e);
  return dk === ek && data === e;
}

function goRuneString(n: number): string {
  const valid = n >= 0 && n <= 0x10ffff && !(n >= 0xd800 && n < 0xe000);
  return valid ? String.fromCodePoint(n) : '\ufffd';
}

export function checkEnum(s: JSONSchemaProps, data: unknown, name: string): Result | undefined {
  const values = s.enum;
  if (!values || values.length === 0) return undefined;
  if (values.some((e) => enumMatches(data, e))) return undefined;
  return Result.of(oe.enum(name, data, values, goList(values)));
}
