import { describe, expect, it } from 'vitest';
import { formatFieldError, type FieldError } from '../../../src/api/field-error.js';
import type { JSONSchemaProps } from '../../../src/api/crd/json-schema.js';
import { validateAgainstSchema } from '../../../src/api/crd/schema-validation.js';

const msgs = (errs: FieldError[]): string[] => errs.map(formatFieldError);

/** A custom resource schema whose spec has the given properties. */
const specSchema = (properties: Record<string, JSONSchemaProps>, extra: JSONSchemaProps = {}): JSONSchemaProps => ({
  type: 'object',
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
    spec: { type: 'object', properties, ...extra },
  },
});
const widget = (spec: unknown): Record<string, unknown> => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec });
const check = (properties: Record<string, JSONSchemaProps>, spec: unknown, extra?: JSONSchemaProps): string[] =>
  msgs(validateAgainstSchema(widget(spec), specSchema(properties, extra)));

describe('types', () => {
  it('reports a wrong type with the type kube-openapi sees', () => {
    expect(check({ replicas: { type: 'integer' } }, { replicas: 'x' })).toEqual([
      'spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"',
    ]);
    expect(check({ on: { type: 'boolean' } }, { on: 'yes' })).toEqual(['spec.on: Invalid value: "string": spec.on in body must be of type boolean: "string"']);
    expect(check({ o: { type: 'object' } }, { o: [] })).toEqual(['spec.o: Invalid value: "array": spec.o in body must be of type object: "array"']);
    expect(check({ a: { type: 'array' } }, { a: {} })).toEqual(['spec.a: Invalid value: "object": spec.a in body must be of type array: "object"']);
  });

  it('takes whole numbers only as integers, and integers as numbers', () => {
    expect(check({ n: { type: 'integer' } }, { n: 3 })).toEqual([]);
    expect(check({ n: { type: 'integer' } }, { n: 1.5 })).toEqual(['spec.n: Invalid value: "number": spec.n in body must be of type integer: "number"']);
    expect(check({ n: { type: 'number' } }, { n: 3 })).toEqual([]);
    expect(check({ n: { type: 'string' } }, { n: 3 })).toEqual(['spec.n: Invalid value: "integer": spec.n in body must be of type string: "integer"']);
  });

  it('rejects null unless nullable', () => {
    expect(check({ o: { type: 'object' } }, { o: null })).toEqual(['spec.o: Invalid value: "null": spec.o in body must be of type object: "null"']);
    expect(check({ o: { type: 'object', nullable: true } }, { o: null })).toEqual([]);
    expect(check({ o: {} }, { o: null })).toEqual([]);
  });

  it('accepts an integer or a string for x-kubernetes-int-or-string', () => {
    const port = { 'x-kubernetes-int-or-string': true };
    expect(check({ port }, { port: 8080 })).toEqual([]);
    expect(check({ port }, { port: 'http' })).toEqual([]);
    expect(check({ port }, { port: true })).toEqual([
      'spec.port: Invalid value: "boolean": spec.port in body must be of type integer,string: "boolean"',
    ]);
    expect(check({ port }, { port: 1.5 })).toEqual(['spec.port: Invalid value: "number": spec.port in body must be of type integer,string: "number"']);
  });

  it('names the root by an empty path and checks it too', () => {
    expect(msgs(validateAgainstSchema('x', { type: 'object' }))).toEqual(['<nil>: Invalid value: "string":  in body must be of type object: "string"']);
  });
});

describe('required and enum', () => {
  it('reports missing required properties, at the root as well', () => {
    expect(check({ size: { type: 'integer' } }, {}, { required: ['size'] })).toEqual(['spec.size: Required value']);
    const schema: JSONSchemaProps = { ...specSchema({}), required: ['spec'] };
    expect(msgs(validateAgainstSchema({ apiVersion: 'v', kind: 'K', metadata: {} }, schema))).toEqual(['spec: Required value']);
  });

  it('reports a value outside the enum with the supported values quoted', () => {
    const color: JSONSchemaProps = { type: 'string', enum: ['red', 'green'] };
    expect(check({ color }, { color: 'red' })).toEqual([]);
    expect(check({ color }, { color: 'pink' })).toEqual(['spec.color: Unsupported value: "pink": supported values: "red", "green"']);
    expect(check({ n: { type: 'integer', enum: [1, 2] } }, { n: 3 })).toEqual(['spec.n: Unsupported value: 3: supported values: "1", "2"']);
    expect(check({ c: { nullable: true, enum: ['a'] } }, { c: null })).toEqual(['spec.c: Unsupported value: "null": supported values: "a"']);
  });

  it('prints map values and map enum entries as Go prints them', () => {
    expect(check({ o: { type: 'object', enum: [{ a: 'c' }] } }, { o: { a: 'b' } })).toEqual([
      'spec.o: Unsupported value: map[string]interface {}{"a":"b"}: supported values: "{\\"a\\":\\"c\\"}"',
    ]);
    expect(check({ o: { type: 'object', enum: [{ a: 'c', b: 1 }] } }, { o: { b: 1, a: 'c' } })).toEqual([]);
  });
});

