/**
 * The scheduling cycle (schedule_one.go): PreFilter, Filter over a sample of nodes, DefaultPreemption when
 * nothing fits, PreScore/Score/NormalizeScore over the feasible nodes, and a random pick among the best.
 */
import type { KubeObject } from '../api/types.js';
import { prepareFilters, runFilters } from './cycle.js';
import { Code, type NodeScorer, status } from './framework.js';
import { fitErrorMessage, newDiagnosis, reasonHistogram, type Diagnosis } from './fit-error.js';
import type { NodeInfo } from './node-info.js';
import { PodInfo } from './pod-info.js';
import { preempt } from './preemption.js';
import { defaultProfile, type Profile } from './profile.js';
import { isForScheduler, isGated, queueOrder } from './queue.js';
import { seededRandom } from './random.js';
import type { Snapshot } from './snapshot.js';

export type ScheduleResult =
  | { readonly nodeName: string }
  | {
      readonly unschedulable: true;
      /** The FailedScheduling event / PodScheduled condition message. */
      readonly message: string;
      /** Filter reasons -> number of nodes. */
      readonly reasons: Map<string, number>;
      /** PodScheduled condition reason: `Unschedulable`, or `SchedulerError` when there are no nodes. */
      readonly conditionReason: 'Unschedulable' | 'SchedulerError';
      /** Preemption chose this node: set status.nominatedNodeName and evict `victims`. */
      readonly nominatedNodeName?: string;
      readonly victims?: readonly KubeObject[];
    };

export interface SchedulerOptions {
  /** Seed for tie-breaks between equally scored nodes. */
  seed?: number;
  /** percentageOfNodesToScore (0 = adaptive, as by default). */
  percentageOfNodesToScore?: number;
  profile?: Profile;
}

export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';
const MIN_FEASIBLE_NODES_TO_FIND = 100;
const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;
/** Memo keys kept at most (pod shapes scored lately); past it they start over. */
const MAX_MEMOS = 64;

/** numFeasibleNodesToFind: all nodes below 100; otherwise an adaptive share (50% - nodes/125, at least 5%), at least 100. */
export function numFeasibleNodesToFind(numAllNodes: number, percentage = 0): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let p = percentage;
  if (p === 0) p = Math.max(50 - Math.trunc(numAllNodes / 125), MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND);
  const n = Math.trunc((numAllNodes * p) / 100);
  return Math.max(n, MIN_FEASIBLE_NODES_TO_FIND);
}

export interface BatchEntry {
  readonly pod: KubeObject;
  readonly result: ScheduleResult;
}

export class Scheduler {
  private readonly profile: Profile;
  private readonly random: (n: number) => number;
  private readonly percentage: number;
  private nextStartNodeIndex = 0;
  private scores = new Float64Array(0);
  private totals = new Float64Array(0);
  /** Memoised raw scores by plugin and memo key (see memoised()), and filter passes (findFeasible). */
  private readonly memos = new Map<string, { raw: Float64Array; version: Float64Array }>();
  /** What findFeasible returns, reused: valid until the next pod's cycle. */
  private readonly feasible: NodeInfo[] = [];

  constructor(options: SchedulerOptions = {}) {
    this.profile = options.profile ?? defaultProfile;
    this.random = seededRandom(options.seed ?? 1);
    this.percentage = options.percentageOfNodesToScore ?? 0;
  }

  schedule(pod: KubeObject, snapshot: Snapshot): ScheduleResult {
    return this.scheduleInfo(new PodInfo(pod), snapshot);
  }

  private scheduleInfo(info: PodInfo, snapshot: Snapshot): ScheduleResult {
    const numAll = snapshot.nodes.length;
    if (numAll === 0) {
      return { unschedulable: true, message: NO_NODES_AVAILABLE, reasons: new Map(), conditionReason: 'SchedulerError' };
    }
    const d = newDiagnosis();
    const feasible = this.findFeasible(info, snapshot, d);
    if (feasible.length === 0) return this.unschedulable(info, snapshot, d);
    if (feasible.length === 1) return { nodeName: feasible[0]!.name };
    return { nodeName: this.selectHost(info, snapshot, feasible) };
  }

