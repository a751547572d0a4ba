import { isBreak, isPrintable, stringStyle } from './yaml-style.js';

/**
 * A YAML writer for JSON data that lays text out as go-yaml v2 does (what `kubectl -o yaml` prints):
 * block style, 2-space indent, sequences at their parent key's column, `{}`/`[]` for empty
 * collections, keys in the order given, long scalars folded at the first space after column 80
 * with continuation lines indented two past their parent.
 */
const BEST_WIDTH = 80;
const INDENT = 2;

class Out {
  text = '';
  column = 0;

  write(s: string): void {
    for (const ch of s) {
      this.text += ch;
      this.column = ch === '\n' ? 0 : this.column + 1;
    }
  }

  /** Starts a new line (unless at the start of one) and moves to `indent`. */
  indent(indent: number): void {
    if (this.column > 0 || (this.text.length > 0 && !this.text.endsWith('\n'))) this.write('\n');
    this.write(' '.repeat(indent));
  }
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function emitYaml(value: unknown): string {
  const out = new Out();
  const v = value as Json;
  if (isNonEmptyMap(v)) emitMapping(out, v, 0, false);
  else if (isNonEmptySeq(v)) emitSequence(out, v, 0, false);
  else emitScalarOrEmpty(out, v, 0);
  if (!out.text.endsWith('\n')) out.write('\n');
  return out.text;
}

function isNonEmptyMap(v: Json): v is { [k: string]: Json } {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0;
}

function isNonEmptySeq(v: Json): v is Json[] {
  return Array.isArray(v) && v.length > 0;
}

function emitMapping(out: Out, map: { [k: string]: Json }, indent: number, inlineFirst: boolean): void {
  Object.keys(map).forEach((k, i) => {
    const v = map[k];
    if (v === undefined) return;
    if (!(inlineFirst && i === 0)) out.indent(indent);
    writeString(out, k, indent, true);
    out.write(':');
    if (isNonEmptyMap(v)) emitMapping(out, v, indent + INDENT, false);
    else if (isNonEmptySeq(v)) emitSequence(out, v, indent, false);
    else {
      out.write(' ');
      emitScalarOrEmpty(out, v, indent + INDENT);
    }
  });
}

function emitSequence(out: Out, seq: Json[], indent: number, inlineFirst: boolean): void {
  seq.forEach((item, i) => {
    if (!(inlineFirst && i === 0)) out.indent(indent);
    out.write('- ');
    if (isNonEmptyMap(item)) emitMapping(out, item, indent + INDENT, true);
    else if (isNonEmptySeq(item)) emitSequence(out, item, indent + INDENT, true);
    else emitScalarOrEmpty(out, item, indent + INDENT);
  });
}

function emitScalarOrEmpty(out: Out, v: Json | undefined, indent: number): void {
  if (v === null || v === undefined) out.write('null');
  else if (Array.isArray(v)) out.write('[]');
  else if (typeof v === 'object') out.write('{}');
  else if (typeof v === 'string') writeString(out, v, indent, false);
  else out.write(String(v));
}

function writeString(out: Out, s: string, indent: number, key: boolean): void {
  const style = stringStyle(s, key);
  const breaks = !key;
  if (style === 'plain') writePlain(out, s, indent, breaks);
  else if (style === 'single') writeSingle(out, s, indent, breaks);
  else if (style === 'double') writeDouble(out, s, indent, breaks);
  else writeLiteral(out, s, indent);
}

function writePlain(out: Out, s: string, indent: number, breaks: boolean): void {
  const chars = [...s];
  let spaces = false;
  chars.forEach((ch, i) => {
    if (ch === ' ') {
      if (breaks && !spaces && out.column > BEST_WIDTH && chars[i + 1] !== ' ') out.indent(indent);
      else out.write(ch);
      spaces = true;
    } else {
      out.write(ch);
      spaces = false;
    }
  });
}

function writeSingle(out: Out, s: string, indent: number, breaks: boolean): void {
  const chars = [...s];
  out.write("'");
  let spaces = false;
  chars.forEach((ch, i) => {
    if (ch === ' ') {
      if (breaks && !spaces && out.column > BEST_WIDTH && i > 0 && i < chars.length - 1 && chars[i + 1] !== ' ') out.indent(indent);
      else out.write(ch);
      spaces = true;
    } else {
      out.write(ch === "'" ? "''" : ch);
      spaces = false;
    }
  });
  out.write("'");
}

const ESCAPES: Record<string, string> = {
  '\0': '0', '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\x0b': 'v', '\f': 'f', '\r': 'r', '\x1b': 'e',
  '"': '"', '\\': '\\', '\u0085': 'N', '\u00a0': '_', '\u2028': 'L', '\u2029': 'P',
};

function escape(ch: string): string {
  if (ESCAPES[ch]) return '\\' + ESCAPES[ch];
  const cp = ch.codePointAt(0)!;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return '\\x' + hex.padStart(2, '0');
  if (cp <= 0xffff) return '\\u' + hex.padStart(4, '0');
  return '\\U' + hex.padStart(8, '0');
}

function writeDouble(out: Out, s: string, indent: number, breaks: boolean): void {
  const chars = [...s];
  out.write('"');
  let spaces = false;
  chars.forEach((ch, i) => {
    const cp = ch.codePointAt(0)!;
    if (!isPrintable(cp) || cp === 0xfeff || isBreak(ch) || ch === '"' || ch === '\\') {
      out.write(escape(ch));
      spaces = false;
    } else if (ch === ' ') {
      if (breaks && !spaces && out.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
        out.indent(indent);
        if (chars[i + 1] === ' ') out.write('\\');
      } else out.write(ch);
      spaces = true;
    } else {
      out.write(ch);
      spaces = false;
    }
  });
  out.write('"');
}

function writeLiteral(out: Out, s: string, indent: number): void {
  const chars = [...s];
  let hints = '';
  if (chars[0] === ' ' || isBreak(chars[0])) hints += String(INDENT);
  const last = chars.length - 1;
  if (!isBreak(chars[last])) hints += '-';
  else if (last === 0 || isBreak(chars[last - 1])) hints += '+';
  out.write('|' + hints + '\n');
  let atLineStart = true;
  for (const ch of chars) {
    if (isBreak(ch)) {
      out.write('\n');
      atLineStart = true;
    } else {
      if (atLineStart) out.write(' '.repeat(indent));
      atLineStart = false;
      out.write(ch);
    }
  }
}
