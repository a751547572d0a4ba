/**
 * Which pods a ReplicaSet deletes first when it scales down (controller.ActivePodsWithRanks, v1.32
 * with PodDeletionCost and LogarithmicScaleDown on): unassigned before assigned; Pending before
 * Unknown before Running; not ready before ready; lower pod-deletion-cost first; more related pods
 * on the same node first; ready for less time first (log2 buckets); more restarts first; newer first.
 */
import type { KubeObject } from '../api/types.js';
import { isPodActive, isPodReady, readyCondition } from './pod-state.js';

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

function deletionCost(pod: KubeObject): number {
  const v = pod.metadata.annotations?.[DELETION_COST];
  if (v === undefined) return 0;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : 0;
}

function maxRestarts(pod: KubeObject): number {
  const list = (pod.status?.containerStatuses ?? []) as { restartCount?: number }[];
  return list.reduce((m, c) => Math.max(m, c.restartCount ?? 0), 0);
}

function ms(ts: string | undefined): number | undefined {
  return ts ? new Date(ts).getTime() : undefined;
}

/** floor(log2(now - t)) in nanoseconds, -1 when not in the past (logarithmicRankDiff). */
function logRank(t: number, now: number): number {
  const d = (now - t) * 1e6;
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
}

/** afterOrZero: a missing time sorts first, else the later time first. */
function afterOrZero(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === undefined;
  return a > b;
}

/** Negative when a should be deleted before b. */
function timeOrder(a: number | undefined, b: number | undefined, now: number, uidA: string, uidB: string): number {
  if (a === undefined || b === undefined) return afterOrZero(a, b) ? -1 : afterOrZero(b, a) ? 1 : 0;
  const diff = logRank(a, now) - logRank(b, now);
  if (diff !== 0) return diff;
  return uidA < uidB ? -1 : uidA > uidB ? 1 : 0;
}

export interface RankedPod {
  pod: KubeObject;
  /** Related active pods on the same node. */
  rank: number;
}

function compare(x: RankedPod, y: RankedPod, now: number): number {
  const a = x.pod;
  const b = y.pod;
  const aNode = Boolean(a.spec?.nodeName);
  const bNode = Boolean(b.spec?.nodeName);
  if (aNode !== bNode) return aNode ? 1 : -1;
  const pa = PHASE_RANK[a.status?.phase ?? ''] ?? 0;
  const pb = PHASE_RANK[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa - pb;
  const ra = isPodReady(a);
  const rb = isPodReady(b);
  if (ra !== rb) return ra ? 1 : -1;
  const ca = deletionCost(a);
  const cb = deletionCost(b);
  if (ca !== cb) return ca - cb;
  if (x.rank !== y.rank) return y.rank - x.rank;
  const uidA = a.metadata.uid ?? '';
  const uidB = b.metadata.uid ?? '';
  if (ra && rb) {
    const ta = ms(readyCondition(a)?.lastTransitionTime);
    const tb = ms(readyCondition(b)?.lastTransitionTime);
    if (ta !== tb) {
      const o = timeOrder(ta, tb, now, uidA, uidB);
      if (o !== 0) return o;
    }
  }
  const rsA = maxRestarts(a);
  const rsB = maxRestarts(b);
  if (rsA !== rsB) return rsB - rsA;
  const cA = ms(a.metadata.creationTimestamp);
  const cB = ms(b.metadata.creationTimestamp);
  if (cA !== cB) return timeOrder(cA, cB, now, uidA, uidB);
  return 0;
}

/**
 * getPodsToDelete: the `count` pods to delete, best candidates first. `related` are the active pods of
 * this ReplicaSet and its siblings (same controller), used to count pods sharing a node.
 */
export function podsToDelete(pods: KubeObject[], related: KubeObject[], count: number, now: Date): KubeObject[] {
  if (count >= pods.length) return pods;
  const perNode = new Map<string, number>();
  for (const p of related) {
    const node = p.spec?.nodeName;
    if (node && isPodActive(p)) perNode.set(node, (perNode.get(node) ?? 0) + 1);
  }
  const ranked = pods.map((pod) => ({ pod, rank: pod.spec?.nodeName ? (perNode.get(pod.spec.nodeName) ?? 0) : 0 }));
  ranked.sort((x, y) => compare(x, y, now.getTime()));
  return ranked.slice(0, count).map((r) => r.pod);
}
