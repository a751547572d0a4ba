/**
 * DefaultPreemption (post-filter): when no node fits, look for nodes where evicting lower-priority pods
 * would make room. Either a node is nominated with its victims, or the reasons preemption cannot help
 * become the `preemption: ...` part of the FailedScheduling message. PodDisruptionBudgets are not considered.
 */
import { Code, status, type Status } from './framework.js';
import { prepareFilters, runFilters } from './cycle.js';
import { fitErrorMessage, newDiagnosis, type Diagnosis } from './fit-error.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import type { Profile } from './profile.js';
import type { Snapshot } from './snapshot.js';

export const NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_VICTIMS = 'No preemption victims found for incoming pod';
const notHelpful = status('DefaultPreemption', Code.UnschedulableAndUnresolvable, NOT_HELPFUL);
const noVictims = status('DefaultPreemption', Code.UnschedulableAndUnresolvable, NO_VICTIMS);

export interface PreemptionOutcome {
  /** The post-filter message (empty when a node was nominated). */
  readonly message: string;
  readonly nominatedNodeName?: string;
  readonly victims?: readonly PodInfo[];
}

interface Candidate {
  node: NodeInfo;
  victims: PodInfo[];
}

/** MoreImportantPod: higher priority first, then the one that started earlier. */
const moreImportant = (a: PodInfo, b: PodInfo) => b.priority - a.priority || a.startTime - b.startTime;

function terminatingByPreemption(p: PodInfo): boolean {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const conds: any[] = p.pod.status?.conditions ?? [];
  return p.terminating && conds.some((c) => c.type === 'DisruptionTarget' && c.reason === 'PreemptionByScheduler');
}

function ineligibility(pod: PodInfo, snapshot: Snapshot, d: Diagnosis): string {
  if (pod.pod.spec?.preemptionPolicy === 'Never') return 'not eligible due to preemptionPolicy=Never.';
  const nominated: string | undefined = pod.pod.status?.nominatedNodeName;
  const node = nominated ? snapshot.getNode(nominated) : undefined;
  if (!node) return '';
  const st = d.statuses.get(node) ?? d.absent;
  if (st?.code === Code.UnschedulableAndUnresolvable) return '';
  if (node.pods.some((p) => p.priority < pod.priority && terminatingByPreemption(p))) {
    return 'not eligible due to a terminating pod on the nominated node.';
  }
  return '';
}

function fits(profile: Profile, pod: PodInfo, snapshot: Snapshot, node: NodeInfo): Status | null {
  const prepared = prepareFilters(profile, pod, snapshot);
  return prepared.rejected ?? runFilters(prepared.filters, node);
}

/** SelectVictimsOnNode: remove every lower-priority pod, then give back as many as still fit. */
function selectVictims(profile: Profile, pod: PodInfo, snapshot: Snapshot, node: NodeInfo): Candidate | Status {
  const potential = node.pods.filter((p) => p.priority < pod.priority).sort(moreImportant);
  if (potential.length === 0) return noVictims;
  for (const p of potential) snapshot.detach(node, p);
  const st = fits(profile, pod, snapshot, node);
  if (st !== null) {
    for (const p of potential) snapshot.restore(node, p);
    return st;
  }
  const victims: PodInfo[] = [];
  for (const p of potential) {
    snapshot.restore(node, p);
    if (fits(profile, pod, snapshot, node) !== null) {
      snapshot.detach(node, p);
      victims.push(p);
    }
  }
  for (const p of victims) snapshot.restore(node, p);
  return { node, victims };
}

const MAX_INT32 = 2147483647;

/** pickOneNodeForPreemption without PodDisruptionBudgets: the cheapest eviction wins. */
function pickCandidate(cs: Candidate[]): Candidate {
  const empty = cs.find((c) => c.victims.length === 0);
  if (empty) return empty;
  const narrow = (list: Candidate[], key: (c: Candidate) => number): Candidate[] => {
    const best = Math.min(...list.map(key));
    return list.filter((c) => key(c) === best);
  };
  let list = narrow(cs, (c) => c.victims[0]!.priority);
  list = narrow(list, (c) => c.victims.reduce((s, v) => s + v.priority + MAX_INT32 + 1, 0));
  list = narrow(list, (c) => c.victims.length);
  // Latest start among each node's highest-priority victims' earliest start.
  list = narrow(list, (c) => {
    const top = c.victims[0]!.priority;
    return -Math.min(...c.victims.filter((v) => v.priority === top).map((v) => v.startTime));
  });
  return list[0]!;
}

export function preempt(profile: Profile, pod: PodInfo, snapshot: Snapshot, d: Diagnosis, random: (n: number) => number): PreemptionOutcome {
  const notEligible = ineligibility(pod, snapshot, d);
  if (notEligible) return { message: `preemption: ${notEligible}` };
  const total = snapshot.nodes.length;
  const potential = [...d.statuses].filter(([, s]) => s.code === Code.Unschedulable).map(([n]) => n);
  if (d.statuses.size < total && d.absent?.code === Code.Unschedulable) {
    for (const n of snapshot.nodes) if (!d.statuses.has(n)) potential.push(n);
  }
  const dry = newDiagnosis();
  dry.absent = notHelpful;
  const candidates: Candidate[] = [];
  if (potential.length > 0) {
    const wanted = Math.min(potential.length, Math.max(Math.floor((potential.length * 10) / 100), 100));
    const offset = random(potential.length);
    for (let i = 0; i < potential.length && candidates.length < wanted; i++) {
      const node = potential[(offset + i) % potential.length]!;
      const r = selectVictims(profile, pod, snapshot, node);
      if ('victims' in r) candidates.push(r);
      else dry.statuses.set(node, r);
    }
  }
  if (candidates.length === 0) return { message: `preemption: ${fitErrorMessage(dry, total)}` };
  const best = pickCandidate(candidates);
  return { message: '', nominatedNodeName: best.node.name, victims: best.victims };
}
