/**
 * What the workload controllers ask of a pod (k8s.io/kubernetes/pkg/api/v1/pod and controller_utils):
 * active (not finished, not terminating), ready, available after minReadySeconds.
 */
import type { Condition, KubeObject } from '../api/types.js';

export function readyCondition(pod: KubeObject): Condition | undefined {
  return (pod.status?.conditions as Condition[] | undefined)?.find((c) => c.type === 'Ready');
}

export function isPodReady(pod: KubeObject): boolean {
  return readyCondition(pod)?.status === 'True';
}

/** controller.IsPodActive: not Succeeded/Failed and not being deleted. */
export function isPodActive(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

/**
 * When a ready pod counts as available: minReadySeconds after the Ready transition (strictly after,
 * as podutil.IsPodAvailable compares with Before). Undefined when not ready.
 */
export function availableFrom(pod: KubeObject, minReadySeconds: number): number | undefined {
  const c = readyCondition(pod);
  if (c?.status !== 'True') return undefined;
  if (minReadySeconds <= 0) return Number.NEGATIVE_INFINITY;
  if (!c.lastTransitionTime) return Number.POSITIVE_INFINITY;
  return new Date(c.lastTransitionTime).getTime() + minReadySeconds * 1000 + 1;
}

export function isPodAvailable(pod: KubeObject, minReadySeconds: number, now: Date): boolean {
  const from = availableFrom(pod, minReadySeconds);
  return from !== undefined && from <= now.getTime();
}

/** The fields the ReplicaSet controller reads, so a cache of many pods stays small. */
export function slimPod(pod: KubeObject): KubeObject {
  const m = pod.metadata;
  const cost = m.annotations?.['controller.kubernetes.io/pod-deletion-cost'];
  return {
    apiVersion: pod.apiVersion,
    kind: pod.kind,
    metadata: {
      name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion,
      creationTimestamp: m.creationTimestamp, deletionTimestamp: m.deletionTimestamp,
      labels: m.labels,
      // fresh objects of one shape: the controller walks these for every pod on every sync
      ownerReferences: m.ownerReferences?.map((r) => ({
        apiVersion: r.apiVersion, kind: r.kind, name: r.name, uid: r.uid, controller: r.controller, blockOwnerDeletion: r.blockOwnerDeletion,
      })),
      ...(cost !== undefined ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': cost } } : {}),
    },
    spec: { nodeName: pod.spec?.nodeName },
    status: {
      phase: pod.status?.phase,
      conditions: (pod.status?.conditions as Condition[] | undefined)
        ?.filter((c) => c.type === 'Ready')
        .map((c) => ({ type: c.type, status: c.status, lastTransitionTime: c.lastTransitionTime }) as Condition),
      containerStatuses: (pod.status?.containerStatuses as { restartCount?: number }[] | undefined)?.map((c) => ({ restartCount: c.restartCount ?? 0 })),
    },
  };
}
