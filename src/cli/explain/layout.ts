import { indent, wordWrap } from './word-wrap.js';

/**
 * The pieces of kubectl 1.32's plaintext template (k8s.io/kubectl/pkg/explain/v2/templates/
 * plaintext.tmpl) that built-in types and custom resources share: the FIELD line, the DESCRIPTION
 * block, one entry of a field list, and the enum lines.
 */

/** One field as a field list prints it. */
export interface FieldLine {
  name: string;
  /** kubectl's typeGuess (without the angle brackets). */
  typeName: string;
  required: boolean;
  /** Allowed values, already printed as Go prints them. */
  enum?: string[];
  /** The field's own description ('' when it has none). */
  description: string;
}

/** The template's "description": each non-empty part followed by a line break. */
export function joinDescriptions(...parts: string[]): string {
  return parts.filter(Boolean).map((p) => p + '\n').join('');
}

/** `FIELD: name <type>`, the long enum, then the blank lines before DESCRIPTION. */
export function fieldHead(name: string, typeName: string, values: string[] | undefined): string {
  return `FIELD: ${name} <${typeName}>\n${longEnum(values)}\n\n`;
}

/** DESCRIPTION (`<empty>` when there is none, wrapped at 76, indented 4), then FIELDS when any. */
export function descriptionBlock(description: string, fields: string): string {
  const out = 'DESCRIPTION:\n' + indent(4, wordWrap(description || '<empty>', 76)) + '\n';
  return fields ? out + 'FIELDS:\n' + fields : out;
}

/** The template's fieldDetail: `name<TAB><type>`, `-required-`, the short enum, the description unless short. */
export function fieldDetail(f: FieldLine, level: number, short: boolean): string {
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
