/** `kubectl create rolebinding` and `create clusterrolebinding` (create_rolebinding.go, create_clusterrolebinding.go). */
import type { KubeObject } from '../../api/types.js';
import { objectMeta, typed } from './meta.js';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

export interface BindingInput {
  name: string;
  namespace?: string;
  role?: string;
  clusterRole?: string;
  users: string[];
  groups: string[];
  serviceAccounts: string[];
}

/** Subjects in kubectl's order: users, groups, then service accounts (`<namespace>:<name>`). */
function subjects(b: BindingInput): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const name of b.users) out.push({ kind: 'User', apiGroup: RBAC_GROUP, name });
  for (const name of b.groups) out.push({ kind: 'Group', apiGroup: RBAC_GROUP, name });
  for (const sa of b.serviceAccounts) {
    const tokens = sa.split(':');
    if (tokens.length !== 2 || !tokens[0] || !tokens[1]) throw new Error('serviceaccount must be <namespace>:<name>');
    out.push({ kind: 'ServiceAccount', name: tokens[1], namespace: tokens[0] });
  }
  return out;
}

function binding(kind: string, b: BindingInput, roleRef: Record<string, string>): KubeObject {
  const subs = subjects(b);
  return typed(kind, `${RBAC_GROUP}/v1`, {
    metadata: objectMeta({ name: b.name, namespace: b.namespace }),
    ...(subs.length > 0 ? { subjects: subs } : {}),
    roleRef,
  });
}

export function generateRoleBinding(b: BindingInput): KubeObject {
  if (!b.role === !b.clusterRole) throw new Error('exactly one of clusterrole or role must be specified');
  const roleRef = b.role ? { apiGroup: RBAC_GROUP, kind: 'Role', name: b.role } : { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: b.clusterRole! };
  return binding('RoleBinding', b, roleRef);
}

export function generateClusterRoleBinding(b: BindingInput): KubeObject {
  return binding('ClusterRoleBinding', { ...b, namespace: undefined }, { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: b.clusterRole! });
}
