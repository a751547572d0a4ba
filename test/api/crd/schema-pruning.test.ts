import { describe, expect, it } from 'vitest';
import type { JSONSchemaProps } from '../../../src/api/crd/json-schema.js';
import { unknownFields } from '../../../src/api/crd/schema-pruning.js';

const schemaWithSpec = (spec: JSONSchemaProps, root: JSONSchemaProps = {}): JSONSchemaProps => ({
  type: 'object',
  properties: { spec },
  ...root,
});
const widget = (spec: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  apiVersion: 'example.com/v1',
  kind: 'Widget',
  metadata: { name: 'w', bogus: true },
  spec,
  ...extra,
});

describe('unknownFields', () => {
  it('reports undeclared fields with dotted paths and indexes, without touching the object', () => {
    const spec: JSONSchemaProps = {
      type: 'object',
      properties: { size: { type: 'integer' }, items: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } } },
    };
    const obj = widget({ size: 1, extra: { deep: 1 }, items: [{ name: 'a', x: 1 }, { name: 'b' }] });
    const before = structuredClone(obj);
    expect(unknownFields(obj, schemaWithSpec(spec), { drop: false })).toEqual(['unknown field "spec.extra"', 'unknown field "spec.items[0].x"']);
    expect(obj).toEqual(before);
  });

  it('drops them with drop', () => {
    const obj = widget({ size: 1, extra: 2 }, { status: { ready: true } });
    const found = unknownFields(obj, schemaWithSpec({ type: 'object', properties: { size: { type: 'integer' } } }), { drop: true });
    expect(found).toEqual(['unknown field "spec.extra"', 'unknown field "status"']);
    expect(obj).toEqual({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', bogus: true }, spec: { size: 1 } });
  });

  it('sorts the paths as Kubernetes does, not in document order', () => {
    const obj = widget({ zeta: 1, alpha: 1, mid: [{ q: 1 }] });
    expect(unknownFields(obj, schemaWithSpec({ type: 'object', properties: { mid: { type: 'array', items: { type: 'object' } } } }), { drop: false })).toEqual([
      'unknown field "spec.alpha"',
      'unknown field "spec.mid[0].q"',
      'unknown field "spec.zeta"',
    ]);
  });

  it('keeps apiVersion, kind and metadata at the root, even with no schema for them', () => {
    expect(unknownFields(widget({}), { type: 'object', properties: { spec: { type: 'object' } } }, { drop: true })).toEqual([]);
  });

  it('honours x-kubernetes-preserve-unknown-fields at the root and below, pruning known properties still', () => {
    const root: JSONSchemaProps = {
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
      properties: { spec: { type: 'object', properties: { a: { type: 'integer' } } } },
    };
    const obj = widget({ a: 1, b: 2 }, { anything: { goes: 1 } });
    expect(unknownFields(obj, root, { drop: true })).toEqual(['unknown field "spec.b"']);
    expect(obj.anything).toEqual({ goes: 1 });
    const free: JSONSchemaProps = { type: 'object', properties: { raw: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } };
    expect(unknownFields(widget({ raw: { x: { y: 1 } } }), schemaWithSpec(free), { drop: false })).toEqual([]);
  });

  it('keeps map keys under additionalProperties, pruning their values against its schema', () => {
    const spec: JSONSchemaProps = {
      type: 'object',
      properties: {
        byName: { type: 'object', additionalProperties: { type: 'object', properties: { port: { type: 'integer' } } } },
        free: { type: 'object', additionalProperties: true },
      },
    };
    const obj = widget({ byName: { web: { port: 80, proto: 'TCP' } }, free: { n: 1, o: { x: 1 } } });
    expect(unknownFields(obj, schemaWithSpec(spec), { drop: true })).toEqual([
      'unknown field "spec.byName.web.proto"',
      'unknown field "spec.free.o.x"',
    ]);
    expect(obj.spec).toEqual({ byName: { web: { port: 80 } }, free: { n: 1, o: {} } });
  });

  it('keeps apiVersion, kind and metadata of an embedded resource', () => {
    const template: JSONSchemaProps = {
      type: 'object',
      'x-kubernetes-embedded-resource': true,
      properties: { spec: { type: 'object', properties: { image: { type: 'string' } } } },
    };
    const obj = widget({ template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { image: 'x', tag: 'y' }, other: 1 } });
    expect(unknownFields(obj, schemaWithSpec({ type: 'object', properties: { template } }), { drop: false })).toEqual([
      'unknown field "spec.template.other"',
      'unknown field "spec.template.spec.tag"',
    ]);
  });

  it('empties objects in an array that has no items schema', () => {
    expect(unknownFields(widget({ list: [{ a: 1 }, 2] }), schemaWithSpec({ type: 'object', properties: { list: { type: 'array' } } }), { drop: false })).toEqual([
      'unknown field "spec.list[0].a"',
    ]);
  });
});
