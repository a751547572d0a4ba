/** IntOrString fields of rolling-update strategies (maxSurge, maxUnavailable), validated as apps/v1 does. */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import { regexError } from '../validation/messages.js';
import { goIntOrString, invalidRaw } from './go-render.js';

const PERCENT_RE = /^[0-9]+%$/;
const PERCENT_MSG = regexError("a valid percent string must be a numeric string followed by an ending '%'", '[0-9]+%', '1%', '93%');

/** Go's strconv.Atoi semantics for IntOrString.IntValue() of a string: 0 when not a number. */
function atoi(s: string): number {
  return /^[+-]?[0-9]+$/.test(s) ? Number.parseInt(s, 10) : 0;
}

function percentValue(v: unknown): number | undefined {
  if (typeof v !== 'string' || !PERCENT_RE.test(v)) return undefined;
  return Number.parseInt(v.slice(0, -1), 10);
}

/** getIntOrPercentValue: the percent number, or the integer value. */
export function intOrPercentValue(v: unknown): number {
  const p = percentValue(v);
  if (p !== undefined) return p;
  return typeof v === 'number' ? v : typeof v === 'string' ? atoi(v) : 0;
}

/** ValidatePositiveIntOrPercent. */
export function validatePositiveIntOrPercent(v: unknown, field: string): FieldError[] {
  if (typeof v === 'string') return PERCENT_RE.test(v) ? [] : [invalidRaw(field, goIntOrString(v), PERCENT_MSG)];
  if (typeof v === 'number') return v < 0 ? [fe.invalid(field, v, 'must be greater than or equal to 0')] : [];
  return [invalidRaw(field, goIntOrString(v), "must be an integer or percentage (e.g '5%')")];
}

/** IsNotMoreThan100Percent. */
export function validateNotMoreThan100Percent(v: unknown, field: string): FieldError[] {
  const p = percentValue(v);
  return p !== undefined && p > 100 ? [invalidRaw(field, goIntOrString(v), 'must not be greater than 100%')] : [];
}

/**
 * intstr.GetScaledValueFromIntOrPercent: a percentage of `total`, rounded up or down; an integer as is.
 * Used by controllers (maxSurge rounds up, maxUnavailable rounds down).
 */
export function scaledValue(v: unknown, total: number, roundUp: boolean): number {
  const p = percentValue(v);
  if (p === undefined) return intOrPercentValue(v);
  const exact = (p * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}
