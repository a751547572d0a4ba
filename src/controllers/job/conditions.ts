/** Job conditions and their reasons/messages as the v1.32 Job controller writes them. */
import type { Condition, KubeObject } from '../../api/types.js';

export const MESSAGES = {
  CompletionsReached: 'Reached expected number of succeeded pods',
  BackoffLimitExceeded: 'Job has reached the specified backoff limit',
  DeadlineExceeded: 'Job was active longer than specified deadline',
} as const;

export type FinishReason = keyof typeof MESSAGES;

export function conditionOf(job: KubeObject, type: string): Condition | undefined {
  return (job.status?.conditions as Condition[] | undefined)?.find((c) => c.type === type);
}

export function isTrue(job: KubeObject, type: string): boolean {
  return conditionOf(job, type)?.status === 'True';
}

export function isFinished(job: KubeObject): boolean {
  return isTrue(job, 'Complete') || isTrue(job, 'Failed');
}

/**
 * Sets a condition in the status being built: a new one is appended; an existing one changes its
 * transition time only when its status flips.
 */
export function setCondition(conditions: Condition[], type: string, status: 'True' | 'False', reason: string, message: string, now: string): Condition[] {
  const prev = conditions.find((c) => c.type === type);
  if (prev && prev.status === status && prev.reason === reason && prev.message === message) return conditions;
  const next: Condition = {
    type, status, lastProbeTime: now,
    lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : now,
    reason, message,
  };
  return prev ? conditions.map((c) => (c.type === type ? next : c)) : [...conditions, next];
}
