import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { customKindOf } from '../../../src/api/crd/custom-kind.js';
import type { JSONSchemaProps } from '../../../src/api/crd/json-schema.js';
import type { KindDef } from '../../../src/api/kind.js';
import { kindRegistry } from '../../../src/api/kinds/index.js';
import type { KubeObject } from '../../../src/api/types.js';
import { crdDocSchema, enumStrings, typeGuess } from '../../../src/cli/explain/custom-schema-view.js';
import { explainPlaintext } from '../../../src/cli/explain/plaintext.js';
import { FieldNotFoundError } from '../../../src/cli/explain/schema-view.js';

/**
 * explain for custom resources, laid out as kubectl 1.32's plaintext template (k8s.io/kubectl
 * pkg/explain/v2/templates/plaintext.tmpl) prints the OpenAPI v3 document kube-apiserver builds
 * from a CRD (apiextensions-apiserver pkg/controller/openapi/builder): the CRD's schema with the
 * standard apiVersion, kind and metadata (a reference to ObjectMeta) at the root.
 */
const fixture = (file: string): KubeObject =>
  parseAllDocuments(readFileSync(new URL(`../../../fixtures/crd/${file}`, import.meta.url), 'utf8'))[0].toJS() as KubeObject;
const widgets = customKindOf(fixture('widgets-crd.yaml'))!;

/** A custom kind serving `schema` as things.example.com/v1, Thing. */
function thing(schema: JSONSchemaProps): KindDef {
  return customKindOf({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'things.example.com' },
    spec: { group: 'example.com', scope: 'Namespaced', names: { plural: 'things', kind: 'Thing' }, versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: schema } }] },
  } as KubeObject)!;
}

const explain = (kind: KindDef, path: string, recursive = false) => explainPlaintext({ kind, path: path ? path.split('.') : [], recursive });
const HEADER = 'GROUP:      example.com\nKIND:       Widget\nVERSION:    v1\n\n';
const THING = 'GROUP:      example.com\nKIND:       Thing\nVERSION:    v1\n\n';
const API_VERSION_DOC =
  '    APIVersion defines the versioned schema of this representation of an object.\n' +
  '    Servers should convert recognized schemas to the latest internal value, and\n' +
  '    may reject unrecognized values. More info:\n' +
  '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources\n\n';
const KIND_DOC =
  '    Kind is a string value representing the REST resource this object\n' +
  '    represents. Servers may infer this from the endpoint the client submits\n' +
  '    requests to. Cannot be updated. In CamelCase. More info:\n' +
  '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds\n\n';
const METADATA_DOC =
  "    Standard object's metadata. More info:\n" +
  '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata\n\n';

