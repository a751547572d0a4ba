/**
 * What the workload controllers ask of a pod (k8s.io/kubernetes/pkg/api/v1/pod and controller_utils):
 * active (not finished, not terminating), ready, available after minReadySeconds.
 */
import { internLabels, internOwnerReferences } from '../api/interned.js';
import type { Condition, KubeObject } from '../api/types.js';
import { LruMap } from '../util/lru-map.js';

export function readyCondition(pod: KubeObject): Condition | undefined {
  const conditions = pod.status?.conditions as readonly Condition[] | undefined;
  if (conditions === undefined || conditions === null) return undefined;
  // a plain loop: called per pod of workloads with tens of thousands of pods
  for (let i = 0; i < conditions.length; i++) if (conditions[i]!.type === 'Ready') return conditions[i];
  return undefined;
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
  // Date.parse is new Date(s).getTime() without the Date object
  return Date.parse(c.lastTransitionTime) + minReadySeconds * 1000 + 1;
}

export function isPodAvailable(pod: KubeObject, minReadySeconds: number, now: Date): boolean {
  const from = availableFrom(pod, minReadySeconds);
  return from !== undefined && from <= now.getTime();
}

/** Distinct slim Ready conditions and restart-count lists kept for sharing (see slimPod). */
const SHARED_STATUS_PARTS = 4096;
const readyConditions = new LruMap<string, readonly Condition[]>(SHARED_STATUS_PARTS);
const restartCounts = new LruMap<string, readonly { restartCount: number }[]>(SHARED_STATUS_PARTS);
const NO_CONDITIONS: readonly Condition[] = Object.freeze([]);

/** The pod's Ready condition (type, status, lastTransitionTime), shared by the pods that started together. */
function slimReady(conditions: Condition[] | undefined): readonly Condition[] | undefined {
  if (!conditions) return undefined;
  const ready = conditions.find((c) => c.type === 'Ready');
  if (!ready) return NO_CONDITIONS;
  const key = `${ready.status}\u0000${ready.lastTransitionTime ?? ''}`;
  let shared = readyConditions.get(key);
  if (!shared) readyConditions.set(key, (shared = Object.freeze([Object.freeze({ type: 'Ready', status: ready.status, lastTransitionTime: ready.lastTransitionTime } as Condition)])));
  return shared;
}

/** The containers' restart counts, shared by the pods with the same counts. */
function slimRestarts(statuses: { restartCount?: number }[] | undefined): readonly { restartCount: number }[] | undefined {
  if (!statuses) return undefined;
  let key = '';
  for (const c of statuses) key += `${c.restartCount ?? 0},`;
  let shared = restartCounts.get(key);
  if (!shared) restartCounts.set(key, (shared = Object.freeze(statuses.map((c) => Object.freeze({ restartCount: c.restartCount ?? 0 })))));
  return shared;
}

/**
 * The fields the ReplicaSet controller reads, so a cache of many pods stays small: the parts that
 * the pods of a workload repeat (labels, ownerReferences, the Ready condition of the pods started
 * together, restart counts) are shared, frozen copies.
 */
export function slimPod(pod: KubeObject): KubeObject {
  const m = pod.metadata;
  const cost = m.annotations?.['controller.kubernetes.io/pod-deletion-cost'];
  return {
    apiVersion: pod.apiVersion,
    kind: pod.kind,
    metadata: {
      name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion,
      creationTimestamp: m.creationTimestamp, deletionTimestamp: m.deletionTimestamp,
      labels: internLabels(m.labels),
      ownerReferences: internOwnerReferences(m.ownerReferences),
      ...(cost !== undefined ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': cost } } : {}),
    },
    spec: { nodeName: pod.spec?.nodeName },
    status: {
      phase: pod.status?.phase,
      conditions: slimReady(pod.status?.conditions as Condition[] | undefined),
      containerStatuses: slimRestarts(pod.status?.containerStatuses as { restartCount?: number }[] | undefined),
    },
  } as KubeObject;
}
