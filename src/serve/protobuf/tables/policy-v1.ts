/**
 * Protobuf field table: policy.v1. Field numbers from the generated.proto files of k8s.io/api and k8s.io/apimachinery (v1.32);
 * format: see ../schema-types.ts.
 */
import type { PackageTable } from '../schema-types.js';

export const POLICY_V1: PackageTable = {
  pkg: 'policy.v1',
  messages: {
    Eviction: '1 metadata meta.v1.ObjectMeta, 2 deleteOptions meta.v1.DeleteOptions',
    PodDisruptionBudget: '1 metadata meta.v1.ObjectMeta, 2 spec PodDisruptionBudgetSpec, 3 status PodDisruptionBudgetStatus',
    PodDisruptionBudgetSpec: '1 minAvailable intstr.IntOrString, 2 selector meta.v1.LabelSelector, ' +
      '3 maxUnavailable intstr.IntOrString, 4 unhealthyPodEvictionPolicy s',
    PodDisruptionBudgetStatus: '1 observedGeneration i64, 2 disruptedPods {meta.v1.Time}, 3 disruptionsAllowed i32!, ' +
      '4 currentHealthy i32!, 5 desiredHealthy i32!, 6 expectedPods i32!, 7 conditions meta.v1.Condition*',
  },
};
