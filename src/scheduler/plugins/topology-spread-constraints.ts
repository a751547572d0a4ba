/**
 * PodTopologySpread's constraints for a pod: its own `topologySpreadConstraints`, or — when it has none —
 * the v1.32 system defaults (hostname maxSkew 3, zone maxSkew 5, both ScheduleAnyway) over the selector of
 * the Services and controller that own it.
 */
import type { LabelSelector } from '../../api/types.js';
import type { NodeInfo } from '../node-info.js';
import type { RequiredNodeAffinity } from '../node-selector.js';
import type { PodInfo } from '../pod-info.js';
import { LruMap } from '../../util/lru-map.js';
import { compileSelector, selectorKey, type LabelMatcher } from '../selectors.js';
import type { Snapshot } from '../snapshot.js';
import { findUntoleratedTaint } from '../tolerations.js';

export const LABEL_HOSTNAME = 'kubernetes.io/hostname';
export const LABEL_ZONE = 'topology.kubernetes.io/zone';

export interface SpreadConstraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  readonly minDomains: number;
  /** null: the constraint selects no pods. */
  readonly selector: LabelSelector | null;
  /** The selector's key in the pod's namespace (MatchCountIndex), computed once; null with the selector. */
  readonly key: string | null;
  readonly matcher: LabelMatcher;
  readonly honorNodeAffinity: boolean;
  readonly honorNodeTaints: boolean;
}

const SYSTEM_DEFAULTS = [
  { topologyKey: LABEL_HOSTNAME, maxSkew: 3 },
  { topologyKey: LABEL_ZONE, maxSkew: 5 },
];

/** Adds `key In (pod's value)` for every matchLabelKeys key the pod carries. */
function withMatchLabelKeys(sel: LabelSelector | null, keys: string[] | undefined, labels: Record<string, string>): LabelSelector | null {
  if (sel === null || !keys || keys.length === 0) return sel;
  const extra = keys.filter((k) => labels[k] !== undefined).map((k) => ({ key: k, operator: 'In' as const, values: [labels[k]!] }));
  if (extra.length === 0) return sel;
  return { matchLabels: sel.matchLabels, matchExpressions: [...(sel.matchExpressions ?? []), ...extra] };
}

/**
 * The system-default constraints by selector key: pods of one workload share them, so the selector
 * is compiled once per workload, not for every pod scheduled (they depend on nothing else).
 */
const systemDefaults = new LruMap<string, SpreadConstraint[]>(256);

function make(
  c: { maxSkew: number; topologyKey: string; minDomains?: number; nodeAffinityPolicy?: string; nodeTaintsPolicy?: string },
  namespace: string,
  selector: LabelSelector | null,
  key = selector === null ? null : selectorKey(namespace, selector),
): SpreadConstraint {
  return {
    maxSkew: c.maxSkew,
    topologyKey: c.topologyKey,
    minDomains: c.minDomains ?? 1,
    selector,
    key,
    matcher: compileSelector(selector),
    honorNodeAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
    honorNodeTaints: (c.nodeTaintsPolicy ?? 'Ignore') === 'Honor',
  };
}

/**
 * The constraints with the given `whenUnsatisfiable` action. `systemDefaulted` tells the scorer whether
 * the defaults were used (nodes missing a topology label are then still scored on the others).
 */
export function spreadConstraints(pod: PodInfo, snapshot: Snapshot, action: 'DoNotSchedule' | 'ScheduleAnyway'): { constraints: SpreadConstraint[]; systemDefaulted: boolean } {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const own: any[] = pod.pod.spec?.topologySpreadConstraints ?? [];
  if (own.length > 0) {
    const constraints = own
      .filter((c) => c.whenUnsatisfiable === action)
      .map((c) => make(c, pod.namespace, withMatchLabelKeys(c.labelSelector ?? null, c.matchLabelKeys, pod.labels)));
    return { constraints, systemDefaulted: false };
  }
  if (action !== 'ScheduleAnyway') return { constraints: [], systemDefaulted: true };
  const sel = snapshot.workloads.defaultSelector(pod);
  if (sel === null) return { constraints: [], systemDefaulted: true };
  const key = selectorKey(pod.namespace, sel);
  let constraints = systemDefaults.get(key);
  if (!constraints) systemDefaults.set(key, (constraints = SYSTEM_DEFAULTS.map((d) => make(d, pod.namespace, sel, key))));
  return { constraints, systemDefaulted: true };
}

/** The node carries every constraint's topology key. */
export function hasAllTopologyKeys(node: NodeInfo, constraints: readonly SpreadConstraint[]): boolean {
  for (const c of constraints) if (node.labels[c.topologyKey] === undefined) return false;
  return true;
}

const hardEffect = (e: string) => e === 'NoSchedule' || e === 'NoExecute';

/** nodeAffinityPolicy / nodeTaintsPolicy: whether the node's pods count towards the constraint. */
export function nodeIncluded(c: SpreadConstraint, pod: PodInfo, node: NodeInfo, required: RequiredNodeAffinity): boolean {
  if (c.honorNodeAffinity && !required.matches(node.labels, node.name)) return false;
  if (c.honorNodeTaints && findUntoleratedTaint(node.taints, pod.tolerations, hardEffect)) return false;
  return true;
}

/** Per-node count of pods the constraint selects (countPodsMatchSelector), via the snapshot's index. */
export function nodeCounts(c: SpreadConstraint, pod: PodInfo, snapshot: Snapshot): Int32Array | null {
  return c.selector === null ? null : snapshot.matchCounts.counts(pod.namespace, c.selector, c.key ?? undefined);
}
