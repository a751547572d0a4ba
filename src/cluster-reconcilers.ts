/**
 * The controllers, the scheduler and the kubelets one cluster runs, in the order a round visits them
 * (cluster.ts wires them to its work queue).
 */
import { crdEstablishingReconciler } from './controllers/crd-establishing.js';
import { crdFinalizerReconciler } from './controllers/crd-finalizer.js';
import type { Client } from './api/client.js';
import type { Registry } from './api/registry.js';
import { clusterRoleAggregationReconciler } from './controllers/cluster-role-aggregation.js';
import { cronJobReconciler } from './controllers/cron-job/sync.js';
import { daemonSetReconciler } from './controllers/daemon-set/sync.js';
import { deploymentReconciler } from './controllers/deployment/sync.js';
import { disruptionReconciler } from './controllers/disruption.js';
import { endpointSliceReconciler } from './controllers/endpoint-slice.js';
import { endpointsReconciler } from './controllers/endpoints.js';
import { garbageCollector } from './controllers/garbage-collector.js';
import { horizontalPodAutoscalerReconciler } from './controllers/horizontal-pod-autoscaler.js';
import { jobReconciler } from './controllers/job/sync.js';
import { namespaceReconciler } from './controllers/namespace.js';
import { nodeLifecycleReconciler } from './controllers/node-lifecycle.js';
import type { Reconciler } from './controllers/reconciler.js';
import { replicaSetReconciler } from './controllers/replica-set.js';
import { resourceQuotaReconciler } from './controllers/resource-quota.js';
import { statefulSetReconciler } from './controllers/stateful-set/controller.js';
import { ttlAfterFinishedReconciler } from './controllers/ttl-after-finished.js';
import { eventTtlReconciler } from './controllers/event-ttl.js';
import { pvcProtectionReconciler, pvProtectionReconciler } from './controllers/volume/protection.js';
import { pvBinderReconciler } from './controllers/volume/pv-binder.js';
import { pvProvisionerReconciler } from './controllers/volume/pv-provisioner.js';
import { kubeletReconciler } from './node/kubelet.js';
import { schedulerReconciler } from './scheduler/scheduler-reconciler.js';
import type { Clock } from './util/clock.js';

export interface ReconcilerDeps {
  registry: Registry;
  clock: Clock;
  /** The client the kubelets write through (see internalClient). */
  components: Client;
  /** The cluster CA certificate (published into each namespace's kube-root-ca.crt). */
  caCert: () => string | undefined;
  /** Deletes the expired Events; when the next expires (ApiServer.expireEvents). */
  expireEvents: () => number | undefined;
}

export function clusterReconcilers(deps: ReconcilerDeps): Reconciler[] {
  return [
    namespaceReconciler(deps.registry, deps.caCert),
    crdEstablishingReconciler(),
    crdFinalizerReconciler(),
    schedulerReconciler(deps.clock),
    kubeletReconciler(deps.components),
    nodeLifecycleReconciler(),
    endpointsReconciler(),
    endpointSliceReconciler(),
    pvBinderReconciler(),
    pvProvisionerReconciler(),
    pvcProtectionReconciler(),
    pvProtectionReconciler(),
    // before the workload controllers: a deletion frees quota before they create replacements
    resourceQuotaReconciler(deps.registry),
    statefulSetReconciler(),
    replicaSetReconciler(),
    deploymentReconciler(),
    garbageCollector(deps.registry),
    jobReconciler(),
    cronJobReconciler(),
    daemonSetReconciler(),
    disruptionReconciler(),
    horizontalPodAutoscalerReconciler(deps.registry, deps.clock),
    clusterRoleAggregationReconciler(),
    ttlAfterFinishedReconciler(),
    eventTtlReconciler(deps.expireEvents),
  ];
}
