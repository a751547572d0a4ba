import { describe, expect, it } from 'vitest';
import { ingressKind } from '../../../src/api/kinds/ingress.js';
import type { KubeObject } from '../../../src/api/types.js';
import { fakeClient, messages } from './helpers.js';
import { NOW, row } from './workload-helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const ingress = (spec: Record<string, unknown>, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web', namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z' }, spec, ...extra,
});
const path = (p: Record<string, unknown>) => ({ rules: [{ host: 'shop.example.com', http: { paths: [p] } }] });
const svcBackend = (name: string, port: Record<string, unknown>) => ({ service: { name, port } });

describe('Ingress', () => {
  it('accepts a usual ingress and refuses what the API server refuses', () => {
    expect(ingressKind.validate!(ingress(path({ path: '/', pathType: 'Prefix', backend: svcBackend('web', { number: 80 }) })))).toEqual([]);
    expect(messages(ingressKind.validate!(ingress({})))).toEqual(['spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified']);
    expect(messages(ingressKind.validate!(ingress(path({ path: '/', backend: svcBackend('web', { number: 80 }) }))))).toEqual([
      'spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified',
    ]);
    expect(messages(ingressKind.validate!(ingress(path({ path: 'api//v1', pathType: 'Exact', backend: svcBackend('Web', { number: 70000 }) }))))).toEqual([
      'spec.rules[0].http.paths[0].path: Invalid value: "api//v1": must be an absolute path',
      'spec.rules[0].http.paths[0].path: Invalid value: "api//v1": must not contain \'//\'',
      expect.stringMatching(/^spec\.rules\[0\]\.http\.paths\[0\]\.backend\.service\.name: Invalid value: "Web": a DNS-1035 label must consist of/),
      'spec.rules[0].http.paths[0].backend.service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ]);
    expect(messages(ingressKind.validate!(ingress(path({ path: '/', pathType: 'Regex', backend: {} }))))).toEqual([
      'spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"',
      'spec.rules[0].http.paths[0].backend: Invalid value: "": resource or service backend is required',
    ]);
    const ipHost = ingress({ rules: [{ host: '10.0.0.1', http: { paths: [{ path: '/', pathType: 'Prefix', backend: svcBackend('web', {}) }] } }] });
    expect(messages(ingressKind.validate!(ipHost))).toEqual([
      'spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address',
      'spec.rules[0].http.paths[0].backend: Required value: port name or number is required',
    ]);
    expect(ingressKind.validate!(ingress({ rules: [{ host: '*.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: svcBackend('web', { name: 'http' }) }] } }] }))).toEqual([]);
  });

  it("prints kubectl's columns", () => {
    const many = ingress({ rules: ['a.io', 'b.io', 'c.io', 'd.io'].map((host) => ({ host })), tls: [{ hosts: ['a.io'] }], ingressClassName: 'nginx' });
    expect(row(ingressKind, many)).toMatchObject({ NAME: 'web', CLASS: 'nginx', HOSTS: 'a.io,b.io,c.io + 1 more...', ADDRESS: '', PORTS: '80, 443' });
    const plain = ingress({ defaultBackend: svcBackend('web', { number: 80 }) }, { status: { loadBalancer: { ingress: [{ ip: '172.18.0.5' }, { hostname: 'lb.example.com' }] } } });
    expect(row(ingressKind, plain)).toMatchObject({ CLASS: '<none>', HOSTS: '*', ADDRESS: '172.18.0.5,lb.example.com', PORTS: '80' });
  });

  it('describes rules with each backend and its endpoints', async () => {
    const ing = ingress({ ...path({ path: '/', pathType: 'Prefix', backend: svcBackend('web', { number: 80 }) }), ingressClassName: 'nginx' });
    const client = fakeClient({
      services: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { ports: [{ name: 'http', port: 80 }] } }],
      endpointslices: [{
        apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'web-1', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
        ports: [{ name: 'http', port: 8080 }], endpoints: [{ addresses: ['10.244.1.2'], conditions: { ready: true } }],
      } as any],
    });
    expect(await ingressKind.describe!(ing, { client, now: NOW })).toBe([
      'Name:             web',
      'Labels:           <none>',
      'Namespace:        default',
      'Address:          ',
      'Ingress Class:    nginx',
      'Default backend:  <default>',
      'Rules:',
      '  Host              Path  Backends',
      '  ----              ----  --------',
      '  shop.example.com  ',
      '                    /   web:80 (10.244.1.2:8080)',
      'Annotations:        <none>',
      '',
    ].join('\n'));
  });
});
