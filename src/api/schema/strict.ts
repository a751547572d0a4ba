/**
 * The API server's decoding of a request body into the typed object, checked against the structural schema:
 * unknown fields (fieldValidation=Strict fails, Warn warns, Ignore drops them) and values that do not fit the Go
 * type (always a 400), worded as sigs.k8s.io/json and the Go decoders word them.
 */
import type { FieldValidation } from '../client.js';
import { apiErrors, type StatusError } from '../errors.js';
import { parseQuantityExact, QuantityError } from '../quantity.js';
import { base64Error, rfc3339Error } from './go-decode-errors.js';
import { goStructName, parseTypeExpr, schemaType, type TypeExpr } from './schema.js';

export interface DecodeCheck {
  /** The decode error (Go wording, without the `<Kind> in version …` prefix), if the body does not decode. */
  error?: string;
  /** `unknown field "spec.replica"` entries, in document order, de-duplicated, at most 100. */
  unknownFields: string[];
}

class FatalDecodeError extends Error {}

const INT32 = [-2147483648, 2147483647] as const;

interface Where {
  /** Go error context: struct containing the innermost field, and the JSON field names leading to it. */
  struct?: string;
  stack: string[];
  /** sigs.k8s.io/json strict path: `spec.containers[0].name`, map keys as `.key`. */
  path: string;
  int64: boolean;
}

