/**
 * NodeAffinity: `nodeSelector` and required node affinity filter nodes; preferred terms add their weights
 * to a node's score. Required terms that pin metadata.name narrow the nodes evaluated at all (PreFilter).
 */
import { Code, defaultNormalizeScore, SKIP, status, type FilterPlugin, type ScorePlugin } from '../framework.js';
import { RequiredNodeAffinity, termMatches, type NodeSelectorTerm } from '../node-selector.js';

export const NODE_AFFINITY = 'NodeAffinity';
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
export const ERR_REASON_CONFLICT = 'pod affinity terms conflict';

const rejected = status(NODE_AFFINITY, Code.UnschedulableAndUnresolvable, ERR_REASON_POD);

/** The node names the required terms allow via matchFields metadata.name In, or null when unrestricted. */
function pinnedNodeNames(terms: NodeSelectorTerm[]): Set<string> | null {
  let names: Set<string> | null = null;
  for (const t of terms) {
    let termNames: Set<string> | null = null;
    for (const r of t.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
      const s = new Set(r.values ?? []);
      const prev: Set<string> | null = termNames;
      termNames = prev === null ? s : new Set([...prev].filter((n: string) => s.has(n)));
    }
    if (termNames === null) return null;
    names = names === null ? termNames : new Set([...names, ...termNames]);
  }
  return names;
}

export const nodeAffinity: FilterPlugin & ScorePlugin = {
  name: NODE_AFFINITY,
  prepareFilter(pod) {
    const required = new RequiredNodeAffinity(pod.pod);
    if (required.isEmpty) return SKIP;
    const filter = (node: { labels: Record<string, string>; name: string }) => (required.matches(node.labels, node.name) ? null : rejected);
    const terms: NodeSelectorTerm[] | undefined = pod.pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
    const names = terms ? pinnedNodeNames(terms) : null;
    if (names !== null && names.size === 0) {
      return { kind: 'reject', status: status(NODE_AFFINITY, Code.UnschedulableAndUnresolvable, ERR_REASON_CONFLICT) };
    }
    return names ? { kind: 'filter', filter, nodeNames: names } : { kind: 'filter', filter };
  },
  prepareScore(pod) {
    const preferred: { weight: number; preference: NodeSelectorTerm }[] =
      pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    const terms = preferred.filter((p) => p.weight !== 0);
    if (terms.length === 0) return null;
    return {
      score(node) {
        let s = 0;
        for (const t of terms) if (termMatches(t.preference, node.labels, node.name)) s += t.weight;
        return s;
      },
      normalize: (scores, _nodes, count) => defaultNormalizeScore(scores, count, false),
    };
  },
};