  /** Schedules pods in queue order, assuming each placement in the snapshot before the next pod. */
  scheduleBatch(pods: readonly KubeObject[], snapshot: Snapshot): { results: BatchEntry[]; gated: KubeObject[] } {
    const queue = pods.filter((p) => isForScheduler(p));
    const gated = queue.filter(isGated);
    const ready = queue.filter((p) => !isGated(p)).sort(queueOrder);
    const results: BatchEntry[] = [];
    for (const pod of ready) {
      const info = new PodInfo(pod);
      const result = this.scheduleInfo(info, snapshot);
      if ('nodeName' in result) snapshot.assume(info, result.nodeName);
      results.push({ pod, result });
    }
    return { results, gated };
  }

  private findFeasible(pod: PodInfo, snapshot: Snapshot, d: Diagnosis): NodeInfo[] {
    const prepared = prepareFilters(this.profile, pod, snapshot);
    if (prepared.rejected) {
      d.absent = prepared.rejected;
      d.preFilterMsg = prepared.rejected.reasons.join(', ');
      return [];
    }
    const { filters } = prepared;
    const nominated: string | undefined = pod.pod.status?.nominatedNodeName;
    const nominatedNode = nominated ? snapshot.getNode(nominated) : undefined;
    if (nominatedNode && (!prepared.nodeNames || prepared.nodeNames.has(nominatedNode.name))) {
      if (runFilters(filters, nominatedNode) === null) return [nominatedNode];
    }
    let nodes = snapshot.nodes;
    if (prepared.nodeNames) {
      nodes = [];
      for (const name of prepared.nodeNames) {
        const n = snapshot.getNode(name);
        if (n) nodes.push(n);
      }
      const msg = `node(s) didn't satisfy plugin(s) [${[...prepared.narrowedBy].sort().join(' ')}]`;
      d.absent = status(prepared.narrowedBy[0]!, Code.UnschedulableAndUnresolvable, msg);
    }
    const n = nodes.length;
    const toFind = numFeasibleNodesToFind(n, this.percentage);
    // one array for every pod (the cycle is done with it before the next pod's): a new one per pod
    // was a thirtieth of a scale-up's garbage
    const feasible = this.feasible;
    let found = 0;
    let processed = 0;
    // which nodes passed these filters, by the node version they passed in (PreFilterOutcome.memo)
    const passed = prepared.memo === undefined ? undefined : this.versionsFor(`filters\u0000${prepared.memo}`, snapshot).version;
    for (let i = 0; i < n && found < toFind; i++) {
      const node = nodes[(this.nextStartNodeIndex + i) % n]!;
      processed++;
      if (passed !== undefined && passed[node.index] === node.version) {
        feasible[found++] = node;
        continue;
      }
      const st = runFilters(filters, node);
      if (st !== null) d.statuses.set(node, st);
      else {
        feasible[found++] = node;
        if (passed !== undefined) passed[node.index] = node.version;
      }
    }
    feasible.length = found;
    this.nextStartNodeIndex = (this.nextStartNodeIndex + processed) % snapshot.nodes.length;
    return feasible;
  }

  private unschedulable(pod: PodInfo, snapshot: Snapshot, d: Diagnosis): ScheduleResult {
    const numAll = snapshot.nodes.length;
    const outcome = preempt(this.profile, pod, snapshot, d, this.random);
    const base = {
      unschedulable: true as const,
      message: fitErrorMessage(d, numAll, outcome.message),
      reasons: d.preFilterMsg ? new Map([[d.preFilterMsg, numAll]]) : reasonHistogram(d, numAll),
      conditionReason: 'Unschedulable' as const,
    };
    if (!outcome.nominatedNodeName) return base;
    return { ...base, nominatedNodeName: outcome.nominatedNodeName, victims: (outcome.victims ?? []).map((v) => v.pod) };
  }

