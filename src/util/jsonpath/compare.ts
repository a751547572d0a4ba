import { type Kind, kindOf, numberOf } from './values.js';

/** The comparisons of a JSONPath filter, as client-go's forked text/template funcs define them. */

const BAD_COMPARISON_TYPE = 'invalid type for comparison';
const BAD_COMPARISON = 'incompatible types for comparison';

function basicKind(v: unknown): Exclude<Kind, 'invalid' | 'map' | 'slice'> {
  const k = kindOf(v);
  if (k === 'invalid' || k === 'map' || k === 'slice') throw new Error(BAD_COMPARISON_TYPE);
  return k;
}

function equal(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 !== k2) throw new Error(BAD_COMPARISON);
  if (k1 === 'int' || k1 === 'float') return numberOf(a) === numberOf(b);
  return a === b;
}

function less(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 !== k2) throw new Error(BAD_COMPARISON);
  if (k1 === 'bool') throw new Error(BAD_COMPARISON_TYPE);
  if (k1 === 'int' || k1 === 'float') return numberOf(a) < numberOf(b);
  return (a as string) < (b as string);
}

/** Applies a filter operator; throws kubectl's error for an unknown operator or incomparable values. */
export function compare(operator: string, a: unknown, b: unknown): boolean {
  switch (operator) {
    case '<': return less(a, b);
    case '>': return !(less(a, b) || equal(a, b));
    case '==': return equal(a, b);
    case '!=': return !equal(a, b);
    case '<=': return less(a, b) || equal(a, b);
    case '>=': return !less(a, b);
    default: throw new Error(`unrecognized filter operator ${operator}`);
  }
}