describe('explain a custom resource (widgets)', () => {
  it('lists the standard fields and the schema\'s, with the schema\'s description', () => {
    expect(explain(widgets, '')).toBe(
      HEADER +
      'DESCRIPTION:\n' +
      '    A Widget is a made-up thing of some size and colour.\n' +
      '    \n' +
      'FIELDS:\n' +
      '  apiVersion\t<string>\n' + API_VERSION_DOC +
      '  kind\t<string>\n' + KIND_DOC +
      '  metadata\t<ObjectMeta>\n' + METADATA_DOC +
      '  spec\t<Object>\n    <no description>\n\n' +
      '  status\t<Object>\n    <no description>\n\n' +
      '\n',
    );
  });

  it('explains an object field: <empty> description, enums and -required- in the list', () => {
    expect(explain(widgets, 'spec')).toBe(
      HEADER +
      'FIELD: spec <Object>\n\n\n' +
      'DESCRIPTION:\n    <empty>\n' +
      'FIELDS:\n' +
      '  color\t<string>\n  enum: red, green, blue\n    The colour of the widget.\n\n' +
      '  size\t<integer> -required-\n    How big the widget is.\n\n' +
      '\n',
    );
  });

  it('explains a leaf with its ENUM (in the schema\'s order) and no default', () => {
    expect(explain(widgets, 'spec.color')).toBe(
      HEADER + 'FIELD: color <string>\nENUM:\n    red\n    green\n    blue\n\nDESCRIPTION:\n    The colour of the widget.\n    \n\n');
    expect(explain(widgets, 'spec.size')).toBe(HEADER + 'FIELD: size <integer>\n\n\nDESCRIPTION:\n    How big the widget is.\n    \n\n');
  });

  it('--recursive lists every field name, ObjectMeta\'s included, two spaces per level', () => {
    const out = explain(widgets, '', true);
    expect(out.startsWith(HEADER + 'DESCRIPTION:\n    A Widget is a made-up thing of some size and colour.\n    \nFIELDS:\n' +
      '  apiVersion\t<string>\n  kind\t<string>\n  metadata\t<ObjectMeta>\n    annotations\t<map[string]string>\n')).toBe(true);
    expect(out).toContain('    ownerReferences\t<[]OwnerReference>\n      apiVersion\t<string> -required-\n');
    expect(out.endsWith(
      '    uid\t<string>\n' +
      '  spec\t<Object>\n' +
      '    color\t<string>\n' +
      '    enum: red, green, blue\n' +
      '    size\t<integer> -required-\n' +
      '  status\t<Object>\n' +
      '    phase\t<string>\n' +
      '\n',
    )).toBe(true);
    expect(out).not.toContain('<no description>');
  });

  it('explains metadata exactly as for a built-in kind', () => {
    const pod = kindRegistry().resolve('pods')!;
    const body = (s: string) => s.slice(s.indexOf('FIELD:'));
    for (const path of ['metadata', 'metadata.ownerReferences', 'metadata.labels']) {
      expect(body(explain(widgets, path))).toBe(body(explain(pod, path)));
      expect(body(explain(widgets, path, true))).toBe(body(explain(pod, path, true)));
    }
  });

  it('reports the last path element of a path that leaves the schema', () => {
    for (const [path, field] of [['spec.colour', 'colour'], ['spec.size.bits', 'bits'], ['nope.x', 'x'], ['metadata.nope', 'nope'], ['status.phase.x', 'x']]) {
      expect(() => explain(widgets, path)).toThrow(new FieldNotFoundError(field));
    }
  });
});

