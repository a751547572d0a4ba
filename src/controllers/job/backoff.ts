/**
 * The delay before a failed Job pod is replaced: 10 s after the first failure since the last
 * success, doubling per further failure, capped at 6 minutes (simulated time).
 */
import type { KubeObject } from '../../api/types.js';
import { finishedAt, podOutcome } from './job-pods.js';

export const BACKOFF_BASE_MS = 10_000;
export const BACKOFF_CAP_MS = 6 * 60_000;

/** Milliseconds until new pods may be created (0 = now). */
export function replacementWait(job: KubeObject, pods: KubeObject[], now: number): number {
  const finished = pods
    .map((p) => ({ outcome: podOutcome(p, job), at: finishedAt(p, now) }))
    .filter((f) => f.outcome !== undefined)
    .sort((a, b) => a.at - b.at);
  let failures = 0;
  let lastFailure = 0;
  for (const f of finished) {
    if (f.outcome === 'succeeded') failures = 0;
    else {
      failures++;
      lastFailure = f.at;
    }
  }
  if (failures === 0) return 0;
  const delay = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(failures - 1, 30));
  return Math.max(0, lastFailure + delay - now);
}
