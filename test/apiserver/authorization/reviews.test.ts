import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../src/cluster.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { FakeClock } from '../../../src/util/clock.js';

const ssar = (resourceAttributes: object) => ({ apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', metadata: {}, spec: { resourceAttributes } });

describe('the bootstrap policy and the review endpoints', () => {
  it('creates the default roles, aggregates admin/edit/view, and answers reviews', async () => {
    const c = await Cluster.inMemory({ clock: new FakeClock(), bootstrap: { nodes: 1 } });
    const roles = (await c.client.list('clusterroles')).items.map((r) => r.metadata.name);
    expect(roles).toEqual(expect.arrayContaining(['cluster-admin', 'admin', 'edit', 'view', 'system:basic-user', 'system:discovery', 'system:public-info-viewer']));
    const binding = await c.client.get('clusterrolebindings', undefined, 'system:basic-user');
    expect(binding.metadata.labels).toEqual({ 'kubernetes.io/bootstrapping': 'rbac-defaults' });
    expect(binding.metadata.annotations).toEqual({ 'rbac.authorization.kubernetes.io/autoupdate': 'true' });

    // admin ⊇ edit ⊇ view, through the aggregation controller
    const rulesOf = async (name: string) => (await c.client.get('clusterroles', undefined, name)).rules as object[];
    const [admin, edit, view] = [await rulesOf('admin'), await rulesOf('edit'), await rulesOf('view')];
    expect(view.length).toBeGreaterThan(5);
    expect(edit).toEqual(expect.arrayContaining(view));
    expect(admin).toEqual(expect.arrayContaining(edit));
    expect(admin.length).toBeGreaterThan(edit.length);

    const allowed = await c.client.review(ssar({ verb: 'delete', resource: 'nodes' }));
    expect(allowed.status).toEqual({ allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "kubeadm:cluster-admins" of ClusterRole "cluster-admin" to Group "kubeadm:cluster-admins"' });

    const as = { impersonate: { user: 'system:serviceaccount:default:default' } };
    expect((await c.client.review(ssar({ namespace: 'default', verb: 'get', resource: 'pods' }), as)).status).toEqual({ allowed: false });
    await c.client.create('rolebindings', {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'sa-view', namespace: 'default' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'ServiceAccount', name: 'default', namespace: 'default' }],
    });
    expect((await c.client.review(ssar({ namespace: 'default', verb: 'get', resource: 'pods' }), as)).status?.allowed).toBe(true);
    expect((await c.client.review(ssar({ namespace: 'default', verb: 'get', resource: 'secrets' }), as)).status?.allowed).toBe(false);

    const rules = await c.client.review({ apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', metadata: {}, spec: { namespace: 'default' } }, as);
    expect(rules.status?.resourceRules).toContainEqual({ verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] });
    expect(rules.status?.incomplete).toBe(false);

    const me = await c.client.review({ apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview', metadata: {} });
    expect(me.status).toEqual({ userInfo: { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] } });

    const sar = await c.client.review({ apiVersion: 'authorization.k8s.io/v1', kind: 'SubjectAccessReview', metadata: {}, spec: { user: 'nobody', nonResourceAttributes: { verb: 'get', path: '/healthz' } } });
    expect(sar.status?.allowed).toBe(false);
    await expect(c.client.review({ apiVersion: 'authorization.k8s.io/v1', kind: 'SubjectAccessReview', metadata: {}, spec: { user: 'x' } })).rejects.toThrow(/exactly one of nonResourceAttributes or resourceAttributes/);
    await c.close();
  });

  it('gives a cluster bootstrapped by an older build the policy at its next start', async () => {
    const store = new MemoryStore();
    const c = await Cluster.inMemory({ clock: new FakeClock(), store, bootstrap: { nodes: 1 } });
    await c.client.delete('clusterrolebindings', undefined, 'kubeadm:cluster-admins');
    store.setMeta('bootstrapPolicyVersion', undefined);
    await c.close();
    const again = await Cluster.inMemory({ clock: new FakeClock(), store });
    expect((await again.client.get('clusterrolebindings', undefined, 'kubeadm:cluster-admins')).roleRef.name).toBe('cluster-admin');
    await again.close();
  });
});