describe('strings', () => {
  it('checks pattern, minLength and maxLength, reporting the first failure only', () => {
    expect(check({ name: { type: 'string', pattern: '^[a-z]+$' } }, { name: 'ABC' })).toEqual([
      "spec.name: Invalid value: \"ABC\": spec.name in body should match '^[a-z]+$'",
    ]);
    expect(check({ name: { type: 'string', minLength: 1 } }, { name: '' })).toEqual([
      'spec.name: Invalid value: "": spec.name in body should be at least 1 chars long',
    ]);
    expect(check({ name: { type: 'string', maxLength: 3, pattern: '^[a-z]+$' } }, { name: 'ABCDE' })).toEqual([
      'spec.name: Too long: may not be more than 3 bytes',
    ]);
    expect(check({ c: { type: 'string', maxLength: 1 } }, { c: 'ab' })).toEqual(['spec.c: Too long: may not be more than 1 byte']);
    expect(check({ c: { type: 'string', maxLength: 1 } }, { c: 'é' })).toEqual([]);
  });

  it('checks the formats apiextensions knows, and only for strings', () => {
    const at: JSONSchemaProps = { type: 'string', format: 'date-time' };
    expect(check({ at }, { at: '2024-01-02T03:04:05Z' })).toEqual([]);
    expect(check({ at }, { at: '2024-01-02T03:04:05.123+01:00' })).toEqual([]);
    expect(check({ at }, { at: 'yesterday' })).toEqual([
      'spec.at: Invalid value: "yesterday": spec.at in body must be of type date-time: "yesterday"',
    ]);
    expect(check({ at }, { at: 5 })).toEqual(['spec.at: Invalid value: "int64": spec.at in body must be of type date-time: "int64"']);
    expect(check({ d: { type: 'string', format: 'date' } }, { d: '2023-02-29' })).toHaveLength(1);
    expect(check({ d: { type: 'string', format: 'date' } }, { d: '2024-02-29' })).toEqual([]);
    expect(check({ n: { type: 'string', format: 'int32' } }, { n: 'abc' })).toEqual([]);
    expect(check({ u: { type: 'string', format: 'uri' } }, { u: 'https://example.com/a?b=c' })).toEqual([]);
    expect(check({ u: { type: 'string', format: 'uri' } }, { u: 'not a uri' })).toEqual([
      'spec.u: Invalid value: "not a uri": spec.u in body must be of type uri: "not a uri"',
    ]);
    expect(check({ e: { type: 'string', format: 'email' } }, { e: 'a@example.com' })).toEqual([]);
    expect(check({ e: { type: 'string', format: 'email' } }, { e: 'nobody' })).toHaveLength(1);
    expect(check({ b: { type: 'string', format: 'byte' } }, { b: 'aGVsbG8=' })).toEqual([]);
    expect(check({ b: { type: 'string', format: 'byte' } }, { b: 'hello!' })).toHaveLength(1);
    expect(check({ ip: { type: 'string', format: 'ipv4' } }, { ip: '10.0.0.256' })).toHaveLength(1);
    expect(check({ t: { type: 'string', format: 'duration' } }, { t: '1h30m' })).toEqual([]);
    expect(check({ t: { type: 'string', format: 'duration' } }, { t: '3 days' })).toEqual([]);
    expect(check({ t: { type: 'string', format: 'duration' } }, { t: 'soon' })).toHaveLength(1);
  });
});

