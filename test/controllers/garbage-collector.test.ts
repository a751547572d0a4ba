import { describe, expect, it } from 'vitest';
import { deployment, makeReady, pods, testCluster } from './helpers.js';

async function withDeployment() {
  const t = await testCluster();
  await t.c.client.create('deployments', deployment('web', 2));
  await t.c.reconcile();
  await makeReady(t.c);
  return t;
}

const names = async (c: Awaited<ReturnType<typeof testCluster>>['c'], resource: string) =>
  (await c.client.list(resource, { namespace: 'default' })).items.map((o) => o.metadata.name);

describe('garbage collector', () => {
  it('background: the deployment goes at once, then its ReplicaSet and pods', async () => {
    const { c } = await withDeployment();
    await c.client.delete('deployments', 'default', 'web', { propagationPolicy: 'Background' });
    await c.reconcile();
    expect(await names(c, 'replicasets')).toEqual([]);
    expect(await pods(c)).toEqual([]);
    await c.close();
  });

  it('orphan: ReplicaSet and pods stay, without the owner reference', async () => {
    const { c } = await withDeployment();
    const [rsName] = await names(c, 'replicasets');
    await c.client.delete('deployments', 'default', 'web', { propagationPolicy: 'Orphan' });
    await c.reconcile();
    expect(await names(c, 'deployments')).toEqual([]);
    const rs = await c.client.get('replicasets', 'default', rsName!);
    expect(rs.metadata.ownerReferences).toBeUndefined();
    expect(await pods(c)).toHaveLength(2);
    await c.close();
  });

  it('foreground: dependents are deleted first, and the owner waits for them', async () => {
    const { c } = await withDeployment();
    const [rsName] = await names(c, 'replicasets');
    const seen: string[] = [];
    const marked = await c.client.delete('deployments', 'default', 'web', { propagationPolicy: 'Foreground' });
    expect(marked.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(marked.metadata.deletionTimestamp).toBeDefined();
    const original = c.client.delete.bind(c.client);
    c.client.delete = async (resource, ns, name, opts) => {
      seen.push(`${resource}/${name}:${opts?.propagationPolicy ?? ''}`);
      return original(resource, ns, name, opts);
    };
    await c.reconcile();
    expect(await names(c, 'deployments')).toEqual([]);
    expect(await names(c, 'replicasets')).toEqual([]);
    expect(await pods(c)).toEqual([]);
    expect(seen[0]).toBe(`replicasets/${rsName}:Foreground`);
    expect(seen.filter((s) => s.startsWith('pods/'))).toHaveLength(2);
    await c.close();
  });

  it('deletes a dependent created with an owner UID that does not exist', async () => {
    const { c } = await testCluster();
    await c.client.create('configmaps', {
      apiVersion: 'v1', kind: 'ConfigMap',
      metadata: { name: 'child', namespace: 'default', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'ghost', uid: '00000000-0000-4000-8000-000000000000' }] },
    });
    await c.client.create('configmaps', {
      apiVersion: 'v1', kind: 'ConfigMap',
      metadata: { name: 'kept', namespace: 'default', ownerReferences: [{ apiVersion: 'v1', kind: 'Namespace', name: 'default', uid: (await c.client.get('namespaces', undefined, 'default')).metadata.uid! }] },
    });
    await c.reconcile();
    expect(await names(c, 'configmaps')).toContain('kept');
    expect(await names(c, 'configmaps')).not.toContain('child');
    await c.close();
  });
});
