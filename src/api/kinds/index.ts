import type { KindDef } from '../kind.js';
import { Registry } from '../registry.js';
import { podKind } from './pod.js';
import { serviceKind } from './service.js';
import { namespaceKind } from './namespace.js';
import { nodeKind } from './node.js';
import { configMapKind } from './config-map.js';
import { secretKind } from './secret.js';
import { serviceAccountKind } from './service-account.js';
import { endpointsKind } from './endpoints.js';
import { eventKind } from './event.js';
import { endpointSliceKind } from './endpoint-slice.js';
import { persistentVolumeKind } from './persistent-volume.js';
import { persistentVolumeClaimKind } from './persistent-volume-claim.js';
import { deploymentKind } from './deployment.js';
import { replicaSetKind } from './replica-set.js';
import { statefulSetKind } from './stateful-set.js';
import { daemonSetKind } from './daemon-set.js';
import { controllerRevisionKind } from './controller-revision.js';
import { jobKind } from './job.js';
import { cronJobKind } from './cron-job.js';
import { horizontalPodAutoscalerKind } from './horizontal-pod-autoscaler.js';
import { storageClassKind } from './storage-class.js';
import { podDisruptionBudgetKind } from './pod-disruption-budget.js';
import { ingressKind } from './ingress.js';
import { ingressClassKind } from './ingress-class.js';
import { networkPolicyKind } from './network-policy.js';
import { priorityClassKind } from './priority-class.js';
import { roleKind, clusterRoleKind, roleBindingKind, clusterRoleBindingKind } from './rbac.js';
import { customResourceDefinitionKind } from './custom-resource-definition.js';
import { limitRangeKind } from './limit-range.js';
import { resourceQuotaKind } from './resource-quota.js';
import { validatingWebhookConfigurationKind, mutatingWebhookConfigurationKind } from './webhook-configuration.js';
import { apiServiceKind } from './api-service.js';
import { leaseKind } from './lease.js';
import { runtimeClassKind } from './runtime-class.js';
import { csiDriverKind } from './csi-driver.js';
import { csiNodeKind } from './csi-node.js';
import { volumeAttachmentKind } from './volume-attachment.js';
import { podTemplateKind } from './pod-template.js';

/**
 * Every kind pocketkube serves, in discovery order. The order of the `all` category here is the
 * order `kubectl get all` prints: pod, service, daemonset, deployment, replicaset, statefulset,
 * horizontalpodautoscaler, cronjob, job.
 */
export const allKinds: KindDef[] = [
  podKind,
  serviceKind,
  namespaceKind,
  nodeKind,
  configMapKind,
  secretKind,
  serviceAccountKind,
  endpointsKind,
  eventKind,
  persistentVolumeKind,
  persistentVolumeClaimKind,
  limitRangeKind,
  resourceQuotaKind,
  daemonSetKind,
  deploymentKind,
  replicaSetKind,
  statefulSetKind,
  controllerRevisionKind,
  horizontalPodAutoscalerKind,
  cronJobKind,
  jobKind,
  endpointSliceKind,
  ingressKind,
  ingressClassKind,
  networkPolicyKind,
  storageClassKind,
  podDisruptionBudgetKind,
  priorityClassKind,
  roleKind,
  clusterRoleKind,
  roleBindingKind,
  clusterRoleBindingKind,
  customResourceDefinitionKind,
  validatingWebhookConfigurationKind,
  mutatingWebhookConfigurationKind,
  apiServiceKind,
  leaseKind,
  runtimeClassKind,
  csiDriverKind,
  csiNodeKind,
  volumeAttachmentKind,
  podTemplateKind,
];

let registry: Registry | undefined;
/** The process-wide registry of kinds (built once, on first use). */
export function kindRegistry(): Registry {
  return (registry ??= new Registry(allKinds));
}
