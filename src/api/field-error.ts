/**
 * Field errors, as k8s.io/apimachinery/pkg/util/validation/field renders them (v1.32 value rendering:
 * strings double-quoted, numbers/bools plain, maps/arrays in Go `%#v`-like form).
 */

export type FieldErrorType =
  | 'Required value'
  | 'Invalid value'
  | 'Unsupported value'
  | 'Duplicate value'
  | 'Forbidden'
  | 'Too long'
  | 'Too many'
  | 'Not found'
  | 'Internal error'
  | 'field not declared in schema';

export interface FieldError {
  type: FieldErrorType;
  /** Field path, e.g. `spec.template.spec.containers[0].image`. */
  field: string;
  value?: unknown;
  /** Whether `value` is part of the message (Required/Forbidden/… omit it). */
  hasValue?: boolean;
  detail?: string;
}

/** Go `%#v`-like rendering used by 1.32 for non-scalar values. */
export function renderValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return `[]string{${value.map((v) => JSON.stringify(v)).join(', ')}}`;
    return `[]interface {}{${value.map(renderValue).join(', ')}}`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (entries.every(([, v]) => typeof v === 'string')) {
      return `map[string]string{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(', ')}}`;
    }
    return `map[string]interface {}{${entries.map(([k, v]) => `${JSON.stringify(k)}:${renderValue(v)}`).join(', ')}}`;
  }
  return String(value);
}

/** `<field>: <Type>[: <value>][: <detail>]` */
export function formatFieldError(e: FieldError): string {
  if (e.type === 'field not declared in schema') return `unknown field "${e.field}"`;
  let body: string = e.type;
  if (e.hasValue) body += `: ${renderValue(e.value)}`;
  if (e.detail) body += `: ${e.detail}`;
  return e.field ? `${e.field}: ${body}` : body;
}

export const fieldErrors = {
  required: (field: string, detail?: string): FieldError => ({ type: 'Required value', field, detail }),
  invalid: (field: string, value: unknown, detail?: string): FieldError => ({ type: 'Invalid value', field, value, hasValue: true, detail }),
  unsupported: (field: string, value: unknown, supported: string[]): FieldError => ({
    type: 'Unsupported value',
    field,
    value,
    hasValue: true,
    detail: `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
  }),
  duplicate: (field: string, value: unknown): FieldError => ({ type: 'Duplicate value', field, value, hasValue: true }),
  forbidden: (field: string, detail: string): FieldError => ({ type: 'Forbidden', field, detail }),
  tooLong: (field: string, value: unknown, max: number): FieldError => ({
    type: 'Too long', field, value, hasValue: false, detail: `must have at most ${max} bytes`,
  }),
  tooMany: (field: string, count: number, max: number): FieldError => ({ type: 'Too many', field, value: count, hasValue: true, detail: `must have at most ${max} items` }),
  notFound: (field: string, value: unknown): FieldError => ({ type: 'Not found', field, value, hasValue: true }),
  unknownField: (field: string): FieldError => ({ type: 'field not declared in schema', field }),
  immutable: (field: string, value: unknown): FieldError => ({ type: 'Invalid value', field, value, hasValue: true, detail: 'field is immutable' }),
};
