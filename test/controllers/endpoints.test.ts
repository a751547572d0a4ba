import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { boundPod, testCluster } from '../node/helpers.js';

const svc = (name: string, spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec,
});

function webPod(name: string, extra: Record<string, unknown> = {}): KubeObject {
  const p = boundPod(name, { spec: { containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 8080 }] }], ...extra } });
  p.metadata.labels = { app: 'web' };
  return p;
}

describe('endpoints and endpoint slices', () => {
  it('lists ready pods with their named target ports, and keeps Endpoints without subsets when nothing matches', async () => {
    const t = await testCluster();
    const c = t.cluster.client;
    await c.create('services', svc('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] }));
    await c.create('services', svc('empty', { selector: { app: 'nothing' }, ports: [{ port: 80 }] }));
    await c.create('pods', webPod('web-a'));
    await c.create('pods', webPod('web-b'));
    await t.advance(0);
    const ep = await c.get('endpoints', 'default', 'web');
    const a = await t.pod('web-a');
    expect(a.status.podIP).toBeTruthy();
    expect(ep.subsets).toHaveLength(1);
    expect(ep.subsets[0].ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(ep.subsets[0].addresses.map((x: { targetRef: { name: string } }) => x.targetRef.name).sort()).toEqual(['web-a', 'web-b']);
    expect(ep.subsets[0].addresses[0]).toMatchObject({ nodeName: 'pocketkube-node-1', targetRef: { kind: 'Pod', namespace: 'default' } });
    const empty = await c.get('endpoints', 'default', 'empty');
    expect(empty.subsets).toBeUndefined();
    // the bootstrap endpoints of the selector-less `kubernetes` service are left alone
    expect((await c.get('endpoints', 'default', 'kubernetes')).subsets[0].addresses[0].ip).toBe('172.18.0.1');

    const slices = (await c.list('endpointslices', { namespace: 'default', labelSelector: 'kubernetes.io/service-name=web' })).items;
    expect(slices).toHaveLength(1);
    expect(slices[0]!.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(slices[0]!.metadata.labels).toMatchObject({ 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
    expect(slices[0]!.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Service', name: 'web', controller: true, blockOwnerDeletion: true });
    expect(slices[0]!.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(slices[0]!.endpoints.map((e: { conditions: unknown }) => e.conditions)).toEqual([
      { ready: true, serving: true, terminating: false }, { ready: true, serving: true, terminating: false },
    ]);
    const emptySlices = (await c.list('endpointslices', { namespace: 'default', labelSelector: 'kubernetes.io/service-name=empty' })).items;
    expect(emptySlices.map((s) => s.endpoints)).toEqual([[]]);
  });

  it('follows pod removal and service deletion', async () => {
    const t = await testCluster();
    const c = t.cluster.client;
    await c.create('services', svc('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] }));
    await c.create('pods', webPod('web-a'));
    await t.advance(0);
    expect((await c.get('endpoints', 'default', 'web')).subsets[0].addresses).toHaveLength(1);
    await c.delete('pods', 'default', 'web-a', { gracePeriodSeconds: 0 });
    await t.advance(0);
    expect((await c.get('endpoints', 'default', 'web')).subsets).toBeUndefined();
    await c.delete('services', 'default', 'web');
    await t.advance(0);
    await expect(c.get('endpoints', 'default', 'web')).rejects.toMatchObject({ code: 404 });
    expect((await c.list('endpointslices', { namespace: 'default', labelSelector: 'kubernetes.io/service-name=web' })).items).toEqual([]);
  });

  it('puts not-ready pods under notReadyAddresses and sets the hostname for the governing service', async () => {
    const t = await testCluster();
    const c = t.cluster.client;
    await c.create('services', svc('db', { clusterIP: 'None', selector: { app: 'web' }, ports: [{ port: 5432 }] }));
    await c.create('pods', webPod('db-0', { hostname: 'db-0', subdomain: 'db', readinessGates: [{ conditionType: 'example.com/never' }] }));
    await t.advance(0);
    const ep = await c.get('endpoints', 'default', 'db');
    expect(ep.metadata.labels).toEqual({ 'service.kubernetes.io/headless': '' });
    expect(ep.subsets[0].addresses).toBeUndefined();
    expect(ep.subsets[0].notReadyAddresses[0]).toMatchObject({ hostname: 'db-0', nodeName: 'pocketkube-node-1' });
  });
});
