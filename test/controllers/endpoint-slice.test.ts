import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { desiredSlices } from '../../src/controllers/endpoint-slice.js';
import { endpointSubsets } from '../../src/controllers/endpoints.js';

const svc: KubeObject = {
  apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', uid: 's1' },
  spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] },
};

function pod(i: number, opts: { ready?: boolean; port?: number; deleting?: boolean; ip?: boolean } = {}): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: `p${i}`, namespace: 'default', uid: `u${i}`, labels: { app: 'web' }, ...(opts.deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) },
    spec: { nodeName: 'n1', containers: [{ name: 'c', ports: opts.port === undefined ? [] : [{ name: 'http', containerPort: opts.port }] }] },
    status: {
      phase: 'Running',
      ...(opts.ip === false ? {} : { podIP: `10.244.${Math.floor(i / 250)}.${(i % 250) + 1}` }),
      conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }],
    },
  };
}

describe('desired endpoint slices', () => {
  it('groups endpoints by resolved port, keeps terminating pods with their conditions, skips pods without IP or port', () => {
    const slices = desiredSlices(svc, [pod(1, { port: 8080 }), pod(2, { port: 9090 }), pod(3, { port: 8080, deleting: true, ready: true }),
      pod(4, { port: 8080, ip: false }), pod(5, { port: 8080, ready: false })]);
    expect(slices.map((s) => s.ports)).toEqual([[{ name: 'http', port: 8080, protocol: 'TCP' }], [{ name: 'http', port: 9090, protocol: 'TCP' }]]);
    expect(slices[0]!.endpoints.map((e) => [e.targetRef.name, e.conditions])).toEqual([
      ['p1', { ready: true, serving: true, terminating: false }],
      ['p3', { ready: false, serving: true, terminating: true }],
      ['p5', { ready: false, serving: false, terminating: false }],
    ]);
    // a pod lacking the named port is in no slice for it (no port resolves → its own port-less group)
    expect(desiredSlices(svc, [pod(6)]).map((s) => s.ports)).toEqual([[]]);
  });

  it('cuts slices at 100 endpoints and keeps an empty placeholder when nothing matches', () => {
    const pods = Array.from({ length: 230 }, (_, i) => pod(i, { port: 8080 }));
    expect(desiredSlices(svc, pods).map((s) => s.endpoints.length)).toEqual([100, 100, 30]);
    expect(desiredSlices(svc, [])).toEqual([{ ports: [], endpoints: [] }]);
  });

  it('Endpoints regroup addresses by port set and leave out terminating pods', () => {
    const subsets = endpointSubsets(svc, [pod(1, { port: 8080 }), pod(2, { port: 9090 }), pod(3, { port: 8080, deleting: true }), pod(4, { port: 8080, ready: false })]);
    expect(subsets.map((s) => [s.ports[0].port, (s.addresses ?? []).map((a: { ip: string }) => a.ip), (s.notReadyAddresses ?? []).map((a: { ip: string }) => a.ip)])).toEqual([
      [8080, ['10.244.0.2'], ['10.244.0.5']],
      [9090, ['10.244.0.3'], []],
    ]);
  });
});
