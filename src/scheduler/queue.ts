/** The scheduling queue's order (PrioritySort) and which pods the default scheduler takes at all. */
import type { KubeObject } from '../api/types.js';

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

function priority(p: KubeObject): number {
  return typeof p.spec?.priority === 'number' ? p.spec.priority : 0;
}

function queuedAt(p: KubeObject): number {
  return p.metadata.creationTimestamp ? Date.parse(p.metadata.creationTimestamp) : 0;
}

/** PrioritySort.Less: higher priority first, then the pod queued earlier. */
export function queueOrder(a: KubeObject, b: KubeObject): number {
  return priority(b) - priority(a) || queuedAt(a) - queuedAt(b);
}

/** Unbound pods addressed to this scheduler. */
export function isForScheduler(p: KubeObject, schedulerName = DEFAULT_SCHEDULER_NAME): boolean {
  return !p.spec?.nodeName && (p.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME) === schedulerName && !p.metadata.deletionTimestamp;
}

/** Pods with scheduling gates wait in the queue untried (condition PodScheduled=False, reason SchedulingGated). */
export function isGated(p: KubeObject): boolean {
  return (p.spec?.schedulingGates ?? []).length > 0;
}
