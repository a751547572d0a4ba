/**
 * PodTopologySpread: DoNotSchedule constraints filter nodes whose domain would exceed maxSkew over the
 * least-loaded domain; ScheduleAnyway constraints (and the system defaults) score nodes by how few
 * matching pods their domains already hold.
 */
import { Code, MAX_NODE_SCORE, SKIP, status, type FilterPlugin, type ScorePlugin } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import { RequiredNodeAffinity } from '../node-selector.js';
import type { PodInfo } from '../pod-info.js';
import type { Snapshot } from '../snapshot.js';
import {
  hasAllTopologyKeys,
  LABEL_HOSTNAME,
  nodeCounts,
  nodeIncluded,
  spreadConstraints,
  type SpreadConstraint,
} from './topology-spread-constraints.js';

export const POD_TOPOLOGY_SPREAD = 'PodTopologySpread';
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;

const missingLabel = status(POD_TOPOLOGY_SPREAD, Code.UnschedulableAndUnresolvable, ERR_REASON_NODE_LABEL_NOT_MATCH);
const skewed = status(POD_TOPOLOGY_SPREAD, Code.Unschedulable, ERR_REASON_CONSTRAINTS_NOT_MATCH);
const MAX_INT32 = 2147483647;

/** Matching pods per domain of a constraint; `domains` lists every domain, including empty ones. */
interface Domains {
  readonly counts: ReadonlyMap<string, number>;
  readonly domains: ReadonlySet<string> | Iterable<string>;
  readonly size: number;
}

/**
 * Domain counts of each constraint (null for those `wanted` rejects), over the nodes that count: nodes
 * carrying every topology key (when `requireAll`) that pass the constraint's node inclusion policies.
 * With no inclusion policy in play the snapshot's maintained per-domain counts answer directly.
 */
function domainCounts(
  constraints: readonly SpreadConstraint[],
  pod: PodInfo,
  snapshot: Snapshot,
  requireAll: boolean,
  wanted: (c: SpreadConstraint) => boolean,
): (Domains | null)[] {
  const required = new RequiredNodeAffinity(pod.pod);
  const everyNodeCounts = required.isEmpty && constraints.every((c) => !c.honorNodeTaints) && (!requireAll || constraints.length === 1);
  if (everyNodeCounts) {
    return constraints.map((c) => {
      if (!wanted(c)) return null;
      const counts = c.selector ? snapshot.matchCounts.domainCounts(pod.namespace, c.selector, c.topologyKey, c.key ?? undefined) : new Map<string, number>();
      const domains = snapshot.labelValues(c.topologyKey);
      return { counts, domains, size: domains.size };
    });
  }
  const out = constraints.map(() => new Map<string, number>());
  const perNode = constraints.map((c) => (wanted(c) ? nodeCounts(c, pod, snapshot) : null));
  for (const node of snapshot.nodes) {
    if (requireAll && !hasAllTopologyKeys(node, constraints)) continue;
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i]!;
      const v = node.labels[c.topologyKey];
      if (v === undefined || !wanted(c) || !nodeIncluded(c, pod, node, required)) continue;
      out[i]!.set(v, (out[i]!.get(v) ?? 0) + (perNode[i]?.[node.index] ?? 0));
    }
  }
  return constraints.map((c, i) => (wanted(c) ? { counts: out[i]!, domains: out[i]!.keys(), size: out[i]!.size } : null));
}

