/**
 * TaintToleration: filters nodes with an untolerated NoSchedule/NoExecute taint; scores nodes by how many
 * PreferNoSchedule taints the pod does not tolerate (fewer is better).
 */
import { Code, defaultNormalizeScore, status, type FilterPlugin, type ScorePlugin } from '../framework.js';
import { findUntoleratedTaint, tolerationsTolerate, type Taint } from '../tolerations.js';

export const TAINT_TOLERATION = 'TaintToleration';

export function untoleratedTaintReason(t: Taint): string {
  return `node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`;
}

const hardEffect = (e: string) => e === 'NoSchedule' || e === 'NoExecute';

export const taintToleration: FilterPlugin & ScorePlugin = {
  name: TAINT_TOLERATION,
  prepareFilter(pod) {
    const tolerations = pod.tolerations;
    return {
      kind: 'filter',
      memo: tolerations.length === 0 ? '' : JSON.stringify(tolerations),
      filter(node) {
        if (node.taints.length === 0) return null;
        const t = findUntoleratedTaint(node.taints, tolerations, hardEffect);
        return t ? status(TAINT_TOLERATION, Code.UnschedulableAndUnresolvable, untoleratedTaintReason(t)) : null;
      },
    };
  },
  prepareScore(pod, snapshot) {
    // no node has a PreferNoSchedule taint: every node scores the same (100 after normalizing), which
    // moves every total alike and so decides nothing
    if (!snapshot.hasPreferNoScheduleTaints) return null;
    const tolerations = pod.tolerations.filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    return {
      score(node) {
        let n = 0;
        for (const taint of node.preferNoScheduleTaints) if (!tolerationsTolerate(tolerations, taint)) n++;
        return n;
      },
      normalize: (scores, _nodes, count) => defaultNormalizeScore(scores, count, true),
    };
  },
};
