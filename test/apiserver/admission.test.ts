import { describe, expect, it } from 'vitest';
import { failure, newServer } from './test-kinds.js';

const svc = (name: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' },
  spec: { ports: [{ port: 80, protocol: 'TCP' }], ...spec },
});

function inServiceRange(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number);
  return a === 10 && b! >= 96 && b! <= 111;
}

describe('service IP and node port allocation', () => {
  it('allocates a cluster IP from 10.96.0.0/12 outside the static band, and honours a requested free one', async () => {
    const { server } = await newServer();
    const a = await server.create('services', svc('a'));
    expect(inServiceRange(a.spec.clusterIP)).toBe(true);
    expect(a.spec.clusterIPs).toEqual([a.spec.clusterIP]);
    expect(a.spec.clusterIP.startsWith('10.96.0.')).toBe(false);
    const k = await server.create('services', svc('kubernetes', { clusterIP: '10.96.0.1' }));
    expect(k.spec.clusterIP).toBe('10.96.0.1');
  });

  it('rejects a taken or out-of-range IP', async () => {
    const { server } = await newServer();
    await server.create('services', svc('a', { clusterIP: '10.96.0.10' }));
    const e = await failure(server.create('services', svc('b', { clusterIP: '10.96.0.10' })));
    expect([e.code, e.message]).toEqual([422,
      'Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated']);
    const f = await failure(server.create('services', svc('c', { clusterIP: '192.168.0.1' })));
    expect(f.message).toContain('the provided IP (192.168.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12');
  });

  it('keeps headless services headless and frees an IP on delete', async () => {
    const { server } = await newServer();
    const h = await server.create('services', svc('h', { clusterIP: 'None' }));
    expect([h.spec.clusterIP, h.spec.clusterIPs]).toEqual(['None', ['None']]);
    await server.create('services', svc('a', { clusterIP: '10.96.0.20' }));
    await server.delete('services', 'default', 'a');
    const b = await server.create('services', svc('b', { clusterIP: '10.96.0.20' }));
    expect(b.spec.clusterIP).toBe('10.96.0.20');
  });

  it('does not record allocations of dry runs or rejected requests', async () => {
    const { server } = await newServer();
    await server.create('services', svc('d', { clusterIP: '10.96.0.30' }), { dryRun: 'All' });
    await failure(server.create('services', { ...svc('Bad_Name', { clusterIP: '10.96.0.31' }) }));
    await server.create('services', svc('x', { clusterIP: '10.96.0.30' }));
    await server.create('services', svc('y', { clusterIP: '10.96.0.31' }));
  });

  it('keeps the cluster IP and node ports across an update that leaves them out', async () => {
    const { server } = await newServer();
    const np = await server.create('services', svc('np', { type: 'NodePort' }));
    const port = np.spec.ports[0].nodePort;
    expect(port).toBeGreaterThanOrEqual(30086);
    expect(port).toBeLessThanOrEqual(32767);
    const updated = await server.update('services', { ...np, spec: { type: 'NodePort', ports: [{ port: 80, protocol: 'TCP' }] } });
    expect(updated.spec.clusterIP).toBe(np.spec.clusterIP);
    expect(updated.spec.ports[0].nodePort).toBe(port);
    const back = await server.update('services', { ...updated, spec: { ...updated.spec, type: 'ClusterIP' } });
    expect(back.spec.ports[0]).not.toHaveProperty('nodePort');
    await server.create('services', svc('reuse', { type: 'NodePort', ports: [{ port: 80, nodePort: port }] }));
  });

  it('rejects a node port out of range or taken', async () => {
    const { server } = await newServer();
    const e = await failure(server.create('services', svc('a', { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] })));
    expect(e.message).toBe('Service "a" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767');
    await server.create('services', svc('b', { type: 'LoadBalancer', ports: [{ port: 80, nodePort: 30080 }] }));
    const f = await failure(server.create('services', svc('c', { type: 'NodePort', ports: [{ port: 81, nodePort: 30080 }] })));
    expect(f.message).toBe('Service "c" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated');
  });
});

describe('DefaultStorageClass', () => {
  it('gives claims without a class the default one, and leaves "" alone', async () => {
    const { server } = await newServer();
    await server.create('storageclasses', {
      apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', provisioner: 'x',
      metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    });
    const claim = (name: string, spec: Record<string, unknown> = {}) => ({
      apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec },
    });
    expect((await server.create('persistentvolumeclaims', claim('a'))).spec.storageClassName).toBe('standard');
    expect((await server.create('persistentvolumeclaims', claim('b', { storageClassName: '' }))).spec.storageClassName).toBe('');
  });
});
