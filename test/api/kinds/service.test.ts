import { describe, expect, it } from 'vitest';
import { serviceKind, serviceExternalIP } from '../../../src/api/kinds/service.js';
import { corpus, fakeClient, messages } from './helpers.js';

const now = new Date('2026-01-01T01:00:00Z');
function svc(spec: any, extra: any = {}): any {
  const s: any = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z' }, spec, ...extra };
  serviceKind.defaults!(s);
  serviceKind.prepareForCreate!(s);
  return s;
}
const cells = (s: any, wide = false) => serviceKind.columns.filter((c) => wide || !c.priority).map((c) => c.cell(s, now));

describe('service defaults', () => {
  it('defaults the corpus NodePort service as a real cluster shows it', () => {
    const [s] = corpus('website__content_en_examples_service_networking_nginx-secure-app.yaml');
    serviceKind.defaults!(s);
    serviceKind.prepareForCreate!(s);
    expect(s.spec).toEqual({
      type: 'NodePort',
      ports: [
        { port: 8080, targetPort: 80, protocol: 'TCP', name: 'http' },
        { port: 443, targetPort: 443, protocol: 'TCP', name: 'https' },
      ],
      selector: { run: 'my-nginx' },
      sessionAffinity: 'None',
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
      ipFamilyPolicy: 'SingleStack',
      ipFamilies: ['IPv4'],
    });
    expect(s.status).toEqual({ loadBalancer: {} });
  });

  it('LoadBalancer gets allocateLoadBalancerNodePorts; headless keeps None', () => {
    expect(svc({ type: 'LoadBalancer', ports: [{ port: 80 }] }).spec.allocateLoadBalancerNodePorts).toBe(true);
    const headless = svc({ clusterIP: 'None', selector: { app: 'x' }, ports: [{ port: 80 }] });
    expect(headless.spec.clusterIPs).toEqual(['None']);
    expect(cells(headless)[2]).toBe('None');
  });
});

describe('service validation', () => {
  const errs = (spec: any) => messages(serviceKind.validate!(svc(spec)));
  it('requires ports unless headless or ExternalName', () => {
    expect(errs({ selector: { a: 'b' } })).toEqual(['spec.ports: Required value']);
    expect(errs({ clusterIP: 'None', selector: { a: 'b' } })).toEqual([]);
    expect(errs({ type: 'ExternalName', externalName: 'db.example.com' })).toEqual([]);
  });
  it('checks ports, names, types and nodePorts', () => {
    expect(errs({ ports: [{ port: 0 }] })).toContain('spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive');
    expect(errs({ ports: [{ port: 80 }, { port: 81 }] })).toEqual(['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value']);
    expect(errs({ ports: [{ name: 'a', port: 80 }, { name: 'a', port: 81 }] })).toEqual(['spec.ports[1].name: Duplicate value: "a"']);
    expect(errs({ type: 'Magic', ports: [{ port: 80 }] })).toEqual(['spec.type: Unsupported value: "Magic": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']);
    expect(errs({ ports: [{ port: 80, nodePort: 30000 }] })).toEqual(["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]);
  });
  it('clusterIP is immutable once set, and kept when an update leaves it out', () => {
    const old = svc({ ports: [{ port: 80 }], clusterIP: '10.96.0.10' });
    const changed = svc({ ports: [{ port: 80 }], clusterIP: '10.96.0.11' });
    expect(messages(serviceKind.validateUpdate!(changed, old))).toEqual([
      'spec.clusterIPs[0]: Invalid value: []string{"10.96.0.11"}: may not change once set',
      'spec.clusterIP: Invalid value: "10.96.0.11": field is immutable',
    ]);
    const omitted = svc({ ports: [{ port: 80 }] });
    serviceKind.prepareForUpdate!(omitted, old);
    expect(omitted.spec.clusterIP).toBe('10.96.0.10');
    expect(serviceKind.validateUpdate!(omitted, old)).toEqual([]);
  });
});

describe('service columns', () => {
  it('ClusterIP, NodePort, LoadBalancer and ExternalName rows', () => {
    expect(cells(svc({ clusterIP: '10.96.0.10', ports: [{ port: 80 }], selector: { app: 'web' } }), true))
      .toEqual(['web', 'ClusterIP', '10.96.0.10', '<none>', '80/TCP', '60m', 'app=web']);
    expect(cells(svc({ type: 'NodePort', clusterIP: '10.96.0.11', ports: [{ name: 'a', port: 80, nodePort: 31234 }, { name: 'b', port: 53, protocol: 'UDP' }] })))
      .toEqual(['web', 'NodePort', '10.96.0.11', '<none>', '80:31234/TCP,53/UDP', '60m']);
    expect(cells(svc({ type: 'LoadBalancer', clusterIP: '10.96.0.12', ports: [{ port: 80, nodePort: 30001 }] }))[3]).toBe('<pending>');
    expect(cells(svc({ type: 'ExternalName', externalName: 'db.example.com' }))).toEqual(['web', 'ExternalName', '<none>', 'db.example.com', '<none>', '60m']);
  });
  it('truncates long load-balancer addresses unless wide', () => {
    const s = svc({ type: 'LoadBalancer', ports: [{ port: 80 }] }, {});
    s.status = { loadBalancer: { ingress: [{ hostname: 'a-very-long-hostname.example.com' }] } };
    expect(serviceExternalIP(s, false)).toBe('a-very-long-h...');
    expect(serviceExternalIP(s, true)).toBe('a-very-long-hostname.example.com');
  });
});

describe('describe service', () => {
  it('prints ports with endpoints from EndpointSlices', async () => {
    const s = svc({ clusterIP: '10.96.0.10', ports: [{ port: 80, targetPort: 8080 }], selector: { app: 'web' } });
    const slice: any = {
      metadata: { name: 'web-abcde', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
      addressType: 'IPv4', ports: [{ name: '', port: 8080, protocol: 'TCP' }],
      endpoints: [{ addresses: ['10.244.1.5'], conditions: { ready: true } }, { addresses: ['10.244.2.6'], conditions: { ready: false } }],
    };
    const out = await serviceKind.describe!(s, { client: fakeClient({ endpointslices: [slice] }), now });
    expect(out).toBe([
      'Name:                     web',
      'Namespace:                default',
      'Labels:                   <none>',
      'Annotations:              <none>',
      'Selector:                 app=web',
      'Type:                     ClusterIP',
      'IP Family Policy:         SingleStack',
      'IP Families:              IPv4',
      'IP:                       10.96.0.10',
      'IPs:                      10.96.0.10',
      'Port:                     <unset>  80/TCP',
      'TargetPort:               8080/TCP',
      'Endpoints:                10.244.1.5:8080',
      'Session Affinity:         None',
      'Internal Traffic Policy:  Cluster',
      '',
    ].join('\n'));
  });
});
