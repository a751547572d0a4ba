/** Field selectors as k8s.io/apimachinery/pkg/fields parses them (`--field-selector`): =, == and != joined by commas. */

export interface FieldRequirement {
  field: string;
  operator: '=' | '==' | '!=';
  value: string;
}

export interface FieldSelector {
  /** `get(field)` returns the object's value for a field label (undefined counts as ''). */
  matches(get: (field: string) => string | undefined): boolean;
  /** The field labels the selector uses, so the API server can reject unsupported ones. */
  fields(): string[];
  requirements(): FieldRequirement[];
  empty(): boolean;
  toString(): string;
}

export class FieldSelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldSelectorError';
  }
}

/** Splits on commas that are not escaped by a backslash. */
function splitTerms(s: string): string[] {
  if (s.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let slash = false;
  for (let i = 0; i < s.length; i++) {
    if (slash) slash = false;
    else if (s[i] === '\\') slash = true;
    else if (s[i] === ',') { terms.push(s.slice(start, i)); start = i + 1; }
  }
  terms.push(s.slice(start));
  return terms;
}

const OPERATORS = ['!=', '==', '='] as const;

function splitTerm(term: string): FieldRequirement | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of OPERATORS) {
      if (term.startsWith(op, i)) return { field: term.slice(0, i), operator: op, value: term.slice(i + op.length) };
    }
  }
  return undefined;
}

/** fields.UnescapeValue: `\\`, `\,` and `\=` are escapes; a bare ',' or '=' in a value is an error. */
export function unescapeValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = '';
  let slash = false;
  for (const c of s) {
    if (slash) {
      if (c !== '\\' && c !== ',' && c !== '=') throw new FieldSelectorError(`invalid field selector: invalid escape sequence: \\${c}`);
      out += c;
      slash = false;
    } else if (c === '\\') {
      slash = true;
    } else if (c === ',' || c === '=') {
      throw new FieldSelectorError(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    } else {
      out += c;
    }
  }
  if (slash) throw new FieldSelectorError('invalid field selector: invalid escape sequence: \\');
  return out;
}

/** fields.EscapeValue. */
export function escapeValue(s: string): string {
  return s.replace(/[\\,=]/g, (c) => `\\${c}`);
}

class TermsSelector implements FieldSelector {
  constructor(private readonly terms: FieldRequirement[]) {}
  matches(get: (field: string) => string | undefined): boolean {
    return this.terms.every((t) => ((get(t.field) ?? '') === t.value) === (t.operator !== '!='));
  }
  fields(): string[] {
    return [...new Set(this.terms.map((t) => t.field))];
  }
  requirements(): FieldRequirement[] {
    return this.terms;
  }
  empty(): boolean {
    return this.terms.length === 0;
  }
  toString(): string {
    return this.terms.map((t) => `${t.field}${t.operator === '!=' ? '!=' : '='}${escapeValue(t.value)}`).join(',');
  }
}

/** fields.ParseSelector; throws FieldSelectorError (`invalid selector: '<sel>'; can't understand '<part>'`). */
export function parseFieldSelector(s: string): FieldSelector {
  const parts = splitTerms(s).sort();
  const terms: FieldRequirement[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const t = splitTerm(part);
    if (!t) throw new FieldSelectorError(`invalid selector: '${s}'; can't understand '${part}'`);
    terms.push({ ...t, value: unescapeValue(t.value) });
  }
  return new TermsSelector(terms);
}

/**
 * The API server's error for a field label a resource does not support: kinds with their own field label
 * conversion (pods, nodes, events, namespaces, secrets, …) say `field label not supported: <label>`; the rest
 * use the default conversion, which only knows metadata.name and metadata.namespace.
 */
export function unsupportedFieldLabelMessage(label: string, kindHasFieldConversion: boolean): string {
  return kindHasFieldConversion
    ? `field label not supported: ${label}`
    : `${JSON.stringify(label)} is not a known field selector: only "metadata.name", "metadata.namespace"`;
}
