import type { KindDef } from '../../api/kind.js';
import { type ExplainField, fieldsOf, refOf, typeDescription, walkPath } from './schema-view.js';
import { indent, wordWrap } from './word-wrap.js';

/**
 * `kubectl explain` in its 1.32 default format ("plaintext", the OpenAPI v3 template): a header
 * (GROUP only for named groups, KIND, VERSION), then for a field path `FIELD: name <type>`, the
 * DESCRIPTION (wrapped at 76 columns, indented 4) and the FIELDS, each `name<TAB><type>` with
 * `-required-` and its description, or with --recursive the nested field names only.
 */
export interface ExplainRequest {
  kind: KindDef;
  /** Field path below the resource (`['spec', 'replicas']`); empty for the resource itself. */
  path: string[];
  recursive: boolean;
}

/** The header kubectl prints first (also before a "field does not exist" error). */
export function explainHeader(kind: KindDef): string {
  return `${kind.group ? `GROUP:      ${kind.group}\n` : ''}KIND:       ${kind.kind}\nVERSION:    ${kind.version}\n\n`;
}

/** The body below the header; throws FieldNotFoundError for a path that does not exist. */
export function explainBody(req: ExplainRequest): string {
  const { kind, path, recursive } = req;
  let out = '';
  const field = walkPath(kind.schemaType, path);
  let description: string;
  let type: string | undefined;
  if (field) {
    out += `FIELD: ${field.name} <${field.typeName}>\n${longEnum(field.enum)}\n\n`;
    type = refOf(field.expr);
    description = joinDescriptions(field.description, type ? typeDescription(type) : '');
  } else {
    type = kind.schemaType;
    description = joinDescriptions(typeDescription(type));
  }
  out += 'DESCRIPTION:\n' + indent(4, wordWrap(description || '<empty>', 76)) + '\n';
  const list = type ? fieldList(type, 1, recursive, new Set<string>()) : '';
  if (list) out += 'FIELDS:\n' + list;
  return out + '\n';
}

export function explainPlaintext(req: ExplainRequest): string {
  return explainHeader(req.kind) + explainBody(req);
}

/** The template's "description": each non-empty part followed by a line break. */
function joinDescriptions(...parts: string[]): string {
  return parts.filter(Boolean).map((p) => p + '\n').join('');
}

function fieldList(type: string, level: number, recursive: boolean, seen: Set<string>): string {
  let out = '';
  for (const f of fieldsOf(type)) {
    out += fieldDetail(f, level, recursive);
    if (!recursive) continue;
    const sub = refOf(f.expr);
    if (sub && !seen.has(sub)) out += fieldList(sub, level + 1, recursive, new Set([...seen, sub]));
  }
  return out;
}

function fieldDetail(f: ExplainField, level: number, short: boolean): string {
  const pad = level * 2;
  let out = `${indent(pad, f.name)}\t<${f.typeName}>${f.required ? ' -required-' : ''}${shortEnum(f.enum, pad)}\n`;
  if (!short) out += indent(pad + 2, wordWrap(f.description || '<no description>', 78 - pad)) + '\n\n';
  return out;
}

const enumValue = (v: string) => (v === '' ? '""' : v);

/** The template's extractEnum, long view (under FIELD): `ENUM:` and one value per line. */
function longEnum(values: string[] | undefined): string {
  if (!values?.length) return '';
  return 'ENUM:' + values.map((v) => '\n    ' + enumValue(v)).join('');
}

/** extractEnum in a field list: `enum: A, B, C, D, ....` (at most four values) on its own line. */
function shortEnum(values: string[] | undefined, pad: number): string {
  if (!values?.length) return '';
  const shown = values.slice(0, 4).map(enumValue).join(', ');
  return `\n${' '.repeat(pad)}enum: ${shown}${values.length > 4 ? ', ....' : ''}`;
}
