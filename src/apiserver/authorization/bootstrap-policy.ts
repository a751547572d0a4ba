/**
 * The default RBAC objects kube-apiserver 1.32 creates at start (bootstrappolicy.ClusterRoles /
 * ClusterRoleBindings, the subset a user meets: the user-facing roles and what every authenticated
 * user may do) and kubeadm's binding of its admin group. Each rule's lists are sorted, as
 * rbacv1helpers.NewRule(...).RuleOrDie() sorts them. admin/edit/view carry no rules of their own:
 * their aggregationRules collect the system:aggregate-to-* roles (clusterroleaggregation controller).
 */
import type { KubeObject } from '../../api/types.js';
import type { PolicyRule } from './rule-match.js';
import { ALL_AUTHENTICATED, ALL_UNAUTHENTICATED, KUBEADM_CLUSTER_ADMINS, SYSTEM_MASTERS } from './user-info.js';

const RBAC = 'rbac.authorization.k8s.io';
const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const READ_WRITE = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const AGGREGATE_TO = (role: string) => `${RBAC}/aggregate-to-${role}`;

function rule(verbs: string[], groups: string[], resources: string[]): PolicyRule {
  return { verbs: [...verbs].sort(), apiGroups: [...groups].sort(), resources: [...resources].sort() };
}

function urls(verbs: string[], paths: string[]): PolicyRule {
  return { verbs: [...verbs].sort(), nonResourceURLs: [...paths].sort() };
}

const defaultsMeta = (name: string, labels: Record<string, string> = {}) => ({
  name,
  labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults', ...labels },
  annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
});

function clusterRole(name: string, rules: PolicyRule[], labels?: Record<string, string>, aggregateFrom?: string): KubeObject {
  return {
    apiVersion: `${RBAC}/v1`,
    kind: 'ClusterRole',
    metadata: defaultsMeta(name, labels),
    ...(aggregateFrom ? { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [AGGREGATE_TO(aggregateFrom)]: 'true' } }] } } : {}),
    rules,
  };
}

const VIEW_RULES: PolicyRule[] = [
  rule(READ, [''], ['pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status',
    'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'configmaps']),
  rule(READ, [''], ['limitranges', 'resourcequotas', 'bindings', 'events', 'pods/status', 'resourcequotas/status', 'namespaces/status',
    'replicationcontrollers/status', 'pods/log']),
  rule(READ, [''], ['namespaces']),
  rule(READ, ['discovery.k8s.io'], ['endpointslices']),
  rule(READ, ['apps'], ['controllerrevisions', 'statefulsets', 'statefulsets/status', 'statefulsets/scale', 'daemonsets', 'daemonsets/status',
    'deployments', 'deployments/status', 'deployments/scale', 'replicasets', 'replicasets/status', 'replicasets/scale']),
  rule(READ, ['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status']),
  rule(READ, ['batch'], ['jobs', 'cronjobs', 'cronjobs/status', 'jobs/status']),
  rule(READ, ['extensions'], ['daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'ingresses',
    'ingresses/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'replicationcontrollers/scale', 'networkpolicies']),
  rule(READ, ['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status']),
  rule(READ, ['networking.k8s.io'], ['networkpolicies', 'ingresses', 'ingresses/status']),
];

const EDIT_RULES: PolicyRule[] = [
  // read on the resources that can escalate (secrets, exec…)
  rule(READ, [''], ['pods/attach', 'pods/proxy', 'pods/exec', 'pods/portforward', 'secrets', 'services/proxy']),
  rule(['impersonate'], [''], ['serviceaccounts']),
  rule(WRITE, [''], ['pods', 'pods/attach', 'pods/proxy', 'pods/exec', 'pods/portforward']),
  rule(['create'], [''], ['pods/eviction']),
  rule(WRITE, [''], ['replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/proxy',
    'persistentvolumeclaims', 'configmaps', 'secrets', 'events']),
  rule(['create'], [''], ['serviceaccounts/token']),
  rule(WRITE, ['apps'], ['statefulsets', 'statefulsets/scale', 'daemonsets', 'deployments', 'deployments/scale', 'deployments/rollback',
    'replicasets', 'replicasets/scale']),
  rule(WRITE, ['autoscaling'], ['horizontalpodautoscalers']),
  rule(WRITE, ['batch'], ['jobs', 'cronjobs']),
  rule(WRITE, ['extensions'], ['daemonsets', 'deployments', 'deployments/scale', 'deployments/rollback', 'ingresses', 'replicasets',
    'replicasets/scale', 'replicationcontrollers/scale', 'networkpolicies']),
  rule(WRITE, ['policy'], ['poddisruptionbudgets']),
  rule(WRITE, ['networking.k8s.io'], ['networkpolicies', 'ingresses']),
  rule(READ_WRITE, ['coordination.k8s.io'], ['leases']),
];

const ADMIN_RULES: PolicyRule[] = [
  rule(['create'], ['authorization.k8s.io'], ['localsubjectaccessreviews']),
  rule(READ_WRITE, [RBAC], ['roles', 'rolebindings']),
];

const HEALTH = ['/livez', '/readyz', '/healthz', '/version', '/version/'];

export function bootstrapClusterRoles(): KubeObject[] {
  return [
    clusterRole('cluster-admin', [rule(['*'], ['*'], ['*']), urls(['*'], ['*'])]),
    clusterRole('system:discovery', [urls(['get'], [...HEALTH, '/openapi', '/openapi/*', '/api', '/api/*', '/apis', '/apis/*'])]),
    clusterRole('system:basic-user', [
      rule(['create'], ['authorization.k8s.io'], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews']),
      rule(['create'], ['authentication.k8s.io'], ['selfsubjectreviews']),
    ]),
    clusterRole('system:public-info-viewer', [urls(['get'], HEALTH)]),
    clusterRole('admin', [], undefined, 'admin'),
    clusterRole('edit', [], { [AGGREGATE_TO('admin')]: 'true' }, 'edit'),
    clusterRole('view', [], { [AGGREGATE_TO('edit')]: 'true' }, 'view'),
    clusterRole('system:aggregate-to-admin', ADMIN_RULES, { [AGGREGATE_TO('admin')]: 'true' }),
    clusterRole('system:aggregate-to-edit', EDIT_RULES, { [AGGREGATE_TO('edit')]: 'true' }),
    clusterRole('system:aggregate-to-view', VIEW_RULES, { [AGGREGATE_TO('view')]: 'true' }),
  ];
}

function clusterRoleBinding(name: string, role: string, groups: string[], bootstrapDefault = true): KubeObject {
  return {
    apiVersion: `${RBAC}/v1`,
    kind: 'ClusterRoleBinding',
    metadata: bootstrapDefault ? defaultsMeta(name) : { name },
    roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: role },
    subjects: groups.map((g) => ({ apiGroup: RBAC, kind: 'Group', name: g })),
  };
}

export function bootstrapClusterRoleBindings(): KubeObject[] {
  return [
    clusterRoleBinding('cluster-admin', 'cluster-admin', [SYSTEM_MASTERS]),
    clusterRoleBinding('system:discovery', 'system:discovery', [ALL_AUTHENTICATED]),
    clusterRoleBinding('system:basic-user', 'system:basic-user', [ALL_AUTHENTICATED]),
    clusterRoleBinding('system:public-info-viewer', 'system:public-info-viewer', [ALL_AUTHENTICATED, ALL_UNAUTHENTICATED]),
    // kubeadm init's, not the API server's: no bootstrapping label
    clusterRoleBinding('kubeadm:cluster-admins', 'cluster-admin', [KUBEADM_CLUSTER_ADMINS], false),
  ];
}