  /**
   * Raw scores of a scorer whose scores depend on the node's own state alone (NodeScorer.memo), into
   * this.scores: kept per node with the node's version, so only the nodes that changed since are
   * scored again. Exact: a node's version names its state, and the memo key what the pod brings.
   * With a weight, they are added, weighted, to this.totals instead (a scorer with no normalize).
   */
  private memoised(plugin: string, scorer: NodeScorer, snapshot: Snapshot, feasible: NodeInfo[], count: number, weight?: number): void {
    const { raw, version } = this.versionsFor(`${plugin}\u0000${scorer.memo}`, snapshot);
    const scores = this.scores;
    const totals = this.totals;
    for (let i = 0; i < count; i++) {
      const node = feasible[i]!;
      const at = node.index;
      if (version[at] !== node.version) {
        raw[at] = scorer.score(node);
        version[at] = node.version;
      }
      if (weight === undefined) scores[i] = raw[at]!;
      else totals[i]! += raw[at]! * weight;
    }
  }

  /** The memo of a key (scores or filter passes): per node index, a value and the node version it holds for. */
  private versionsFor(key: string, snapshot: Snapshot): { raw: Float64Array; version: Float64Array } {
    let m = this.memos.get(key);
    if (!m || m.raw.length < snapshot.nodes.length) {
      if (!m && this.memos.size >= MAX_MEMOS) this.memos.clear();
      m = { raw: new Float64Array(snapshot.nodes.length), version: new Float64Array(snapshot.nodes.length) };
      this.memos.set(key, m);
    }
    return m;
  }

  /** Score every feasible node, then pick uniformly among the highest totals (reservoir sampling). */
  private selectHost(pod: PodInfo, snapshot: Snapshot, feasible: NodeInfo[]): string {
    const count = feasible.length;
    if (this.scores.length < count) {
      this.scores = new Float64Array(count);
      this.totals = new Float64Array(count);
    }
    const scores = this.scores;
    const totals = this.totals;
    totals.fill(0, 0, count);
    for (const { plugin, weight } of this.profile.scores) {
      const scorer = plugin.prepareScore(pod, snapshot, feasible);
      if (scorer === null) continue;
      if (scorer.memo !== undefined && scorer.normalize === undefined) {
        // nothing to rescale: the raw scores go straight into the totals (one pass, not two)
        this.memoised(plugin.name, scorer, snapshot, feasible, count, weight);
        continue;
      }
      if (scorer.memo === undefined) for (let i = 0; i < count; i++) scores[i] = scorer.score(feasible[i]!);
      else this.memoised(plugin.name, scorer, snapshot, feasible, count);
      scorer.normalize?.(scores, feasible, count);
      for (let i = 0; i < count; i++) totals[i]! += scores[i]! * weight;
    }
    let best = 0;
    let ties = 1;
    for (let i = 1; i < count; i++) {
      if (totals[i]! > totals[best]!) {
        best = i;
        ties = 1;
      } else if (totals[i] === totals[best]) {
        ties++;
        if (this.random(ties) === 0) best = i;
      }
    }
    return feasible[best]!.name;
  }
}

/** One scheduling attempt with a fresh scheduler (seeded, so repeatable). */
export function schedule(pod: KubeObject, snapshot: Snapshot, options?: SchedulerOptions): ScheduleResult {
  return new Scheduler(options).schedule(pod, snapshot);
}

export function scheduleBatch(pods: readonly KubeObject[], snapshot: Snapshot, options?: SchedulerOptions): { results: BatchEntry[]; gated: KubeObject[] } {
  return new Scheduler(options).scheduleBatch(pods, snapshot);
}
