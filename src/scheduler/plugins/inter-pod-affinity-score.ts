/**
 * InterPodAffinity (score): preferred (anti-)affinity of the incoming pod towards running pods, and of
 * running pods towards the incoming one (their required affinity counts with hardPodAffinityWeight 1),
 * summed per topology domain and normalised to 0..100 between the lowest and highest node.
 */
import { MAX_NODE_SCORE, type ScorePlugin } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import { termMatchesPod, type AffinityTerm, type NamespaceLabels, type PodInfo } from '../pod-info.js';

const HARD_POD_AFFINITY_WEIGHT = 1;

type TopologyScore = Map<string, Map<string, number>>;

function add(ts: TopologyScore, key: string, value: string, delta: number): void {
  let m = ts.get(key);
  if (!m) ts.set(key, (m = new Map()));
  m.set(value, (m.get(value) ?? 0) + delta);
}

function processTerms(ts: TopologyScore, terms: readonly AffinityTerm[], target: PodInfo, node: NodeInfo, ns: NamespaceLabels, sign: 1 | -1, weight?: number): void {
  for (const t of terms) {
    const v = node.labels[t.topologyKey];
    if (v !== undefined && termMatchesPod(t, target, ns)) add(ts, t.topologyKey, v, sign * (weight ?? t.weight));
  }
}

export const interPodAffinityScore: ScorePlugin = {
  name: 'InterPodAffinity',
  prepareScore(pod, snapshot) {
    const hasConstraints = pod.preferredAffinityTerms.length > 0 || pod.preferredAntiAffinityTerms.length > 0;
    const nodes: Iterable<NodeInfo> = hasConstraints ? snapshot.nodes : snapshot.nodesWithAffinity;
    const ns = snapshot.namespaceLabels;
    const ts: TopologyScore = new Map();
    for (const node of nodes) {
      if (Object.keys(node.labels).length === 0) continue;
      for (const existing of hasConstraints ? node.pods : node.podsWithAffinity) {
        processTerms(ts, pod.preferredAffinityTerms, existing, node, ns, 1);
        processTerms(ts, pod.preferredAntiAffinityTerms, existing, node, ns, -1);
        processTerms(ts, existing.requiredAffinityTerms, pod, node, ns, 1, HARD_POD_AFFINITY_WEIGHT);
        processTerms(ts, existing.preferredAffinityTerms, pod, node, ns, 1);
        processTerms(ts, existing.preferredAntiAffinityTerms, pod, node, ns, -1);
      }
    }
    if (ts.size === 0) return null;
    return {
      score(node) {
        let s = 0;
        for (const [key, values] of ts) {
          const v = node.labels[key];
          if (v !== undefined) s += values.get(v) ?? 0;
        }
        return s;
      },
      normalize(scores, _nodes, count) {
        let min = Infinity;
        let max = -Infinity;
        for (let i = 0; i < count; i++) {
          min = Math.min(min, scores[i]!);
          max = Math.max(max, scores[i]!);
        }
        const diff = max - min;
        for (let i = 0; i < count; i++) scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((scores[i]! - min) / diff)) : 0;
      },
    };
  },
};
