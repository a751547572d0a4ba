/** The FailedScheduling message (framework.FitError) built from per-node filter statuses. */
import type { Status } from './framework.js';
import type { NodeInfo } from './node-info.js';

export interface Diagnosis {
  /** Statuses of the nodes that were evaluated and rejected. */
  readonly statuses: Map<NodeInfo, Status>;
  /** Status of every node not in `statuses` (a PreFilter rejection, or nodes a PreFilter ruled out). */
  absent: Status | null;
  /** Set when a PreFilter plugin rejected the pod: its message replaces the histogram. */
  preFilterMsg: string;
}

export function newDiagnosis(): Diagnosis {
  return { statuses: new Map(), absent: null, preFilterMsg: '' };
}

/** reason -> number of nodes that gave it (absent nodes count with the absent status' reasons). */
export function reasonHistogram(d: Diagnosis, numAllNodes: number): Map<string, number> {
  const h = new Map<string, number>();
  for (const s of d.statuses.values()) for (const r of s.reasons) h.set(r, (h.get(r) ?? 0) + 1);
  const absent = numAllNodes - d.statuses.size;
  if (absent > 0 && d.absent) for (const r of d.absent.reasons) h.set(r, (h.get(r) ?? 0) + absent);
  return h;
}

const byBytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `0/N nodes are available: <sorted "count reason" list>.` plus the post-filter (preemption) message. */
export function fitErrorMessage(d: Diagnosis, numAllNodes: number, postFilterMsg = ''): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  if (d.preFilterMsg) {
    msg += ` ${d.preFilterMsg}.`;
  } else {
    const entries = [...reasonHistogram(d, numAllNodes)].map(([r, n]) => `${n} ${r}`).sort(byBytes);
    if (entries.length > 0) msg += ` ${entries.join(', ')}.`;
  }
  if (postFilterMsg) msg += postFilterMsg.endsWith('.') ? ` ${postFilterMsg}` : ` ${postFilterMsg}.`;
  return msg;
}
