/** Resizing ReplicaSets (scaleReplicaSet, scaleReplicaSetAndRecordEvent) and proportional scaling (scale). */
import type { KubeObject } from '../../api/types.js';
import type { DeploymentSync } from './context.js';
import { isRollingUpdate, isSaturated, maxSurge, proportion, replicasOf } from './rollout-math.js';
import { active, bySize, byCreation, DESIRED_REPLICAS, MAX_REPLICAS, specReplicas, sumSpec } from './replica-sets.js';

/** SetReplicasAnnotations on a copy; true when they changed. */
function withReplicasAnnotations(rs: KubeObject, desired: number, max: number): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  if (a[DESIRED_REPLICAS] !== String(desired)) {
    a[DESIRED_REPLICAS] = String(desired);
    changed = true;
  }
  if (a[MAX_REPLICAS] !== String(max)) {
    a[MAX_REPLICAS] = String(max);
    changed = true;
  }
  return changed;
}

export function replicasAnnotationsOn(rs: KubeObject, d: KubeObject): boolean {
  return withReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d));
}

/**
 * Sets spec.replicas (and the desired/max annotations); records ScalingReplicaSet when the size
 * changed and an operation is named. Returns the ReplicaSet as written and whether it was resized.
 */
export async function scaleReplicaSet(dc: DeploymentSync, rs: KubeObject, newScale: number, operation: 'up' | 'down' | ''): Promise<{ rs: KubeObject; scaled: boolean }> {
  const copy = structuredClone(rs);
  const sizeChanged = specReplicas(rs) !== newScale;
  const annotationsChanged = replicasAnnotationsOn(copy, dc.d);
  if (!sizeChanged && !annotationsChanged) return { rs, scaled: false };
  copy.spec = { ...copy.spec, replicas: newScale };
  const written = await dc.client.update('replicasets', copy);
  if (sizeChanged) {
    await dc.events.event(dc.d, 'Normal', 'ScalingReplicaSet', `Scaled ${operation} replica set ${rs.metadata.name} from ${specReplicas(rs)} to ${newScale}`);
  }
  return { rs: written, scaled: sizeChanged };
}

/** scaleReplicaSetAndRecordEvent. */
export async function scaleTo(dc: DeploymentSync, rs: KubeObject, newScale: number): Promise<{ rs: KubeObject; scaled: boolean }> {
  if (specReplicas(rs) === newScale) return { rs, scaled: false };
  return scaleReplicaSet(dc, rs, newScale, specReplicas(rs) < newScale ? 'up' : 'down');
}

/** FindActiveOrLatest: the only active ReplicaSet, or the newest when none is active. */
function activeOrLatest(newRS: KubeObject | undefined, oldRSs: KubeObject[]): KubeObject | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a));
  const all = active(newRS ? [...newestFirst, newRS] : newestFirst);
  if (all.length === 0) return newRS ?? newestFirst[0];
  if (all.length === 1) return all[0];
  return undefined;
}

/** scale: a replicas change of the Deployment, spread over its ReplicaSets. */
export async function scale(dc: DeploymentSync, newRS: KubeObject | undefined, oldRSs: KubeObject[]): Promise<void> {
  const d = dc.d;
  const replicas = replicasOf(d);
  const only = activeOrLatest(newRS, oldRSs);
  if (only) {
    if (specReplicas(only) !== replicas) await scaleTo(dc, only, replicas);
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of active(oldRSs)) await scaleTo(dc, old, 0);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const all = active(newRS ? [...oldRSs, newRS] : oldRSs);
  const allowed = replicas > 0 ? replicas + maxSurge(d) : 0;
  const toAdd = allowed - sumSpec(all);
  const operation = toAdd > 0 ? 'up' : toAdd < 0 ? 'down' : '';
  if (toAdd !== 0) all.sort(bySize(toAdd > 0));
  const sizes = new Map<KubeObject, number>();
  let added = 0;
  for (const rs of all) {
    if (toAdd === 0) {
      sizes.set(rs, specReplicas(rs));
      continue;
    }
    const p = proportion(rs, d, toAdd, added);
    sizes.set(rs, specReplicas(rs) + p);
    added += p;
  }
  for (let i = 0; i < all.length; i++) {
    const rs = all[i]!;
    let size = sizes.get(rs)!;
    if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
    await scaleReplicaSet(dc, rs, size, operation);
  }
}