export const podTopologySpread: FilterPlugin & ScorePlugin = {
  name: POD_TOPOLOGY_SPREAD,

  prepareFilter(pod, snapshot) {
    const { constraints } = spreadConstraints(pod, snapshot, 'DoNotSchedule');
    if (constraints.length === 0) return SKIP;
    const domains = domainCounts(constraints, pod, snapshot, true, () => true).map((d) => d!);
    const minMatch = domains.map((d, i) => {
      if (d.size < constraints[i]!.minDomains) return 0;
      let min = MAX_INT32;
      for (const v of d.domains) min = Math.min(min, d.counts.get(v) ?? 0);
      return min;
    });
    const selfMatch = constraints.map((c) => (c.matcher.matches(pod.labels) ? 1 : 0));
    return {
      kind: 'filter',
      filter(node) {
        for (let i = 0; i < constraints.length; i++) {
          const c = constraints[i]!;
          const v = node.labels[c.topologyKey];
          if (v === undefined) return missingLabel;
          const skew = (domains[i]!.counts.get(v) ?? 0) + selfMatch[i]! - minMatch[i]!;
          if (skew > c.maxSkew) return skewed;
        }
        return null;
      },
    };
  },

  prepareScore(pod, snapshot, feasible) {
    if (feasible.length === 0 || snapshot.nodes.length === 0) return null;
    const spread = spreadConstraints(pod, snapshot, 'ScheduleAnyway');
    const { systemDefaulted } = spread;
    // A system default over a label no node has (the zone, on nodes without zones) adds nothing to
    // any node's score: left out, as are the walks over the nodes it would cost.
    const constraints = systemDefaulted ? spread.constraints.filter((c) => snapshot.labelValues(c.topologyKey).size > 0) : spread.constraints;
    if (constraints.length === 0) return null;
    // System defaults still spread by hostname on nodes that lack a zone label.
    const requireAll = !systemDefaulted;
    const ignored = new Set<NodeInfo>();
    const domainsSeen = constraints.map(() => new Set<string>());
    // (hostname constraints alone, not all required: the walk would find nothing to note)
    const walk = requireAll || constraints.some((c) => c.topologyKey !== LABEL_HOSTNAME);
    if (walk) for (const node of feasible) {
      if (requireAll && !hasAllTopologyKeys(node, constraints)) {
        ignored.add(node);
        continue;
      }
      for (let i = 0; i < constraints.length; i++) {
        if (constraints[i]!.topologyKey !== LABEL_HOSTNAME) domainsSeen[i]!.add(node.labels[constraints[i]!.topologyKey] ?? '');
      }
    }
    const weights = constraints.map((c, i) =>
      Math.log((c.topologyKey === LABEL_HOSTNAME ? feasible.length - ignored.size : domainsSeen[i]!.size) + 2),
    );
    const hostCounts = constraints.map((c) => (c.topologyKey === LABEL_HOSTNAME ? nodeCounts(c, pod, snapshot) : null));
    const zoneCounts = domainCounts(constraints, pod, snapshot, requireAll, (c) => c.topologyKey !== LABEL_HOSTNAME);
    const hasIgnored = ignored.size > 0;
    const columns = constraints.map((c) => snapshot.labelColumn(c.topologyKey));
    // by hostname alone, a node's score is its own count of matching pods: memoisable per node
    const memo = !hasIgnored && zoneCounts.every((z) => z === null)
      ? `${pod.namespace}|${constraints.map((c, i) => `${c.key}|${c.maxSkew}|${weights[i]}`).join('|')}`
      : undefined;
    return {
      memo,
      score(node) {
        if (hasIgnored && ignored.has(node)) return 0;
        let score = 0;
        for (let i = 0; i < constraints.length; i++) {
          const v = columns[i]![node.index];
          if (v === undefined) continue;
          const zone = zoneCounts[i];
          const cnt = zone ? (zone.counts.get(v) ?? 0) : (hostCounts[i]?.[node.index] ?? 0);
          score += cnt * weights[i]! + (constraints[i]!.maxSkew - 1);
        }
        return Math.round(score);
      },
      normalize(scores, nodes, count) {
        let min = Number.MAX_SAFE_INTEGER;
        let max = 0;
        for (let i = 0; i < count; i++) {
          if (hasIgnored && ignored.has(nodes[i]!)) continue;
          min = Math.min(min, scores[i]!);
          max = Math.max(max, scores[i]!);
        }
        for (let i = 0; i < count; i++) {
          if (hasIgnored && ignored.has(nodes[i]!)) scores[i] = 0;
          else if (max === 0) scores[i] = MAX_NODE_SCORE;
          else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i]!)) / max);
        }
      },
    };
  },
};
