/**
 * JSON as Go's encoding/json writes a typed Kubernetes struct (what kubectl's generators print with
 * `-o json` and put in the last-applied annotation): struct fields in declaration order (the order
 * the generators build them in), map keys sorted by bytes, `<`, `>`, `&`, U+2028 and U+2029
 * escaped. Struct fields are never integer-like, so an object with an integer-like key is a map;
 * JavaScript puts such keys first, so those objects are re-sorted here.
 */
const HTML_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

function goOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(goOrder);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value as object).filter((k) => (value as Record<string, unknown>)[k] !== undefined);
  const isMap = keys.some((k) => /^(0|[1-9][0-9]*)$/.test(k));
  if (isMap) keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // JS objects would put integer-like keys first again: build the text with a replacer-free walk.
  return new OrderedObject(keys.map((k) => [k, goOrder((value as Record<string, unknown>)[k])]));
}

class OrderedObject {
  constructor(readonly entries: [string, unknown][]) {}
}

function write(value: unknown, indent: string, depth: number): string {
  if (value instanceof OrderedObject) {
    if (value.entries.length === 0) return '{}';
    if (!indent) return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${write(v, indent, depth + 1)}`).join(',')}}`;
    const pad = indent.repeat(depth + 1);
    const body = value.entries.map(([k, v]) => `${pad}${JSON.stringify(k)}: ${write(v, indent, depth + 1)}`).join(',\n');
    return `{\n${body}\n${indent.repeat(depth)}}`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (!indent) return `[${value.map((v) => write(v, indent, depth + 1)).join(',')}]`;
    const pad = indent.repeat(depth + 1);
    return `[\n${value.map((v) => pad + write(v, indent, depth + 1)).join(',\n')}\n${indent.repeat(depth)}]`;
  }
  return JSON.stringify(value) ?? 'null';
}

function escapeHtml(text: string): string {
  return text.replace(/[<>&\u2028\u2029]/g, (c) => HTML_ESCAPES[c]);
}

/** `-o json` of a generated object: 4-space indent and a final newline. */
export function typedJson(value: unknown): string {
  return escapeHtml(write(goOrder(value), '    ', 0)) + '\n';
}

/** json.Marshal of a typed value: compact, no newline. */
export function typedJsonCompact(value: unknown): string {
  return escapeHtml(write(goOrder(value), '', 0));
}
