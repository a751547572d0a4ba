import { describe, expect, it } from 'vitest';
import { networkPolicyKind } from '../../../src/api/kinds/network-policy.js';
import type { KubeObject } from '../../../src/api/types.js';
import { fakeClient, messages } from './helpers.js';
import { NOW, row } from './workload-helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const policy = (spec: Record<string, unknown>): KubeObject => {
  const np: KubeObject = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np', namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z' }, spec };
  networkPolicyKind.defaults!(np);
  return np;
};

describe('NetworkPolicy', () => {
  it('defaults policy types from the rules and ports to TCP', () => {
    expect(policy({ podSelector: {} }).spec.policyTypes).toEqual(['Ingress']);
    const np = policy({ podSelector: {}, egress: [{ ports: [{ port: 53 }] }] });
    expect(np.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(np.spec.egress[0].ports[0]).toEqual({ port: 53, protocol: 'TCP' });
    expect(policy({ podSelector: {}, policyTypes: ['Egress'] }).spec.policyTypes).toEqual(['Egress']);
  });

  it('refuses what the API server refuses', () => {
    expect(networkPolicyKind.validate!(policy({ podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ podSelector: {} }], ports: [{ port: 5432 }] }] }))).toEqual([]);
    const bad = policy({
      podSelector: {},
      ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }, {}, { ipBlock: { cidr: '10.0.0.0/8', except: ['11.0.0.0/16', 'x'] } }], ports: [{ port: 'http', endPort: 90, protocol: 'ICMP' }, { port: 90, endPort: 80 }] }],
      policyTypes: ['Ingress', 'Egress', 'Both'],
    });
    expect(messages(networkPolicyKind.validate!(bad))).toEqual([
      'spec.ingress[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"',
      'spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is non-numeric',
      'spec.ingress[0].ports[1].endPort: Invalid value: 80: must be greater than or equal to `port`',
      'spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer',
      'spec.ingress[0].from[1]: Required value: must specify a peer',
      'spec.ingress[0].from[2].ipBlock.except[0]: Invalid value: "11.0.0.0/16": must be a strict subset of `cidr`',
      'spec.ingress[0].from[2].ipBlock.except[1]: Invalid value: "x": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
      'spec.policyTypes[2]: Unsupported value: "Both": supported values: "Egress", "Ingress"',
      'spec.policyTypes: Invalid value: []networking.PolicyType{"Ingress", "Egress", "Both"}: may not specify more than two policyTypes',
    ]);
  });

  it('prints the pod selector and describes the rules as kubectl does', async () => {
    expect(row(networkPolicyKind, policy({ podSelector: {} }))).toMatchObject({ NAME: 'np', 'POD-SELECTOR': '<none>' });
    const np = policy({
      podSelector: { matchLabels: { app: 'db' } },
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'ops' } }, podSelector: { matchLabels: { role: 'admin' } } }], ports: [{ port: 5432 }] }, {}],
    });
    expect(row(networkPolicyKind, np)['POD-SELECTOR']).toBe('app=db');
    expect(await networkPolicyKind.describe!(np, { client: fakeClient({}), now: NOW })).toBe([
      'Name:         np',
      'Namespace:    default',
      'Created on:   2026-01-01 00:00:00 +0000 UTC',
      'Labels:       <none>',
      'Annotations:  <none>',
      'Spec:',
      '  PodSelector:     app=db',
      '  Allowing ingress traffic:',
      '    To Port: 5432/TCP',
      '    From:',
      '      NamespaceSelector: team=ops',
      '      PodSelector: role=admin',
      '    ----------',
      '    To Port: <any> (traffic allowed to all ports)',
      '    From: <any> (traffic not restricted by source)',
      '  Not affecting egress traffic',
      '  Policy Types: Ingress',
      '',
    ].join('\n'));
  });
});
