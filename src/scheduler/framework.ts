/**
 * The scheduling framework's extension points, shaped for a single-threaded, allocation-light loop.
 *
 * A plugin's PreFilter and Filter are folded into one `prepareFilter(pod, snapshot)` call per scheduling
 * cycle: it either skips (the plugin has nothing to check for this pod), rejects the pod outright
 * (a PreFilter failure), or returns the per-node check bound to the state it computed. Scoring works the
 * same way: `prepareScore` is PreScore and returns the per-node scorer (plus optional NormalizeScore).
 */
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import type { Snapshot } from './snapshot.js';

/** Status codes that matter for FailedScheduling and preemption (framework.Code). */
export const Code = {
  /** Preemption of lower-priority pods might make the node fit. */
  Unschedulable: 2,
  /** Preemption cannot help on this node. */
  UnschedulableAndUnresolvable: 3,
} as const;
export type Code = (typeof Code)[keyof typeof Code];

export interface Status {
  readonly code: Code;
  readonly reasons: readonly string[];
  /** The plugin that rejected the node. */
  readonly plugin: string;
}

export function status(plugin: string, code: Code, ...reasons: string[]): Status {
  return Object.freeze({ code, reasons: Object.freeze(reasons), plugin });
}

/** A per-cycle node check: `null` means the node passes. */
export type NodeFilter = (node: NodeInfo) => Status | null;

export const SKIP = Object.freeze({ kind: 'skip' as const });

export type PreFilterOutcome =
  | typeof SKIP
  | { readonly kind: 'reject'; readonly status: Status }
  | {
      readonly kind: 'filter';
      readonly filter: NodeFilter;
      readonly nodeNames?: ReadonlySet<string>;
      /**
       * Set when the filter's verdict depends on nothing but the node's own state (NodeInfo.version)
       * and what this key says of the pod: when every filter of a cycle has one, the scheduler keeps
       * which nodes passed them all and does not run the filters again on a node that has not changed.
       */
      readonly memo?: string;
    };

export interface FilterPlugin {
  readonly name: string;
  prepareFilter(pod: PodInfo, snapshot: Snapshot): PreFilterOutcome;
}

/** Per-cycle scorer: raw scores written by `score`, then `normalize` rescales them in place to 0..100. */
export interface NodeScorer {
  score(node: NodeInfo): number;
  /**
   * Set when score(node) depends on nothing but the node's own state (NodeInfo.version) and what this
   * key says of the pod: the scheduler then keeps each node's raw score and asks again only for nodes
   * that changed (a batch of a ReplicaSet's pods scores the same 420 nodes pod after pod, one of them
   * changed by the placement before).
   */
  memo?: string;
  normalize?(scores: Float64Array, nodes: readonly NodeInfo[], count: number): void;
}

export interface ScorePlugin {
  readonly name: string;
  /** PreScore: `null` means Skip (every node scores 0 for this plugin). */
  prepareScore(pod: PodInfo, snapshot: Snapshot, feasible: readonly NodeInfo[]): NodeScorer | null;
}

export const MAX_NODE_SCORE = 100;

/**
 * framework helper DefaultNormalizeScore: scale to 0..max by the highest raw score; `reverse` flips the
 * scale so that the node with the highest raw count scores lowest.
 */
export function defaultNormalizeScore(scores: Float64Array, count: number, reverse: boolean): void {
  let max = 0;
  for (let i = 0; i < count; i++) if (scores[i]! > max) max = scores[i]!;
  if (max === 0) {
    if (reverse) for (let i = 0; i < count; i++) scores[i] = MAX_NODE_SCORE;
    return;
  }
  for (let i = 0; i < count; i++) {
    let s = Math.trunc((MAX_NODE_SCORE * scores[i]!) / max);
    if (reverse) s = MAX_NODE_SCORE - s;
    scores[i] = s;
  }
}
