import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/api/types.js';
import { authorize } from '../../../src/apiserver/authorization/rbac-authorizer.js';
import { type PolicyRule, type RequestAttributes, ruleAllows } from '../../../src/apiserver/authorization/rule-match.js';
import { type RbacReader, rulesFor } from '../../../src/apiserver/authorization/rule-resolver.js';
import { impersonate } from '../../../src/apiserver/authorization/impersonation.js';
import { EMBEDDED_ADMIN, type UserInfo } from '../../../src/apiserver/authorization/user-info.js';

const res = (verb: string, resource: string, extra: Partial<RequestAttributes> = {}): RequestAttributes => ({ verb, resourceRequest: true, apiGroup: '', resource, namespace: 'default', ...extra });
const url = (verb: string, path: string): RequestAttributes => ({ verb, resourceRequest: false, path });

describe('rule matching', () => {
  it('matches verbs, groups and resources exactly or by *', () => {
    const r: PolicyRule = { verbs: ['get', 'list'], apiGroups: ['', 'apps'], resources: ['pods', 'deployments'] };
    expect(ruleAllows(res('get', 'pods'), r)).toBe(true);
    expect(ruleAllows(res('list', 'deployments', { apiGroup: 'apps' }), r)).toBe(true);
    expect(ruleAllows(res('delete', 'pods'), r)).toBe(false);
    expect(ruleAllows(res('get', 'jobs', { apiGroup: 'batch' }), r)).toBe(false);
    expect(ruleAllows(res('get', 'pods', { apiGroup: 'batch' }), r)).toBe(false);
    const all: PolicyRule = { verbs: ['*'], apiGroups: ['*'], resources: ['*'] };
    expect(ruleAllows(res('escalate', 'anything', { apiGroup: 'x.io', subresource: 'status' }), all)).toBe(true);
  });

  it('matches subresources as resource/sub or */sub, never by the parent alone', () => {
    expect(ruleAllows(res('get', 'pods', { subresource: 'log' }), { verbs: ['get'], apiGroups: [''], resources: ['pods'] })).toBe(false);
    expect(ruleAllows(res('get', 'pods', { subresource: 'log' }), { verbs: ['get'], apiGroups: [''], resources: ['pods/log'] })).toBe(true);
    expect(ruleAllows(res('get', 'deployments', { subresource: 'scale' }), { verbs: ['get'], apiGroups: [''], resources: ['*/scale'] })).toBe(true);
    expect(ruleAllows(res('get', 'deployments', { subresource: 'status' }), { verbs: ['get'], apiGroups: [''], resources: ['*/scale'] })).toBe(false);
  });

  it('limits a rule with resourceNames to those names', () => {
    const r: PolicyRule = { verbs: ['get'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['app-config'] };
    expect(ruleAllows(res('get', 'configmaps', { name: 'app-config' }), r)).toBe(true);
    expect(ruleAllows(res('get', 'configmaps', { name: 'other' }), r)).toBe(false);
    expect(ruleAllows(res('get', 'configmaps'), r)).toBe(false);
  });

  it('matches non-resource URLs exactly, by *, or by a prefix ending in *', () => {
    const r: PolicyRule = { verbs: ['get'], nonResourceURLs: ['/healthz', '/api/*'] };
    expect(ruleAllows(url('get', '/healthz'), r)).toBe(true);
    expect(ruleAllows(url('get', '/healthz/etcd'), r)).toBe(false);
    expect(ruleAllows(url('get', '/api/v1'), r)).toBe(true);
    expect(ruleAllows(url('get', '/api'), r)).toBe(false);
    expect(ruleAllows(url('post', '/healthz'), r)).toBe(false);
    expect(ruleAllows(url('get', '/x'), { verbs: ['*'], nonResourceURLs: ['*'] })).toBe(true);
    // a resource rule never allows a URL
    expect(ruleAllows(url('get', '/healthz'), { verbs: ['*'], apiGroups: ['*'], resources: ['*'] })).toBe(false);
  });
});

const role = (name: string, rules: PolicyRule[], namespace?: string): KubeObject => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: namespace ? 'Role' : 'ClusterRole', metadata: { name, namespace }, rules });
const binding = (name: string, ref: [string, string], subjects: object[], namespace?: string): KubeObject => ({
  apiVersion: 'rbac.authorization.k8s.io/v1', kind: namespace ? 'RoleBinding' : 'ClusterRoleBinding', metadata: { name, namespace },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: ref[0], name: ref[1] }, subjects,
});

