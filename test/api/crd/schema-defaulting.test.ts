import { describe, expect, it } from 'vitest';
import type { JSONSchemaProps } from '../../../src/api/crd/json-schema.js';
import { applyDefaults, pruneNonNullableNulls } from '../../../src/api/crd/schema-defaulting.js';

const schema: JSONSchemaProps = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        replicas: { type: 'integer', default: 1 },
        mode: { type: 'string', nullable: true, default: 'auto' },
        resources: {
          type: 'object',
          default: {},
          properties: { cpu: { type: 'string', default: '100m' }, tags: { type: 'array', items: { type: 'string' }, default: ['a'] } },
        },
        ports: { type: 'array', items: { type: 'object', default: { port: 80 }, properties: { port: { type: 'integer' }, proto: { type: 'string', default: 'TCP' } } } },
        byName: { type: 'object', additionalProperties: { type: 'object', properties: { weight: { type: 'integer', default: 10 } } } },
        optional: { type: 'object', properties: { inner: { type: 'string', default: 'x' } } },
        none: { type: 'string', default: null },
      },
    },
  },
};

describe('applyDefaults', () => {
  it('fills missing properties, then defaults inside them', () => {
    const obj: Record<string, unknown> = { spec: {} };
    applyDefaults(obj, schema);
    expect(obj).toEqual({ spec: { replicas: 1, mode: 'auto', resources: { cpu: '100m', tags: ['a'] } } });
  });

  it('does not default inside what is absent, nor over values that are set', () => {
    const obj = { spec: { replicas: 3, resources: { cpu: '2' } } };
    applyDefaults(obj, schema);
    expect(obj.spec).toEqual({ replicas: 3, mode: 'auto', resources: { cpu: '2', tags: ['a'] } });
    const bare: Record<string, unknown> = {};
    applyDefaults(bare, schema);
    expect(bare).toEqual({});
  });

  it('replaces a null only where the field is not nullable', () => {
    const obj = { spec: { replicas: null, mode: null } };
    applyDefaults(obj, schema);
    expect(obj.spec).toMatchObject({ replicas: 1, mode: null });
  });

  it('defaults array items and map values, including null items', () => {
    const obj = { spec: { ports: [{ port: 443 }, null], byName: { a: {}, b: { weight: 1 } } } };
    applyDefaults(obj, schema);
    expect(obj.spec.ports).toEqual([{ port: 443, proto: 'TCP' }, { port: 80, proto: 'TCP' }]);
    expect(obj.spec.byName).toEqual({ a: { weight: 10 }, b: { weight: 1 } });
  });

  it('copies defaults rather than sharing them', () => {
    const a = { spec: {} as Record<string, unknown> };
    const b = { spec: {} as Record<string, unknown> };
    applyDefaults(a, schema);
    applyDefaults(b, schema);
    (a.spec.resources as { tags: string[] }).tags.push('changed');
    expect(b.spec.resources).toEqual({ cpu: '100m', tags: ['a'] });
    expect(schema.properties?.spec.properties?.resources.properties?.tags.default).toEqual(['a']);
  });

  it('treats default: null as no default', () => {
    const obj = { spec: { replicas: 2 } };
    applyDefaults(obj, schema);
    expect('none' in obj.spec).toBe(false);
  });
});

describe('pruneNonNullableNulls', () => {
  it('removes non-nullable nulls without a default, and keeps the rest for defaulting', () => {
    const s: JSONSchemaProps = {
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          properties: {
            a: { type: 'string' },
            b: { type: 'string', nullable: true },
            c: { type: 'string', default: 'x' },
            list: { type: 'array', items: { type: 'string' } },
          },
        },
      },
    };
    const obj = { spec: { a: null, b: null, c: null, unknown: null, list: [null] } };
    pruneNonNullableNulls(obj, s);
    expect(obj.spec).toEqual({ b: null, c: null, unknown: null, list: [null] });
  });
});
