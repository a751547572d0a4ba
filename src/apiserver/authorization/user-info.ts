/**
 * Who a request comes from (k8s.io/apiserver/pkg/authentication/user): a name and groups. The
 * embedded CLI authenticates as kind's admin.conf does on a kubeadm 1.29+ cluster: the client
 * certificate's CN `kubernetes-admin`, O `kubeadm:cluster-admins`, plus the group every
 * authenticated user gets.
 */
export interface UserInfo {
  username: string;
  uid?: string;
  groups: string[];
  extra?: Record<string, string[]>;
}

export const ALL_AUTHENTICATED = 'system:authenticated';
export const ALL_UNAUTHENTICATED = 'system:unauthenticated';
export const ANONYMOUS = 'system:anonymous';
/** The superuser group: kube-apiserver allows it everything before RBAC is asked. */
export const SYSTEM_MASTERS = 'system:masters';
export const KUBEADM_CLUSTER_ADMINS = 'kubeadm:cluster-admins';

export const EMBEDDED_ADMIN: UserInfo = { username: 'kubernetes-admin', groups: [KUBEADM_CLUSTER_ADMINS, ALL_AUTHENTICATED] };

const SA_PREFIX = 'system:serviceaccount:';

/** `system:serviceaccount:<ns>:<name>` (serviceaccount.MakeUsername). */
export function serviceAccountUsername(namespace: string, name: string): string {
  return `${SA_PREFIX}${namespace}:${name}`;
}

/** The namespace and name of a service account's username, if it is one (serviceaccount.SplitUsername). */
export function splitServiceAccountUsername(username: string): { namespace: string; name: string } | undefined {
  if (!username.startsWith(SA_PREFIX)) return undefined;
  const parts = username.slice(SA_PREFIX.length).split(':');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { namespace: parts[0], name: parts[1] };
}

/** The groups every service account of a namespace is in (serviceaccount.MakeGroupNames). */
export function serviceAccountGroups(namespace: string): string[] {
  return ['system:serviceaccounts', `system:serviceaccounts:${namespace}`];
}
