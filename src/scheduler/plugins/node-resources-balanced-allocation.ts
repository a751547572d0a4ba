/**
 * NodeResourcesBalancedAllocation: favours nodes whose cpu and memory would be equally utilised after
 * placement: score = (1 - standard deviation of the utilisation fractions) x 100, on actual requests.
 */
import { MAX_NODE_SCORE, type ScorePlugin } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';

export const NODE_RESOURCES_BALANCED_ALLOCATION = 'NodeResourcesBalancedAllocation';

export function balancedAllocationScore(pod: PodInfo, node: NodeInfo): number {
  const cpuCap = node.allocatable.milliCPU;
  const memCap = node.allocatable.memory;
  // With fewer than two resources to compare, the deviation is zero.
  if (cpuCap === 0 || memCap === 0) return MAX_NODE_SCORE;
  const cpu = Math.min(1, (node.requested.milliCPU + pod.requests.milliCPU) / cpuCap);
  const mem = Math.min(1, (node.requested.memory + pod.requests.memory) / memCap);
  const std = Math.abs((cpu - mem) / 2);
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

export const nodeResourcesBalancedAllocation: ScorePlugin = {
  name: NODE_RESOURCES_BALANCED_ALLOCATION,
  prepareScore(pod) {
    return { score: (node) => balancedAllocationScore(pod, node), memo: `${pod.requests.milliCPU}/${pod.requests.memory}` };
  },
};
