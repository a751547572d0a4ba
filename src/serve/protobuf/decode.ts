/**
 * Table-driven decoding of a protobuf message into the JSON object Kubernetes' JSON encoding gives
 * the same Go value: metav1.Time as RFC 3339, IntOrString as a number or string, Quantity as its
 * string, bytes as base64, maps as objects, repeated fields as arrays, a present empty message as
 * {}. Zero scalars are dropped (as `omitempty` would) unless the table keeps them. A field number
 * the table does not know fails the decode: data is never dropped silently.
 */
import { fullName, messageSpecs } from './schema.js';
import type { FieldSpec, MessageSpec, ScalarKind } from './schema-types.js';
import { WireError, type WireField, readFields, readPackedVarints, readString } from './wire.js';

export class ProtobufDecodeError extends Error {}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const MAX_DEPTH = 64;

/** Kubernetes' types whose JSON form is not an object of their fields. */
const SPECIAL: Record<string, (raw: JsonObject) => Json> = {
  'meta.v1.Time': (raw) => (raw.seconds === undefined && raw.nanos === undefined ? null : rfc3339(raw.seconds ?? 0)),
  'intstr.IntOrString': (raw) => (raw.type === 1 ? (raw.strVal ?? '') : (raw.intVal ?? 0)),
  'resource.Quantity': (raw) => raw.string ?? '',
  'meta.v1.FieldsV1': (raw) => parseRawJson(raw.Raw),
  'authorization.v1.ExtraValue': (raw) => raw.items ?? [],
  'authentication.v1.ExtraValue': (raw) => raw.items ?? [],
};

/** A message's JSON value. */
export function decodeMessage(type: string, bytes: Uint8Array): Json {
  try {
    return decodeValue(type, bytes, 0);
  } catch (e) {
    if (e instanceof WireError) throw new WireError(`in ${fullName(type)}: ${e.message}`);
    throw e;
  }
}

function specOf(type: string): MessageSpec {
  const spec = messageSpecs().get(type);
  if (!spec) throw new ProtobufDecodeError(`protobuf message ${fullName(type)} is not known to pocketkube serve; send JSON`);
  return spec;
}

function decodeValue(type: string, bytes: Uint8Array, depth: number): Json {
  if (depth > MAX_DEPTH) throw new ProtobufDecodeError(`protobuf messages nested deeper than ${MAX_DEPTH}`);
  const special = SPECIAL[type];
  const spec = specOf(type);
  const out: JsonObject = {};
  for (const wire of readFields(bytes)) {
    const field = spec.fields.get(wire.field);
    if (!field) throw new ProtobufDecodeError(`protobuf field ${wire.field} of ${fullName(type)} is not known to pocketkube serve; send JSON`);
    decodeField(spec, field, wire, out, special !== undefined, depth);
  }
  return special ? special(out) : out;
}

function decodeField(spec: MessageSpec, field: FieldSpec, wire: WireField, out: JsonObject, keepAll: boolean, depth: number): void {
  const where = () => `protobuf field ${field.number} (${field.json ?? 'inline'}) of ${fullName(spec.name)}`;
  if (field.map) {
    if (wire.wireType !== 2) throw new ProtobufDecodeError(`${where()}: a map entry must be length-delimited`);
    const [key, value] = decodeEntry(spec, field, wire.bytes, depth);
    const map = (out[field.json!] ??= {}) as JsonObject;
    map[key] = value;
    return;
  }
  if ('message' in field.value) {
    if (wire.wireType !== 2) throw new ProtobufDecodeError(`${where()}: a message must be length-delimited`);
    const value = decodeValue(field.value.message, wire.bytes, depth + 1);
    if (field.json === undefined) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ProtobufDecodeError(`${where()}: cannot inline a ${field.value.message}`);
      Object.assign(out, value);
    } else if (field.repeated) ((out[field.json] ??= []) as Json[]).push(value);
    else out[field.json] = value;
    return;
  }
  const kind = field.value.scalar;
  const name = field.json!;
  if (field.repeated) {
    const list = (out[name] ??= []) as Json[];
    // numbers and bools may come packed
    if (wire.wireType === 2 && kind !== 's' && kind !== 'y') {
      for (const v of readPackedVarints(wire.bytes)) list.push(fromVarint(kind, v));
    } else list.push(scalar(kind, wire, where));
    return;
  }
  const value = scalar(kind, wire, where);
  if (keepAll || field.keepZero || !isZero(kind, value)) out[name] = value;
  else delete out[name];
}

function decodeEntry(spec: MessageSpec, field: FieldSpec, bytes: Uint8Array, depth: number): [string, Json] {
  let key = '';
  let value: Json | undefined;
  for (const wire of readFields(bytes)) {
    const where = () => `protobuf map entry field ${wire.field} of ${field.json!} in ${fullName(spec.name)}`;
    if (wire.field === 1) {
      if (wire.wireType !== 2) throw new ProtobufDecodeError(`${where()}: a key must be length-delimited`);
      key = readString(wire.bytes);
    } else if (wire.field === 2) {
      if ('message' in field.value) {
        if (wire.wireType !== 2) throw new ProtobufDecodeError(`${where()}: a message must be length-delimited`);
        value = decodeValue(field.value.message, wire.bytes, depth + 1);
      } else value = scalar(field.value.scalar, wire, where);
    } else throw new ProtobufDecodeError(`${where()} is not known to pocketkube serve; send JSON`);
  }
  if (value === undefined) value = 'message' in field.value ? decodeValue(field.value.message, new Uint8Array(0), depth + 1) : zero(field.value.scalar);
  return [key, value];
}

function scalar(kind: ScalarKind, wire: WireField, where: () => string): Json {
  if (kind === 's' || kind === 'y') {
    if (wire.wireType !== 2) throw new ProtobufDecodeError(`${where()}: a ${kind === 's' ? 'string' : 'bytes'} field must be length-delimited`);
    return kind === 's' ? readString(wire.bytes) : Buffer.from(wire.bytes).toString('base64');
  }
  if (wire.wireType !== 0) throw new ProtobufDecodeError(`${where()}: wire type ${wire.wireType}, expected a varint`);
  return fromVarint(kind, wire.value);
}

function fromVarint(kind: ScalarKind, v: bigint): Json {
  if (kind === 'b') return v !== 0n;
  if (kind === 'i32') return Number(BigInt.asIntN(32, v));
  return Number(BigInt.asIntN(64, v));
}

const zero = (kind: ScalarKind): Json => (kind === 'b' ? false : kind === 'i32' || kind === 'i64' ? 0 : '');

const isZero = (kind: ScalarKind, v: Json): boolean => kind !== 'y' && v === zero(kind);

/** metav1.Time's JSON: RFC 3339 in UTC, whole seconds. */
function rfc3339(seconds: Json): string {
  const d = new Date(Number(seconds) * 1000);
  if (Number.isNaN(d.getTime())) throw new ProtobufDecodeError(`protobuf time ${String(seconds)} is out of range`);
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function parseRawJson(raw: Json | undefined): Json {
  if (typeof raw !== 'string' || raw === '') return null;
  try {
    return JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as Json;
  } catch {
    throw new ProtobufDecodeError('protobuf raw JSON field is not JSON');
  }
}
