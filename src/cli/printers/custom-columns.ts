import { readFileSync } from 'node:fs';
import type { KubeObject } from '../../api/types.js';
import { JsonPath, goSprint } from '../../util/jsonpath/index.js';
import { tabulate } from './tabwriter.js';

/**
 * `-o custom-columns=HEADER:PATH,…` and `-o custom-columns-file=FILE` (kubectl's
 * pkg/cmd/get/customcolumn.go): headers verbatim, each path a relaxed JSONPath, several matches
 * joined with `,`, `<none>` for none, laid out like a table.
 */
export interface Column {
  header: string;
  /** The path as a full template, `{.metadata.name}`. */
  fieldSpec: string;
}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** `a.b`, `.a.b`, `{a.b}`, `{.a.b}` → `{.a.b}` (kubectl's RelaxedJSONPathExpression). */
export function relaxedJsonPath(path: string): string {
  if (path.length === 0) return path;
  const m = RELAXED.exec(path);
  if (!m) {
    throw new Error("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  }
  return `{.${m[1] ?? m[2]}}`;
}

export function columnsFromSpec(spec: string): Column[] {
  if (spec.length === 0) throw new Error('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const i = part.indexOf(':');
    if (i < 0) throw new Error(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, i), fieldSpec: relaxedJsonPath(part.slice(i + 1)) };
  });
}

const TEMPLATE_HINT = 'Expected format is one line of space separated headers, one line of space separated column specs.';

/** The file form: a line of headers, then a line of paths, both split on whitespace. */
export function columnsFromTemplate(text: string): Column[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (text.length === 0 || lines.length < 1) throw new Error(`invalid template, missing header line. ${TEMPLATE_HINT}`);
  if (lines.length < 2 || (lines.length === 2 && lines[1] === '' && !text.endsWith('\n\n'))) {
    throw new Error(`invalid template, missing spec line. ${TEMPLATE_HINT}`);
  }
  const headers = splitWhitespace(lines[0]);
  const specs = splitWhitespace(lines[1]);
  if (headers.length !== specs.length) {
    throw new Error(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  }
  return headers.map((header, i) => ({ header, fieldSpec: relaxedJsonPath(specs[i]) }));
}

export function columnsFromFile(file: string): Column[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`open ${file}: ${code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`);
  }
  return columnsFromTemplate(text);
}

function splitWhitespace(line: string): string[] {
  return line.split(/\s+/).filter(Boolean);
}

/** Every object one row; the header row unless `noHeaders` (printed even when there are no objects). */
export function printCustomColumns(objs: KubeObject[], columns: Column[], opts: { noHeaders?: boolean } = {}): string {
  const paths = columns.map((c) => new JsonPath(c.fieldSpec, { allowMissingKeys: true }));
  const rows: string[][] = [];
  if (!opts.noHeaders) rows.push(columns.map((c) => c.header));
  for (const obj of objs) {
    rows.push(
      paths.map((p) => {
        const groups = p.findResults(obj);
        if (groups.length === 0 || groups[0].length === 0) return '<none>';
        return groups.flat().map(goSprint).join(',');
      }),
    );
  }
  return tabulate(rows);
}
