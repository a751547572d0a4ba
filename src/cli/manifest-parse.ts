/**
 * Parses one manifest stream the way kubectl's YAMLOrJSONDecoder does: a stream starting with `{`
 * is a sequence of JSON values, anything else YAML split into documents at `---` lines (each
 * document converted on its own, YAML 1.1 rules, so `yes`/`on` are booleans). Errors use the
 * Go libraries' words (`yaml: line N: …`, `json: offset N: …`) with lines counted per document.
 */
import { parseDocument } from 'yaml';

export class ManifestSyntaxError extends Error {}

/** The documents of a stream, in order; empty documents are skipped. Throws ManifestSyntaxError at the first bad one,
 * after `onDoc` has seen the good documents before it. */
export function parseStream(text: string, onDoc: (value: unknown) => void): void {
  if (/^\s*\{/.test(text)) parseJsonStream(text, onDoc);
  else for (const chunk of splitYamlDocuments(text)) {
    const v = parseYamlDocument(chunk);
    if (v !== null && v !== undefined) onDoc(v);
  }
}

/** Splits at separator lines (`---`, optionally followed by spaces or a comment). */
export function splitYamlDocuments(text: string): string[] {
  const docs: string[] = [];
  let cur: string[] = [];
  for (const line of text.split('\n')) {
    if (/^---\s*(#.*)?$/.test(line.replace(/\r$/, ''))) {
      if (cur.some((l) => l.trim() !== '')) docs.push(cur.join('\n'));
      cur = [];
    } else cur.push(line);
  }
  if (cur.some((l) => l.trim() !== '')) docs.push(cur.join('\n'));
  return docs;
}

/** One YAML document as kubectl's YAML-to-JSON conversion reads it (throws ManifestSyntaxError). */
export function parseYamlDocument(chunk: string): unknown {
  const doc = parseDocument(chunk, {
    version: '1.1',
    uniqueKeys: false,
    prettyErrors: false,
    customTags: (tags) => tags.filter((t) => (typeof t === 'string' ? t : t.tag) !== 'tag:yaml.org,2002:timestamp'),
  });
  if (doc.errors.length > 0) throw new ManifestSyntaxError(`error converting YAML to JSON: yaml: ${yamlErrorText(chunk, doc.errors)}`);
  return doc.toJS({ maxAliasCount: 100 });
}

interface YamlErr {
  code: string;
  message: string;
  pos: [number, number];
}

/** go-yaml's wording for the common mistakes; the line is where go-yaml reports it. */
function yamlErrorText(src: string, errors: YamlErr[]): string {
  const first = errors[0];
  const lineAt = (pos: number) => src.slice(0, Math.min(pos, src.length)).split('\n').length;
  const lastLine = src.replace(/\n$/, '').split('\n').length;
  switch (first.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      const end = Math.max(...errors.filter((e) => e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'MULTILINE_IMPLICIT_KEY').map((e) => e.pos[1]));
      return `line ${lineAt(end)}: mapping values are not allowed in this context`;
    }
    case 'TAB_AS_INDENT':
      return `line ${lineAt(first.pos[0])}: found character that cannot start any token`;
    case 'MISSING_CHAR':
      if (/quote/.test(first.message)) return `line ${lastLine + 1}: found unexpected end of stream`;
      return `line ${Math.min(lineAt(first.pos[0]), lastLine)}: did not find expected key`;
    case 'BAD_INDENT':
      if (/Flow sequence/.test(first.message)) return `line ${Math.min(lineAt(first.pos[0]), lastLine)}: did not find expected ',' or ']'`;
      if (/Flow mapping/.test(first.message)) return `line ${Math.min(lineAt(first.pos[0]), lastLine)}: did not find expected ',' or '}'`;
      return `line ${Math.min(lineAt(first.pos[0]), lastLine)}: did not find expected key`;
    default:
      return `line ${Math.min(lineAt(first.pos[0]), lastLine)}: ${first.message.charAt(0).toLowerCase()}${first.message.slice(1)}`;
  }
}

/** A stream of concatenated JSON values. */
function parseJsonStream(text: string, onDoc: (value: unknown) => void): void {
  let rest = text;
  let base = 0;
  while (rest.trim() !== '') {
    try {
      onDoc(JSON.parse(rest));
      return;
    } catch (err) {
      const msg = (err as Error).message;
      const trailing = /Unexpected non-whitespace character after JSON at position (\d+)/.exec(msg);
      if (!trailing) throw new ManifestSyntaxError(`json: ${jsonErrorText(rest, msg, base)}`);
      const cut = Number(trailing[1]);
      onDoc(JSON.parse(rest.slice(0, cut)));
      base += cut;
      rest = rest.slice(cut);
    }
  }
}

/** encoding/json's wording (`offset` = bytes read when the error was seen). */
function jsonErrorText(src: string, nodeMessage: string, base: number): string {
  if (/Unexpected end of JSON input/.test(nodeMessage)) return 'unexpected EOF';
  const at = /position (\d+)/.exec(nodeMessage);
  const token = /Unexpected token '(.)'/.exec(nodeMessage);
  const pos = at ? Number(at[1]) : token ? src.indexOf(token[1]) : -1;
  if (pos < 0) return nodeMessage;
  const ch = src.charAt(pos);
  const offset = base + Buffer.byteLength(src.slice(0, pos + 1));
  const looking = /double-quoted property name/.test(nodeMessage)
    ? 'looking for beginning of object key string'
    : /after property name/.test(nodeMessage)
      ? 'after object key'
      : /after property value/.test(nodeMessage)
        ? 'after object key:value pair'
        : /after array element/.test(nodeMessage)
          ? 'after array element'
          : 'looking for beginning of value';
  return `offset ${offset}: invalid character '${ch}' ${looking}`;
}
