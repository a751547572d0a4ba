/**
 * The v1.32 `default-scheduler` profile: filter plugins in MultiPoint order and score plugins with their
 * weights. Of the volume plugins only VolumeBinding is part of pocketkube's scheduler (VolumeRestrictions,
 * NodeVolumeLimits and VolumeZone are not); SchedulingGates is the queue's job (gated pods are never tried) and PrioritySort
 * is `queueOrder`; DefaultPreemption is the post-filter in preemption.ts.
 */
import type { FilterPlugin, ScorePlugin } from './framework.js';
import { registry } from './plugins/registry.js';

export interface Profile {
  readonly filters: readonly FilterPlugin[];
  readonly scores: readonly { readonly plugin: ScorePlugin; readonly weight: number }[];
}

function filter(name: string): FilterPlugin {
  const p = registry[name];
  if (!p?.prepareFilter) throw new Error(`plugin ${name} has no filter`);
  return p as FilterPlugin;
}

function score(name: string, weight: number): { plugin: ScorePlugin; weight: number } {
  const p = registry[name];
  if (!p?.prepareScore) throw new Error(`plugin ${name} has no score`);
  return { plugin: p as ScorePlugin, weight };
}

export const defaultProfile: Profile = {
  filters: [
    filter('NodeUnschedulable'),
    filter('NodeName'),
    filter('TaintToleration'),
    filter('NodeAffinity'),
    filter('NodePorts'),
    filter('NodeResourcesFit'),
    filter('VolumeBinding'),
    filter('PodTopologySpread'),
    filter('InterPodAffinity'),
  ],
  scores: [
    score('TaintToleration', 3),
    score('NodeAffinity', 2),
    score('NodeResourcesFit', 1),
    score('PodTopologySpread', 2),
    score('InterPodAffinity', 2),
    score('NodeResourcesBalancedAllocation', 1),
    score('ImageLocality', 1),
  ],
};
