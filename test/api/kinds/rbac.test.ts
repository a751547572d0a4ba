import { describe, expect, it } from 'vitest';
import { clusterRoleBindingKind, clusterRoleKind, roleBindingKind, roleKind } from '../../../src/api/kinds/rbac.js';
import { messages } from './helpers.js';
import { role, roleBinding } from './workload-fixtures.js';
import { NOW, row, selectorClient } from './workload-helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

describe('Role and ClusterRole', () => {
  it('validates rules', () => {
    expect(roleKind.validate!(role())).toEqual([]);
    const bad: any = { ...role(), rules: [{ resources: ['pods'] }, { nonResourceURLs: ['/healthz'], verbs: ['get'] }] };
    expect(messages(roleKind.validate!(bad))).toEqual([
      'rules[0].verbs: Required value: verbs must contain at least one value',
      'rules[0].apiGroups: Required value: resource rules must supply at least one api group',
      'rules[1].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs',
    ]);
    expect(clusterRoleKind.validate!({ ...bad, rules: [bad.rules[1]] })).toEqual([]);
  });

  it('prints NAME and CREATED AT', () => {
    expect(row(roleKind, role())).toEqual({ NAME: 'pod-reader', 'CREATED AT': '2026-01-01T00:00:00Z' });
  });

  it('describes the compacted, sorted rules', async () => {
    await expect(roleKind.describe!(role(), { client: selectorClient({}), now: NOW })).toMatchFileSnapshot('./golden/role.txt');
    expect(roleKind.describeEvents).toBe(false);
  });
});

describe('RoleBinding and ClusterRoleBinding', () => {
  it('defaults the roleRef and subject API groups', () => {
    const rb: any = { ...roleBinding(), roleRef: { kind: 'Role', name: 'r' }, subjects: [{ kind: 'User', name: 'u' }, { kind: 'ServiceAccount', name: 's' }] };
    roleBindingKind.defaults!(rb);
    expect(rb.roleRef.apiGroup).toBe('rbac.authorization.k8s.io');
    expect(rb.subjects).toEqual([{ kind: 'User', name: 'u', apiGroup: 'rbac.authorization.k8s.io' }, { kind: 'ServiceAccount', name: 's' }]);
    expect(roleBindingKind.validate!(rb)).toEqual([]);
  });

  it('validates roleRef kinds and subjects', () => {
    const crb: any = { ...roleBinding(), metadata: { name: 'c' } };
    expect(messages(clusterRoleBindingKind.validate!(crb))).toEqual(['roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"']);
    crb.subjects = [{ kind: 'ServiceAccount', name: 'robot' }, { kind: 'Robot', name: 'x' }];
    crb.roleRef.kind = 'ClusterRole';
    expect(messages(clusterRoleBindingKind.validate!(crb))).toEqual([
      'subjects[0].namespace: Required value',
      'subjects[1].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"',
    ]);
  });

  it('keeps roleRef immutable', () => {
    const old = roleBinding();
    const next: any = { ...roleBinding(), roleRef: { ...old.roleRef, name: 'other' } };
    expect(messages(roleBindingKind.validateUpdate!(next, old))).toEqual([
      'roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"Role", Name:"other"}: cannot change roleRef',
    ]);
  });

  it('prints ROLE and the wide subject columns, and describes', async () => {
    expect(row(roleBindingKind, roleBinding(), true)).toEqual({
      NAME: 'read-pods', ROLE: 'Role/pod-reader', AGE: '60m', USERS: 'jane', GROUPS: 'devs', SERVICEACCOUNTS: 'ci/robot',
    });
    await expect(roleBindingKind.describe!(roleBinding(), { client: selectorClient({}), now: NOW })).toMatchFileSnapshot('./golden/rolebinding.txt');
  });
});
