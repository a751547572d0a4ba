/** pflag's int flags (`--value=0x10`): Go's number syntax and cobra's error for a bad value. */
import { Flags } from '@oclif/core';
import type { OptionFlag } from '@oclif/core/interfaces';
import { FlagValueError } from './errors.js';
import { goQuote } from '../util/jsonpath/format.js';

/** An int32 or int64 flag, as pflag's Int32Var/Int64Var parse it; without a default it is undefined when not given (a required flag). */
export function intFlag(opts: { description: string; default: number; bits?: 32 | 64 }): OptionFlag<number>;
export function intFlag(opts: { description: string; bits?: 32 | 64 }): OptionFlag<number | undefined>;
export function intFlag(opts: { description: string; default?: number; bits?: 32 | 64 }): OptionFlag<number | undefined> {
  return Flags.custom<number>({
    description: opts.description,
    default: opts.default,
    parse: async (input, _ctx, flag) => {
      try {
        return parseGoInt(input, opts.bits ?? 64);
      } catch (err) {
        // cobra names a flag with a shorthand `-r, --replicas`; these have none
        throw new FlagValueError(`invalid argument ${goQuote(input)} for ${goQuote(`--${flag.name}`)} flag: ${(err as Error).message}`);
      }
    },
  })();
}

/**
 * Go's strconv.ParseInt(s, 0, bitSize): an optional sign, then decimal, `0x`/`0o`/`0b` (any case)
 * or a leading `0` for octal, `_` between digits only with a base prefix. Throws Go's error text
 * (`strconv.ParseInt: parsing "x": invalid syntax`).
 */
export function parseGoInt(text: string, bitSize: 8 | 16 | 32 | 64 = 64): number {
  const syntax = () => new Error(`strconv.ParseInt: parsing ${goQuote(text)}: invalid syntax`);
  const range = () => new Error(`strconv.ParseInt: parsing ${goQuote(text)}: value out of range`);
  let s = text;
  const neg = s.startsWith('-');
  if (neg || s.startsWith('+')) s = s.slice(1);
  if (s === '') throw syntax();
  let base = 10;
  if (s[0] === '0') {
    const p = s.length >= 3 ? s[1].toLowerCase() : '';
    base = p === 'b' ? 2 : p === 'o' ? 8 : p === 'x' ? 16 : 8;
    s = p === 'b' || p === 'o' || p === 'x' ? s.slice(2) : s.slice(1);
  }
  // ParseUint(s, 0, bitSize): digits are checked and overflow caught as they come
  const maxUint = 2n ** BigInt(bitSize) - 1n;
  let n = 0n;
  let underscores = false;
  for (const c of s.toLowerCase()) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const d = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c >= 'a' && c <= 'z' ? c.charCodeAt(0) - 87 : 99;
    if (d >= base) throw syntax();
    n = n * BigInt(base) + BigInt(d);
    if (n > maxUint) throw range();
  }
  if (underscores && !underscoreOK(text)) throw syntax();
  const cutoff = 2n ** BigInt(bitSize - 1);
  if (neg ? n > cutoff : n >= cutoff) throw range();
  return Number(neg ? -n : n);
}

/** strconv's underscoreOK: each `_` sits between digits (or after the base prefix). */
function underscoreOK(text: string): boolean {
  let s = text;
  if (s.startsWith('-') || s.startsWith('+')) s = s.slice(1);
  let saw = '^';
  let i = 0;
  const hex = /^0x/i.test(s);
  if (s.length >= 2 && /^0[box]/i.test(s)) {
    i = 2;
    saw = '0';
  }
  for (; i < s.length; i++) {
    const c = s[i].toLowerCase();
    if ((c >= '0' && c <= '9') || (hex && c >= 'a' && c <= 'f')) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}