describe('numbers', () => {
  it('checks bounds, exclusive or not', () => {
    expect(check({ r: { type: 'integer', maximum: 10 } }, { r: 11 })).toEqual([
      'spec.r: Invalid value: 11: spec.r in body should be less than or equal to 10',
    ]);
    expect(check({ r: { type: 'integer', minimum: 0, exclusiveMinimum: true } }, { r: 0 })).toEqual([
      'spec.r: Invalid value: 0: spec.r in body should be greater than 0',
    ]);
    expect(check({ r: { type: 'number', maximum: 1 } }, { r: 1.5 })).toEqual(['spec.r: Invalid value: 1.5: spec.r in body should be less than or equal to 1']);
  });

  it('truncates a bound compared with an integer, and prints floats as Go does', () => {
    expect(check({ r: { type: 'integer', maximum: 2.5 } }, { r: 3 })).toEqual(['spec.r: Invalid value: 3: spec.r in body should be less than or equal to 2']);
    expect(check({ r: { type: 'number', maximum: 1000000 } }, { r: 2000000.5 })).toEqual([
      'spec.r: Invalid value: 2.0000005e+06: spec.r in body should be less than or equal to 1e+06',
    ]);
  });

  it('checks multipleOf, reporting it before the bounds', () => {
    expect(check({ r: { type: 'integer', multipleOf: 2, maximum: 3 } }, { r: 5 })).toEqual([
      'spec.r: Invalid value: 5: spec.r in body should be a multiple of 2',
      'spec.r: Invalid value: 5: spec.r in body should be less than or equal to 3',
    ]);
    expect(check({ r: { type: 'number', multipleOf: 0.1 } }, { r: 0.3 })).toEqual([]);
    expect(check({ r: { type: 'number', multipleOf: 0.1 } }, { r: 0.35 })).toEqual([
      'spec.r: Invalid value: 0.35: spec.r in body should be a multiple of 0.1',
    ]);
  });
});

describe('arrays and maps', () => {
  it('checks items, minItems, maxItems and uniqueItems', () => {
    const ports: JSONSchemaProps = { type: 'array', items: { type: 'object', properties: { port: { type: 'integer' } } } };
    expect(check({ ports }, { ports: [{ port: 80 }, { port: 'http' }] })).toEqual([
      'spec.ports[1].port: Invalid value: "string": spec.ports[1].port in body must be of type integer: "string"',
    ]);
    expect(check({ l: { type: 'array', minItems: 1 } }, { l: [] })).toEqual(['spec.l: Invalid value: 0: spec.l in body should have at least 1 items']);
    expect(check({ l: { type: 'array', maxItems: 2 } }, { l: [1, 2, 3] })).toEqual(['spec.l: Too many: 3: must have at most 2 items']);
    expect(check({ l: { type: 'array', uniqueItems: true } }, { l: [{ a: 1 }, { a: 1 }] })).toEqual([
      'spec.l: Invalid value: "": spec.l in body shouldn\'t contain duplicates',
    ]);
  });

  it('validates map values against additionalProperties and counts properties', () => {
    const labels: JSONSchemaProps = { type: 'object', additionalProperties: { type: 'string' }, maxProperties: 1 };
    expect(check({ labels }, { labels: { a: 'x', b: 2 } })).toEqual([
      'spec.labels: Too many: 2: must have at most 1 items',
      'spec.labels.b: Invalid value: "integer": spec.labels.b in body must be of type string: "integer"',
    ]);
    expect(check({ o: { type: 'object', minProperties: 1 } }, { o: {} })).toEqual([
      'spec.o: Invalid value: 0: spec.o in body should have at least 1 properties',
    ]);
  });
});

describe('allOf, anyOf, oneOf, not', () => {
  it('reports anyOf without a field, then the errors of the branch that matched most', () => {
    expect(check({ v: { anyOf: [{ type: 'integer' }, { type: 'string' }] } }, { v: true })).toEqual([
      '<nil>: Invalid value: "": "spec.v" must validate at least one schema (anyOf)',
      'spec.v: Invalid value: "boolean": spec.v in body must be of type integer: "boolean"',
    ]);
    const v: JSONSchemaProps = { anyOf: [{ type: 'string' }, { type: 'object', properties: { a: { type: 'integer' } } }] };
    expect(check({ v }, { v: { a: 'x' } })).toEqual([
      '<nil>: Invalid value: "": "spec.v" must validate at least one schema (anyOf)',
      'spec.v.a: Invalid value: "string": spec.v.a in body must be of type integer: "string"',
    ]);
  });

  it('reports oneOf with none or several valid alternatives', () => {
    const source: JSONSchemaProps = { type: 'object', oneOf: [{ required: ['a'] }, { required: ['b'] }] };
    expect(check({ source }, { source: { a: 1, b: 2 } })).toEqual([
      '<nil>: Invalid value: "": "spec.source" must validate one and only one schema (oneOf). Found 2 valid alternatives',
    ]);
    expect(check({ source }, { source: {} })).toEqual([
      '<nil>: Invalid value: "": "spec.source" must validate one and only one schema (oneOf). Found none valid',
      'spec.source.a: Required value',
    ]);
    expect(check({ source }, { source: { b: 1 } })).toEqual([]);
  });

  it('reports every allOf failure before its own error, and not', () => {
    expect(check({ v: { allOf: [{ type: 'integer' }, { minimum: 5 }] } }, { v: 'x' })).toEqual([
      'spec.v: Invalid value: "string": spec.v in body must be of type integer: "string"',
      '<nil>: Invalid value: "": "spec.v" must validate all the schemas (allOf)',
    ]);
    expect(check({ v: { allOf: [{ type: 'integer' }, { type: 'boolean' }] } }, { v: 'x' })).toEqual([
      'spec.v: Invalid value: "string": spec.v in body must be of type integer: "string"',
      'spec.v: Invalid value: "string": spec.v in body must be of type boolean: "string"',
      '<nil>: Invalid value: "": "spec.v" must validate all the schemas (allOf). None validated',
    ]);
    expect(check({ v: { not: { type: 'string' } } }, { v: 'x' })).toEqual(['<nil>: Invalid value: "": "spec.v" must not validate the schema (not)']);
  });
});