function describe(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function goType(t: TypeExpr, int64: boolean): string {
  switch (t.kind) {
    case 'array': return `[]${goType(t.of, int64)}`;
    case 'map':
      if (t.of.kind === 'scalar' && t.of.name === 'Quantity') return 'v1.ResourceList';
      return `map[string]${goType(t.of, int64)}`;
    case 'ref': return `v1.${goStructName(t.name)}`;
    case 'scalar':
      switch (t.name) {
        case 'string': return 'string';
        case 'integer': return int64 ? 'int64' : 'int32';
        case 'number': return 'float64';
        case 'boolean': return 'bool';
        case 'Date': return 'v1.Time';
        case 'IntOrString': return 'intstr.IntOrString';
        case 'Quantity': return 'resource.Quantity';
        case 'Bytes': return '[]uint8';
        case 'object': return 'interface {}';
      }
  }
}

class Checker {
  error?: string;
  readonly unknown: string[] = [];
  private readonly seen = new Set<string>();

  /** With `drop`, unknown fields are also deleted from the value (the server's decoding drops them). */
  constructor(private readonly drop = false) {}

  private save(msg: string): void {
    this.error ??= msg;
  }

  private typeError(value: string, t: TypeExpr, w: Where): void {
    const type = goType(t, w.int64);
    this.save(
      w.struct !== undefined || w.stack.length
        ? `json: cannot unmarshal ${value} into Go struct field ${w.struct ?? ''}.${w.stack.join('.')} of type ${type}`
        : `json: cannot unmarshal ${value} into Go value of type ${type}`,
    );
  }

  private unknownField(path: string): void {
    const msg = `unknown field ${JSON.stringify(path)}`;
    if (this.unknown.length >= 100 || this.seen.has(msg)) return;
    this.seen.add(msg);
    this.unknown.push(msg);
  }

  value(v: unknown, t: TypeExpr, w: Where): void {
    if (v === null || v === undefined) return;
    switch (t.kind) {
      case 'array':
        if (!Array.isArray(v)) return this.typeError(describe(v), t, w);
        v.forEach((item, i) => this.value(item, t.of, { ...w, path: `${w.path}[${i}]` }));
        return;
      case 'map':
        if (!isPlainObject(v)) return this.typeError(describe(v), t, w);
        for (const [k, item] of Object.entries(v)) this.value(item, t.of, { ...w, path: w.path ? `${w.path}.${k}` : k });
        return;
      case 'ref':
        return this.struct(v, t, w);
      case 'scalar':
        return this.scalar(v, t, w);
    }
  }

  private struct(v: unknown, t: { kind: 'ref'; name: string }, w: Where): void {
    if (!isPlainObject(v)) return this.typeError(describe(v), t, w);
    const schema = schemaType(t.name);
    if (!schema) throw new Error(`schema type ${t.name} is not in the generated schema`);
    const struct = goStructName(t.name);
    for (const [k, item] of Object.entries(v)) {
      const path = w.path ? `${w.path}.${k}` : k;
      const expr = Object.prototype.hasOwnProperty.call(schema.f, k) ? schema.f[k] : undefined;
      if (expr === undefined) {
        this.unknownField(path);
        if (this.drop) delete v[k];
        continue;
      }
      this.value(item, parseTypeExpr(expr), { struct, stack: [...w.stack, k], path, int64: schema.i64?.includes(k) ?? false });
    }
  }

  private scalar(v: unknown, t: Extract<TypeExpr, { kind: 'scalar' }>, w: Where): void {
    switch (t.name) {
      case 'object':
        return;
      case 'string':
        if (typeof v !== 'string') this.typeError(describe(v), t, w);
        return;
      case 'boolean':
        if (typeof v !== 'boolean') this.typeError(describe(v), t, w);
        return;
      case 'number':
        if (typeof v !== 'number') this.typeError(describe(v), t, w);
        return;
      case 'integer':
        if (typeof v !== 'number') return this.typeError(describe(v), t, w);
        if (!fitsInt(v, w.int64)) this.typeError(`number ${String(v)}`, t, w);
        return;
      case 'Bytes': {
        if (typeof v !== 'string') return this.typeError(describe(v), t, w);
        const err = base64Error(v);
        if (err) this.save(err);
        return;
      }
      case 'Date': {
        if (typeof v !== 'string') throw new FatalDecodeError(`json: cannot unmarshal ${describe(v)} into Go value of type string`);
        const err = rfc3339Error(v);
        if (err) throw new FatalDecodeError(err);
        return;
      }
      case 'IntOrString':
        if (typeof v === 'string') return;
        if (typeof v === 'number') {
          if (!fitsInt(v, false)) throw new FatalDecodeError(`json: cannot unmarshal number ${String(v)} into Go value of type int32`);
          return;
        }
        throw new FatalDecodeError(`json: cannot unmarshal ${describe(v)} into Go value of type int32`);
      case 'Quantity': {
        const text = typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : JSON.stringify(v);
        try {
          parseQuantityExact(text);
        } catch (e) {
          if (e instanceof QuantityError) throw new FatalDecodeError(e.message);
          throw e;
        }
        return;
      }
    }
  }
}

function fitsInt(v: number, int64: boolean): boolean {
  if (!Number.isInteger(v)) return false;
  return int64 ? Math.abs(v) < 2 ** 63 : v >= INT32[0] && v <= INT32[1];
}

/** Decodes `obj` against schema type `typeName` (e.g. `V1Deployment`) without changing it. */
export function decodeCheck(obj: unknown, typeName: string): DecodeCheck {
  const c = new Checker();
  try {
    c.value(obj, { kind: 'ref', name: typeName }, { stack: [], path: '', int64: false });
  } catch (e) {
    if (!(e instanceof FatalDecodeError)) throw e;
    return { error: e.message, unknownFields: c.unknown };
  }
  return { error: c.error, unknownFields: c.unknown };
}

function prefix(kind: string, version: string): string {
  return `${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: `;
}

/**
 * fieldValidation=Warn or Ignore: deletes the unknown fields from `obj`, as decoding into the typed
 * object drops them, and returns them (`unknown field "spec.replica"`) for the warnings.
 */
export function dropUnknownFields(obj: unknown, typeName: string): string[] {
  const c = new Checker(true);
  try {
    c.value(obj, { kind: 'ref', name: typeName }, { stack: [], path: '', int64: false });
  } catch (e) {
    if (!(e instanceof FatalDecodeError)) throw e;
  }
  return c.unknown;
}

/** fieldValidation=Strict: a 400 BadRequest for a decode error or for unknown fields, undefined when clean. */
export function checkStrict(obj: unknown, typeName: string, kind: string, version: string): StatusError | undefined {
  return checkFieldValidation(obj, typeName, kind, version, 'Strict').error;
}

/** fieldValidation=Warn: the unknown fields as warnings (`unknown field "spec.replica"`). */
export function checkStrictWarnings(obj: unknown, typeName: string): string[] {
  return decodeCheck(obj, typeName).unknownFields;
}

/**
 * What the API server does with a body under each fieldValidation directive: a decode error always fails;
 * unknown fields fail under Strict, become warnings under Warn, and are dropped silently under Ignore.
 */
export function checkFieldValidation(
  obj: unknown,
  typeName: string,
  kind: string,
  version: string,
  mode: FieldValidation,
): { error?: StatusError; warnings: string[] } {
  const r = decodeCheck(obj, typeName);
  if (r.error) return { error: apiErrors.badRequest(prefix(kind, version) + r.error), warnings: [] };
  if (r.unknownFields.length === 0 || mode === 'Ignore') return { warnings: [] };
  if (mode === 'Warn') return { warnings: r.unknownFields };
  return { error: strictDecodingError(kind, version, r.unknownFields), warnings: [] };
}

/** fieldValidation=Strict's 400 for a body with unknown fields (`unknown field "spec.replica"`, …). */
export function strictDecodingError(kind: string, version: string, unknownFields: readonly string[]): StatusError {
  return apiErrors.badRequest(`${prefix(kind, version)}strict decoding error: ${unknownFields.join(', ')}`);
}
