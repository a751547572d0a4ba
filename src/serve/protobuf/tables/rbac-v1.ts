/**
 * Protobuf field table: rbac.v1. Field numbers from the generated.proto files of k8s.io/api and k8s.io/apimachinery (v1.32);
 * format: see ../schema-types.ts.
 */
import type { PackageTable } from '../schema-types.js';

export const RBAC_V1: PackageTable = {
  pkg: 'rbac.v1',
  messages: {
    AggregationRule: '1 clusterRoleSelectors meta.v1.LabelSelector*',
    ClusterRole: '1 metadata meta.v1.ObjectMeta, 2 rules PolicyRule*, 3 aggregationRule AggregationRule',
    ClusterRoleBinding: '1 metadata meta.v1.ObjectMeta, 2 subjects Subject*, 3 roleRef RoleRef',
    PolicyRule: '1 verbs s*, 2 apiGroups s*, 3 resources s*, 4 resourceNames s*, 5 nonResourceURLs s*',
    Role: '1 metadata meta.v1.ObjectMeta, 2 rules PolicyRule*',
    RoleBinding: '1 metadata meta.v1.ObjectMeta, 2 subjects Subject*, 3 roleRef RoleRef',
    RoleRef: '1 apiGroup s, 2 kind s, 3 name s',
    Subject: '1 kind s, 2 apiGroup s, 3 name s, 4 namespace s',
  },
};