describe('the schema kube-apiserver publishes for a CRD', () => {
  it('replaces the schema\'s own apiVersion, kind and metadata with the standard ones', () => {
    const doc = crdDocSchema({ type: 'object', properties: { kind: { type: 'string', description: 'mine' }, metadata: { type: 'object', properties: { name: { type: 'string' } } } } });
    expect(doc.properties?.kind.description).toMatch(/^Kind is a string value/);
    expect(doc.properties?.metadata).toEqual({ description: expect.stringMatching(/^Standard object's metadata/), allOf: [{ $ref: 'V1ObjectMeta' }] });
  });

  it('gives embedded resources apiVersion, kind and metadata, and requires the first two', () => {
    const doc = crdDocSchema({ type: 'object', properties: { template: { type: 'object', required: ['spec'], 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true } } });
    const template = doc.properties!.template;
    expect(Object.keys(template.properties!).sort()).toEqual(['apiVersion', 'kind', 'metadata']);
    expect(template.properties!.kind.description).toBe('kind is a string value representing the type of this object. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds');
    expect(template.required).toEqual(['spec', 'kind', 'apiVersion']);
  });

  it.each<[JSONSchemaProps, string]>([
    [{ type: 'string' }, 'string'],
    [{ type: 'number' }, 'number'],
    [{ type: 'object' }, 'Object'],
    [{ 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] }, 'Object'],
    [{ 'x-kubernetes-preserve-unknown-fields': true }, 'Object'],
    [{ type: 'array', items: { type: 'object', properties: { a: { type: 'string' } } } }, '[]Object'],
    [{ type: 'array', items: { type: 'array', items: { type: 'integer' } } }, '[][]integer'],
    [{ type: 'object', additionalProperties: { type: 'string' } }, 'map[string]string'],
    [{ type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } }, 'map[string][]string'],
    [{ type: 'object', additionalProperties: true, 'x-kubernetes-preserve-unknown-fields': true }, 'Object'],
  ])('typeGuess %j -> <%s>', (schema, name) => {
    expect(typeGuess(crdDocSchema({ type: 'object', properties: { f: schema } }).properties!.f)).toBe(name);
  });

  it('prints enum values as Go prints JSON-decoded ones', () => {
    expect(enumStrings(['a', '', 1, 2.5, 1e6, 0.00001, true, null])).toEqual(['a', '', '1', '2.5', '1e+06', '1e-05', 'true', '<nil>']);
  });
});

describe('explain through lists, maps and allOf', () => {
  const kind = thing({
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        properties: {
          rules: {
            type: 'array',
            description: 'The rules, in order.',
            items: {
              type: 'object',
              description: 'One rule.',
              required: ['port'],
              properties: {
                port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }], description: 'Number or name.' },
                mode: { type: 'string', enum: ['', 'A', 'B', 'C', 'D'] },
              },
            },
          },
          backends: {
            type: 'object',
            additionalProperties: { type: 'object', properties: { url: { type: 'string', default: 'http://x' } } },
          },
        },
      },
    },
  });

  it('joins a list\'s description with its items\' and lists the items\' fields (enum: at most four)', () => {
    expect(explain(kind, 'spec.rules')).toBe(
      THING +
      'FIELD: rules <[]Object>\n\n\n' +
      'DESCRIPTION:\n    The rules, in order.\n    One rule.\n    \n' +
      'FIELDS:\n' +
      '  mode\t<string>\n  enum: "", A, B, C, ....\n    <no description>\n\n' +
      '  port\t<Object> -required-\n    Number or name.\n\n' +
      '\n',
    );
  });

  it('walks into list items and map values by field name', () => {
    expect(explain(kind, 'spec.rules.mode')).toBe(THING + 'FIELD: mode <string>\nENUM:\n    ""\n    A\n    B\n    C\n    D\n\nDESCRIPTION:\n    <empty>\n\n');
    expect(explain(kind, 'spec.backends.url')).toBe(THING + 'FIELD: url <string>\n\n\nDESCRIPTION:\n    <empty>\n\n');
    expect(explain(kind, 'spec.backends')).toBe(
      THING + 'FIELD: backends <map[string]Object>\n\n\nDESCRIPTION:\n    <empty>\nFIELDS:\n  url\t<string>\n    <no description>\n\n\n');
  });

  it('--recursive lists list and map members at the level of their field', () => {
    expect(explain(kind, 'spec', true)).toBe(
      THING +
      'FIELD: spec <Object>\n\n\n' +
      'DESCRIPTION:\n    <empty>\n' +
      'FIELDS:\n' +
      '  backends\t<map[string]Object>\n' +
      '    url\t<string>\n' +
      '  rules\t<[]Object>\n' +
      '    mode\t<string>\n' +
      '    enum: "", A, B, C, ....\n' +
      '    port\t<Object> -required-\n' +
      '\n',
    );
  });

  it('lists the fields of allOf alternatives after the schema\'s own, and walks into them', () => {
    const k = thing({ type: 'object', properties: { spec: { type: 'object', properties: { a: { type: 'string' } }, allOf: [{ properties: { b: { enum: [1, 2] } }, required: ['b'] }] } } });
    expect(explain(k, 'spec')).toBe(
      THING + 'FIELD: spec <Object>\n\n\nDESCRIPTION:\n    <empty>\nFIELDS:\n' +
      '  a\t<string>\n    <no description>\n\n' +
      '  b\t<Object> -required-\n  enum: 1, 2\n    <no description>\n\n\n');
    expect(explain(k, 'spec.b')).toBe(THING + 'FIELD: b <Object>\nENUM:\n    1\n    2\n\nDESCRIPTION:\n    <empty>\n\n');
  });

  it('explains a schema without fields of its own as the API server publishes it', () => {
    const k = thing({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true });
    expect(explain(k, '')).toBe(
      THING + 'DESCRIPTION:\n    <empty>\nFIELDS:\n' +
      '  apiVersion\t<string>\n' + API_VERSION_DOC +
      '  kind\t<string>\n' + KIND_DOC +
      '  metadata\t<ObjectMeta>\n' + METADATA_DOC +
      '\n',
    );
  });

  it('wraps long descriptions as for built-in kinds', () => {
    const k = thing({ type: 'object', properties: { spec: { type: 'object', description: 'word '.repeat(30).trim() } } });
    expect(explain(k, 'spec')).toBe(THING + 'FIELD: spec <Object>\n\n\nDESCRIPTION:\n' +
      `    ${'word '.repeat(15).trim()}\n    ${'word '.repeat(15).trim()}\n    \n\n`);
    expect(explain(k, '')).toContain(`  spec\t<Object>\n    ${'word '.repeat(15).trim()}\n    ${'word '.repeat(15).trim()}\n\n`);
  });
});
