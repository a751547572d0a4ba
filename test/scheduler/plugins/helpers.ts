/** Runs one plugin's filter / score against a snapshot, the way the scheduler does. */
import type { KubeObject } from '../../../src/api/types.js';
import type { FilterPlugin, ScorePlugin } from '../../../src/scheduler/framework.js';
import { PodInfo } from '../../../src/scheduler/pod-info.js';
import type { Snapshot } from '../../../src/scheduler/snapshot.js';

/** node name -> first reason (or 'ok'); 'skip' when the plugin skips the pod; 'reject: msg' for a PreFilter rejection. */
export function filterAll(plugin: FilterPlugin, pod: KubeObject, snap: Snapshot): Record<string, string> | string {
  const out = plugin.prepareFilter(new PodInfo(pod), snap);
  if (out.kind === 'skip') return 'skip';
  if (out.kind === 'reject') return `reject: ${out.status.reasons.join(', ')}`;
  const res: Record<string, string> = {};
  for (const n of snap.nodes) {
    const s = out.filter(n);
    res[n.name] = s === null ? 'ok' : `${s.code === 3 ? 'unresolvable' : 'unschedulable'}: ${s.reasons.join(', ')}`;
  }
  return res;
}

/** node name -> normalised score over all nodes as feasible; null when the plugin skips scoring. */
export function scoreAll(plugin: ScorePlugin, pod: KubeObject, snap: Snapshot): Record<string, number> | null {
  const nodes = snap.nodes;
  const scorer = plugin.prepareScore(new PodInfo(pod), snap, nodes);
  if (scorer === null) return null;
  const scores = new Float64Array(nodes.length);
  nodes.forEach((n, i) => (scores[i] = scorer.score(n)));
  scorer.normalize?.(scores, nodes, nodes.length);
  return Object.fromEntries(nodes.map((n, i) => [n.name, scores[i]!]));
}