describe('list types', () => {
  it('reports each repeated set item once, at its second appearance', () => {
    const tags: JSONSchemaProps = { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'set' };
    expect(check({ tags }, { tags: ['a', 'b', 'a', 'a', 'b'] })).toEqual(['spec.tags[2]: Duplicate value: "a"', 'spec.tags[4]: Duplicate value: "b"']);
    expect(check({ tags: { ...tags, items: {} } }, { tags: [1, '1'] })).toEqual([]);
  });

  it('reports repeated map keys with the key as a Go map', () => {
    const item: JSONSchemaProps = { type: 'object', properties: { name: { type: 'string' }, proto: { type: 'string' } } };
    const ports: JSONSchemaProps = { type: 'array', items: item, 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'] };
    expect(check({ ports }, { ports: [{ name: 'http' }, { name: 'http', proto: 'TCP' }] })).toEqual([
      'spec.ports[1]: Duplicate value: map[string]interface {}{"name":"http"}',
    ]);
    const two = { ...ports, 'x-kubernetes-list-map-keys': ['name', 'proto'] };
    expect(check({ ports: two }, { ports: [{ name: 'a', proto: 'TCP' }, { name: 'a', proto: 'UDP' }, { proto: 'UDP', name: 'a' }] })).toEqual([
      'spec.ports[2]: Duplicate value: map[string]interface {}{"name":"a", "proto":"UDP"}',
    ]);
    expect(check({ ports: { ...ports, items: {} } }, { ports: ['x', { name: 'a' }] })).toEqual([
      'spec.ports[0]: Invalid value: "x": must be an object for an array of list-type map',
    ]);
  });

  it('walks map values with [key] paths, after the schema errors', () => {
    const byName: JSONSchemaProps = { type: 'object', additionalProperties: { type: 'array', items: { type: 'integer' }, 'x-kubernetes-list-type': 'set' } };
    expect(check({ byName, n: { type: 'integer' } }, { byName: { k: [1, 1] }, n: 'x' })).toEqual([
      'spec.n: Invalid value: "string": spec.n in body must be of type integer: "string"',
      'spec.byName[k][1]: Duplicate value: 1',
    ]);
  });
});

describe('the resource root', () => {
  it('leaves apiVersion, kind and metadata to other checks', () => {
    const schema: JSONSchemaProps = { type: 'object', required: ['metadata'], properties: { metadata: { type: 'string' }, kind: { type: 'integer' } } };
    expect(validateAgainstSchema({ apiVersion: 1, kind: 'K' }, schema)).toEqual([]);
  });

  it('walks properties in sorted order and prefixes fields with the given path', () => {
    const props: Record<string, JSONSchemaProps> = { b: { type: 'integer' }, a: { type: 'integer' } };
    expect(check(props, { b: 'x', a: 'y' }).map((m) => m.split(':')[0])).toEqual(['spec.a', 'spec.b']);
    const source: JSONSchemaProps = { type: 'object', oneOf: [{ required: ['a'] }] };
    expect(msgs(validateAgainstSchema(widget({ source: {}, n: 'x' }), specSchema({ source, n: { type: 'integer' } }), 'body'))).toEqual([
      'body.spec.n: Invalid value: "string": spec.n in body must be of type integer: "string"',
      'body: Invalid value: "": "spec.source" must validate one and only one schema (oneOf). Found none valid',
      'body.spec.source.a: Required value',
    ]);
  });
});
