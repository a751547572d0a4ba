/**
 * UpdatePodCondition (pkg/api/v1/pod): replaces the pod condition of that type, keeping its
 * lastTransitionTime while the status stays the same. Shared by the API server (pods/binding) and
 * the scheduler (PodScheduled=False, DisruptionTarget).
 */

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface PodConditionUpdate {
  type: string;
  status: 'True' | 'False';
  reason?: string;
  message?: string;
}

/** The pod status with `cond` set as of `now` (RFC 3339), or undefined when nothing would change. */
export function withPodCondition(status: any, cond: PodConditionUpdate, now: string): any | undefined {
  const conditions: any[] = status?.conditions ?? [];
  const i = conditions.findIndex((c) => c.type === cond.type);
  const old = i >= 0 ? conditions[i] : undefined;
  if (old && old.status === cond.status && (old.reason ?? '') === (cond.reason ?? '') && (old.message ?? '') === (cond.message ?? '')) return undefined;
  const next = {
    type: cond.type,
    status: cond.status,
    lastProbeTime: null,
    lastTransitionTime: old && old.status === cond.status ? old.lastTransitionTime : now,
    ...(cond.reason ? { reason: cond.reason } : {}),
    ...(cond.message ? { message: cond.message } : {}),
  };
  const out = [...conditions];
  if (i >= 0) out[i] = next;
  else out.push(next);
  return { ...status, conditions: out };
}

/** Whether the pod status has condition `type` with status True (IsPodReady for `Ready`). */
export function hasTrueCondition(status: any, type: string): boolean {
  return (status?.conditions ?? []).some((c: any) => c.type === type && c.status === 'True');
}
