/**
 * NodeResourcesFit: the pod's requests must fit the node's allocatable minus what its pods already request
 * (plus one pod slot). Scores with the LeastAllocated strategy (cpu and memory, weight 1 each) on the
 * "non-zero" requests, so pods without requests still spread.
 */
import { Code, MAX_NODE_SCORE, status, type FilterPlugin, type ScorePlugin } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';

export const NODE_RESOURCES_FIT = 'NodeResourcesFit';

/** The reasons a node cannot take the pod, in Kubernetes' order (pods, cpu, memory, ephemeral-storage, scalars). */
export function insufficientResources(pod: PodInfo, node: NodeInfo): string[] {
  const out: string[] = [];
  const alloc = node.allocatable;
  const used = node.requested;
  if (node.pods.length + 1 > alloc.pods) out.push('Too many pods');
  const r = pod.requests;
  if (r.milliCPU === 0 && r.memory === 0 && r.ephemeralStorage === 0 && r.scalar === null) return out;
  if (r.milliCPU > 0 && r.milliCPU > alloc.milliCPU - used.milliCPU) out.push('Insufficient cpu');
  if (r.memory > 0 && r.memory > alloc.memory - used.memory) out.push('Insufficient memory');
  if (r.ephemeralStorage > 0 && r.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) {
    out.push('Insufficient ephemeral-storage');
  }
  if (r.scalar) {
    for (const [name, q] of r.scalar) {
      if (q === 0) continue;
      if (q > (alloc.scalar?.get(name) ?? 0) - (used.scalar?.get(name) ?? 0)) out.push(`Insufficient ${name}`);
    }
  }
  return out;
}

/** leastRequestedScore: the share of the resource left free after placement, 0..100 (integer arithmetic). */
function leastRequested(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

export function leastAllocatedScore(pod: PodInfo, node: NodeInfo): number {
  const cpuCap = node.allocatable.milliCPU;
  const memCap = node.allocatable.memory;
  let total = 0;
  let weights = 0;
  if (cpuCap !== 0) {
    total += leastRequested(node.nonZeroRequested.milliCPU + pod.nonZeroMilliCPU, cpuCap);
    weights++;
  }
  if (memCap !== 0) {
    total += leastRequested(node.nonZeroRequested.memory + pod.nonZeroMemory, memCap);
    weights++;
  }
  return weights === 0 ? 0 : Math.trunc(total / weights);
}

export const nodeResourcesFit: FilterPlugin & ScorePlugin = {
  name: NODE_RESOURCES_FIT,
  prepareFilter(pod) {
    const r = pod.requests;
    const scalar = r.scalar ? [...r.scalar].map(([k, v]) => `${k}=${v}`).join(',') : '';
    return {
      kind: 'filter',
      memo: `${r.milliCPU}/${r.memory}/${r.ephemeralStorage}/${scalar}`,
      filter(node) {
        // Fast path: everything fits (the common case), without building a reasons list.
        const r = pod.requests;
        const a = node.allocatable;
        const u = node.requested;
        if (
          node.pods.length + 1 <= a.pods &&
          r.scalar === null &&
          (r.milliCPU === 0 || r.milliCPU <= a.milliCPU - u.milliCPU) &&
          (r.memory === 0 || r.memory <= a.memory - u.memory) &&
          (r.ephemeralStorage === 0 || r.ephemeralStorage <= a.ephemeralStorage - u.ephemeralStorage)
        ) {
          return null;
        }
        const reasons = insufficientResources(pod, node);
        return reasons.length === 0 ? null : status(NODE_RESOURCES_FIT, Code.Unschedulable, ...reasons);
      },
    };
  },
  prepareScore(pod) {
    return { score: (node) => leastAllocatedScore(pod, node), memo: `${pod.nonZeroMilliCPU}/${pod.nonZeroMemory}` };
  },
};
