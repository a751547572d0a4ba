import { describe, expect, it } from 'vitest';
import { ingressClassKind } from '../../../src/api/kinds/ingress-class.js';
import type { KubeObject } from '../../../src/api/types.js';
import { messages } from './helpers.js';
import { row } from './workload-helpers.js';

const ingressClass = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx', creationTimestamp: '2026-01-01T00:00:00Z' }, spec,
});
const validated = (spec: Record<string, unknown>) => {
  const ic = ingressClass(spec);
  ingressClassKind.defaults!(ic);
  return messages(ingressClassKind.validate!(ic));
};

describe('IngressClass', () => {
  it('accepts a controller named by a domain-prefixed path, and defaults the parameters\' scope', () => {
    expect(validated({ controller: 'k8s.io/ingress-nginx' })).toEqual([]);
    const ic = ingressClass({ controller: 'example.com/lb', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb' } });
    ingressClassKind.defaults!(ic);
    expect(ic.spec.parameters.scope).toBe('Cluster');
  });

  it('refuses what ValidateIngressClass refuses', () => {
    expect(validated({})).toEqual(['spec.controller: Required value']);
    expect(validated({ controller: 'nginx' })).toEqual(['spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")']);
    expect(validated({ controller: 'Example.com/a b' })).toEqual([
      expect.stringMatching(/^spec\.controller: Invalid value: "Example\.com": a lowercase RFC 1123 subdomain must consist of/),
      'spec.controller: Invalid value: "a b": Invalid path (regex used for validation is \'[A-Za-z0-9/\\-._~%!$&\'()*+,;=:]+\')',
    ]);
    expect(validated({ controller: 'example.com/lb', parameters: { kind: 'P', name: 'p', scope: 'Namespace' } })).toEqual([
      'spec.parameters.namespace: Required value: `parameters.scope` is set to "Namespace"',
    ]);
    expect(validated({ controller: 'example.com/lb', parameters: { scope: 'Cluster', namespace: 'x' } })).toEqual([
      'spec.parameters.kind: Required value: kind is required',
      'spec.parameters.name: Required value: name is required',
      'spec.parameters.namespace: Forbidden: `parameters.scope` is set to "Cluster"',
    ]);
    expect(messages(ingressClassKind.validateUpdate!(ingressClass({ controller: 'example.com/b' }), ingressClass({ controller: 'example.com/a' }))))
      .toEqual(['spec.controller: Invalid value: "example.com/b": field is immutable']);
  });

  it('prints kubectl\'s columns: the parameters as Kind.apiGroup/name', () => {
    const ic = ingressClass({ controller: 'example.com/lb', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb' } });
    expect(row(ingressClassKind, ic)).toEqual({ NAME: 'nginx', CONTROLLER: 'example.com/lb', PARAMETERS: 'IngressParameters.k8s.example.com/external-lb', AGE: expect.any(String) });
    expect(row(ingressClassKind, ingressClass({ controller: 'k8s.io/ingress-nginx' })).PARAMETERS).toBe('<none>');
  });
});
