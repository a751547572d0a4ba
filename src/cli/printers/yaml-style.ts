/**
 * How kubectl's YAML encoder (go-yaml v2 under sigs.k8s.io/yaml) chooses the style of a string.
 * The encoder asks for a literal block when the string has a line break, double quotes when YAML 1.1
 * would read the plain text back as something else (a number, `yes`, null, a timestamp), plain
 * otherwise; the emitter then falls back (plain → single quotes → double quotes, literal → double
 * quotes) when the text cannot be written in the asked style.
 */
export type StringStyle = 'plain' | 'single' | 'double' | 'literal';

const YAML11_SPECIALS = new Set([
  '', '~', 'null', 'Null', 'NULL',
  'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO',
  'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'on', 'On', 'ON', 'off', 'Off', 'OFF',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
  '<<',
]);

const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT = /^[-+]?(0b[01]+|0o?[0-7]+|0x[0-9a-fA-F]+|[0-9]+)$/;
const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::?\d{2})?))?)?$/;

/** Whether go-yaml v2 would resolve this plain scalar to anything but a string. */
export function resolvesToNonString(s: string): boolean {
  if (YAML11_SPECIALS.has(s)) return true;
  const c = s[0];
  if (c === '.') return FLOAT.test(s);
  if (!/[-+0-9]/.test(c)) return false;
  if (TIMESTAMP.test(s)) return true;
  const plain = s.replace(/_/g, '');
  return INT.test(plain) || FLOAT.test(plain) || BASE60.test(s);
}

/** go-yaml's is_printable, by code point (4-byte UTF-8 sequences are not printable to it). */
export function isPrintable(cp: number): boolean {
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);
}

export function isBreak(ch: string | undefined): boolean {
  return ch === '\n' || ch === '\r' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029';
}

const isBlankOrEnd = (ch: string | undefined): boolean => ch === undefined || ch === ' ' || ch === '\t' || isBreak(ch);

interface Analysis {
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** go-yaml's analyze_scalar, for block context. */
function analyze(s: string): Analysis {
  const chars = [...s];
  let indicators = s.startsWith('---') || s.startsWith('...');
  let special = false;
  let lineBreaks = false;
  let spaceBreak = false;
  let breakSpace = false;
  const n = chars.length;
  chars.forEach((ch, i) => {
    const next = chars[i + 1];
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) indicators = true;
      if ((ch === '?' || ch === ':' || ch === '-') && isBlankOrEnd(next)) indicators = true;
    } else {
      if (ch === ':' && isBlankOrEnd(next)) indicators = true;
      if (ch === '#' && isBlankOrEnd(chars[i - 1])) indicators = true;
    }
    const cp = ch.codePointAt(0)!;
    if (!isPrintable(cp) && !isBreak(ch)) special = true;
    if (isBreak(ch)) lineBreaks = true;
    if (ch === ' ' && isBreak(next)) spaceBreak = true;
    if (isBreak(ch) && next === ' ') breakSpace = true;
  });
  const edgeSpace = n > 0 && (chars[0] === ' ' || chars[n - 1] === ' ' || isBreak(chars[0]) || isBreak(chars[n - 1]));
  const trailingSpace = n > 0 && chars[n - 1] === ' ';
  return {
    blockPlainAllowed: !(indicators || special || lineBreaks || spaceBreak || breakSpace || edgeSpace),
    singleQuotedAllowed: !(special || spaceBreak || breakSpace),
    blockAllowed: !(special || spaceBreak || trailingSpace),
  };
}

/** The style kubectl's YAML uses for a string value (`key` = in a mapping key, where blocks are impossible). */
export function stringStyle(s: string, key = false): StringStyle {
  const a = analyze(s);
  if (s.includes('\n')) return !key && a.blockAllowed ? 'literal' : 'double';
  if (resolvesToNonString(s)) return 'double';
  if (a.blockPlainAllowed) return 'plain';
  return a.singleQuotedAllowed ? 'single' : 'double';
}