function reader(objs: KubeObject[]): RbacReader {
  const of = (kind: string) => objs.filter((o) => o.kind === kind);
  return {
    clusterRoleBindings: () => of('ClusterRoleBinding'),
    roleBindings: (ns) => of('RoleBinding').filter((b) => b.metadata.namespace === ns),
    role: (ns, name) => of('Role').find((r) => r.metadata.namespace === ns && r.metadata.name === name),
    clusterRole: (name) => of('ClusterRole').find((r) => r.metadata.name === name),
  };
}

const podReader = { verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] };
const sa: UserInfo = { username: 'system:serviceaccount:app:builder', groups: ['system:serviceaccounts', 'system:serviceaccounts:app', 'system:authenticated'] };

describe('the RBAC authorizer', () => {
  const world = reader([
    role('cluster-admin', [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, { verbs: ['*'], nonResourceURLs: ['*'] }]),
    binding('kubeadm:cluster-admins', ['ClusterRole', 'cluster-admin'], [{ kind: 'Group', name: 'kubeadm:cluster-admins' }]),
    role('pod-reader', [podReader], 'app'),
    binding('builder-reads', ['Role', 'pod-reader'], [{ kind: 'User', name: 'alice' }, { kind: 'ServiceAccount', name: 'builder' }], 'app'),
    binding('dangling', ['ClusterRole', 'gone'], [{ kind: 'Group', name: 'system:serviceaccounts:app' }], 'app'),
    role('view-cm', [{ verbs: ['get'], apiGroups: [''], resources: ['configmaps'] }]),
    binding('team-view', ['ClusterRole', 'view-cm'], [{ kind: 'Group', name: 'team' }], 'app'),
  ]);

  it('allows the admin group everything, naming the binding', () => {
    const d = authorize(world, EMBEDDED_ADMIN, res('delete', 'nodes', { namespace: '' }));
    expect(d).toEqual({ allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "kubeadm:cluster-admins" of ClusterRole "cluster-admin" to Group "kubeadm:cluster-admins"' });
    expect(authorize(world, EMBEDDED_ADMIN, url('get', '/metrics')).allowed).toBe(true);
  });

  it('lets system:masters through before RBAC, without a reason', () => {
    expect(authorize(reader([]), { username: 'x', groups: ['system:masters'] }, res('get', 'pods'))).toEqual({ allowed: true, reason: '' });
  });

  it('matches a service account subject in the binding namespace (namespace defaulted) and reports unresolvable roleRefs', () => {
    expect(authorize(world, sa, res('get', 'pods', { namespace: 'app' }))).toEqual({
      allowed: true, reason: 'RBAC: allowed by RoleBinding "builder-reads/app" of Role "pod-reader" to ServiceAccount "builder/app"',
    });
    expect(authorize(world, sa, res('get', 'pods', { namespace: 'other' }))).toEqual({ allowed: false, reason: '' });
    expect(authorize(world, sa, res('delete', 'pods', { namespace: 'app' }))).toEqual({
      allowed: false, reason: 'RBAC: clusterrole.rbac.authorization.k8s.io "gone" not found',
    });
    // only ClusterRoleBindings apply across namespaces
    expect(authorize(world, sa, res('get', 'pods', { namespace: '' })).allowed).toBe(false);
  });

  it('matches users and groups; a RoleBinding may grant a ClusterRole within its namespace', () => {
    expect(authorize(world, { username: 'alice', groups: [] }, res('list', 'pods', { namespace: 'app' })).allowed).toBe(true);
    expect(authorize(world, { username: 'bob', groups: ['team'] }, res('get', 'configmaps', { namespace: 'app' })).reason)
      .toBe('RBAC: allowed by RoleBinding "team-view/app" of ClusterRole "view-cm" to Group "team"');
    expect(authorize(world, { username: 'bob', groups: ['team'] }, res('get', 'configmaps', { namespace: 'default' })).allowed).toBe(false);
  });

  it('resolves the rules of a user in a namespace, cluster bindings first', () => {
    const { rules, errors } = rulesFor(world, sa, 'app');
    expect(rules).toEqual([podReader]);
    expect(errors).toEqual(['clusterrole.rbac.authorization.k8s.io "gone" not found']);
    expect(rulesFor(world, EMBEDDED_ADMIN, 'app').rules).toHaveLength(2);
  });

  it('impersonates users and service accounts, if allowed', () => {
    expect(impersonate(world, EMBEDDED_ADMIN, { user: 'system:serviceaccount:app:builder' })).toEqual(sa);
    expect(impersonate(world, EMBEDDED_ADMIN, { user: 'bob', groups: ['team'] })).toEqual({ username: 'bob', groups: ['team', 'system:authenticated'] });
    expect(() => impersonate(world, { username: 'alice', groups: [] }, { user: 'bob' })).toThrow(
      'users "bob" is forbidden: User "alice" cannot impersonate resource "users" in API group "" at the cluster scope');
  });
});
