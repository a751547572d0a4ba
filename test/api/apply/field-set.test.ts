import { describe, expect, it } from 'vitest';
import { FieldSet, fieldSetOf } from '../../../src/api/apply/field-set.js';
import { elementString, field, fieldPath, key, parseElement, pathString, value } from '../../../src/api/apply/field-path.js';

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] },
    },
  },
};

describe('pathString', () => {
  it('prints fields, keys and values as kube-apiserver does', () => {
    expect(pathString(fieldPath('spec', 'replicas'))).toBe('.spec.replicas');
    expect(pathString([...fieldPath('spec', 'template', 'spec', 'containers'), key({ name: 'nginx' }), field('image')])).toBe(
      '.spec.template.spec.containers[name="nginx"].image',
    );
    expect(pathString([...fieldPath('metadata', 'finalizers'), value('x')])).toBe('.metadata.finalizers[="x"]');
    expect(pathString(fieldPath('metadata', 'labels', 'app'))).toBe('.metadata.labels.app');
    expect(pathString([field('ports'), key({ protocol: 'TCP', containerPort: 80 })])).toBe('.ports[containerPort=80,protocol="TCP"]');
  });

  it('round-trips element strings', () => {
    expect(elementString(key({ name: 'nginx' }))).toBe('k:{"name":"nginx"}');
    expect(elementString(value('example.com/fin'))).toBe('v:"example.com/fin"');
    expect(parseElement('k:{"name":"nginx"}')).toEqual(key({ name: 'nginx' }));
    expect(parseElement('f:spec')).toEqual(field('spec'));
    expect(() => parseElement('x:y')).toThrow();
  });
});

describe('fieldSetOf', () => {
  it('lists the fields of a Deployment config as Kubernetes prints them', () => {
    const json = fieldSetOf(deployment, 'V1Deployment').toFieldsV1();
    expect(JSON.stringify(json)).toBe(
      JSON.stringify({
        'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
        'f:spec': {
          'f:replicas': {},
          'f:selector': { 'f:matchLabels': { '.': {}, 'f:app': {} } },
          'f:template': {
            'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
            'f:spec': {
              'f:containers': {
                'k:{"name":"nginx"}': {
                  '.': {},
                  'f:image': {},
                  'f:name': {},
                  'f:ports': { 'k:{"containerPort":80}': { '.': {}, 'f:containerPort': {} } },
                },
              },
            },
          },
        },
      }),
    );
  });

  it('uses v: for finalizers, a leaf for atomic lists and empty objects, map semantics for a Service selector', () => {
    const obj = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's', finalizers: ['a/b'], uid: 'u', resourceVersion: '3' },
      spec: { selector: { app: 'x' }, externalIPs: ['1.2.3.4'], sessionAffinityConfig: {} },
    };
    expect(fieldSetOf(obj, 'V1Service').toFieldsV1()).toEqual({
      'f:metadata': { 'f:finalizers': { 'v:"a/b"': {} } },
      'f:spec': { 'f:externalIPs': {}, 'f:selector': { '.': {}, 'f:app': {} }, 'f:sessionAffinityConfig': {} },
    });
  });
});

describe('FieldSet', () => {
  const json = {
    'f:metadata': { 'f:labels': { '.': {}, 'f:app': {}, 'f:tier': {} } },
    'f:spec': { 'f:replicas': {} },
  };

  it('round-trips FieldsV1 with "." first and sorted keys', () => {
    const s = FieldSet.fromFieldsV1({ 'f:spec': { 'f:replicas': {} }, 'f:metadata': { 'f:labels': { 'f:tier': {}, 'f:app': {}, '.': {} } } });
    expect(JSON.stringify(s.toFieldsV1())).toBe(JSON.stringify(json));
    expect(s.leaves().map(pathString)).toEqual(['.metadata.labels', '.metadata.labels.app', '.metadata.labels.tier', '.spec.replicas']);
    expect(s.has(fieldPath('metadata', 'labels'))).toBe(true);
    expect(s.has(fieldPath('metadata'))).toBe(false);
  });

  it('computes union, difference and intersection on members', () => {
    const a = FieldSet.fromFieldsV1(json);
    const b = FieldSet.of(fieldPath('metadata', 'labels', 'app'), fieldPath('spec', 'paused'));
    expect(a.union(b).leaves().map(pathString)).toEqual([
      '.metadata.labels', '.metadata.labels.app', '.metadata.labels.tier', '.spec.paused', '.spec.replicas',
    ]);
    expect(a.difference(b).toFieldsV1()).toEqual({ 'f:metadata': { 'f:labels': { '.': {}, 'f:tier': {} } }, 'f:spec': { 'f:replicas': {} } });
    expect(a.intersection(b).toFieldsV1()).toEqual({ 'f:metadata': { 'f:labels': { 'f:app': {} } } });
    expect(b.difference(b).isEmpty()).toBe(true);
    expect(a.isEmpty()).toBe(false);
  });
});
