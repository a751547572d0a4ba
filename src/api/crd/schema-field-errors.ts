/**
 * apiextensions' kubeOpenAPIResultToFieldErrors (pkg/apiserver/validation/validation.go), with 1.32's
 * field.Error wording: which kube-openapi errors become Required, Unsupported, Too long, Too many or Invalid
 * field errors, and how the values of an unstructured object print in them.
 */
import type { FieldError, FieldErrorType } from '../field-error.js';
import { goJSON, goNumber, goQuote, goSyntax } from './go-values.js';
import type { OpenAPIError } from './openapi-result.js';

/**
 * A field error whose value reads as Go prints it. nil prints as "null"; maps and lists print with `%#v`
 * as the interface{} values they are (renderValue would call a map of strings a map[string]string), so
 * those go into the detail verbatim, as the built-in kinds' raw renderings do.
 */
export function goValueError(type: FieldErrorType, field: string, value: unknown, detail?: string): FieldError {
  if (value === null || value === undefined) return { type, field, value: 'null', hasValue: true, detail };
  if (typeof value === 'string' || typeof value === 'boolean') return { type, field, value, hasValue: true, detail };
  if (typeof value === 'number' && goNumber(value) === String(value)) return { type, field, value, hasValue: true, detail };
  const raw = typeof value === 'number' ? goNumber(value) : goSyntax(value);
  return { type, field, hasValue: false, detail: detail ? `${raw}: ${detail}` : raw };
}

/** field.TooLong in 1.32 (TooLongMaxLength now says the same). */
function tooLongDetail(max: number): string {
  return max >= 0 ? `may not be more than ${max} ${max === 1 ? 'byte' : 'bytes'}` : 'value is too long';
}

/**
 * One kube-openapi error as a field error under `fldPath` (undefined is Go's nil path, which prints `<nil>`):
 * the field is the error's name without its leading dot, composite errors (allOf/anyOf/oneOf/not) have none.
 */
export function toFieldError(e: OpenAPIError, fldPath?: string): FieldError {
  const base = fldPath ?? '<nil>';
  if (e.code === 'composite') return goValueError('Invalid value', base, '', e.message);
  const name = e.name && e.name !== '.' ? e.name.replace(/^\./, '') : '';
  const field = !name ? base : fldPath ? `${fldPath}.${name}` : name;
  switch (e.code) {
    case 'required':
      return { type: 'Required value', field };
    case 'enum': {
      // Non-string enum values are listed as their JSON, then quoted like the strings.
      const supported = (e.values ?? []).map((v) => (typeof v === 'string' ? v : goJSON(v)));
      return goValueError('Unsupported value', field, e.value, supported.length ? `supported values: ${supported.map(goQuote).join(', ')}` : undefined);
    }
    case 'tooLong':
      return { type: 'Too long', field, value: e.value ?? '', hasValue: false, detail: tooLongDetail(e.valid ?? -1) };
    case 'maxItems':
    case 'tooManyProperties': {
      // Too many properties is worded as items too: it goes through the same field.TooMany.
      const actual = typeof e.value === 'number' ? e.value : -1;
      const max = e.valid ?? -1;
      const detail = max >= 0 ? `must have at most ${max} items` : 'has too many items';
      return actual >= 0 ? { type: 'Too many', field, value: actual, hasValue: true, detail } : { type: 'Too many', field, hasValue: false, detail };
    }
    default:
      return goValueError('Invalid value', field, e.value === undefined ? '' : e.value, e.message);
  }
}
