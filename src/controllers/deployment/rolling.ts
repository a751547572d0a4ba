/** RollingUpdate (rolloutRolling, reconcileNewReplicaSet, reconcileOldReplicaSets). */
import type { KubeObject } from '../../api/types.js';
import type { ReconcileResult } from '../reconciler.js';
import { isComplete } from './conditions.js';
import type { DeploymentSync } from './context.js';
import { cleanupOld } from './cleanup.js';
import { syncRevision } from './new-replica-set.js';
import { maxUnavailable, newRSNewReplicas, replicasOf } from './rollout-math.js';
import { active, availableReplicas, byCreation, specReplicas, sumAvailable, sumSpec } from './replica-sets.js';
import { scaleTo } from './scaling.js';
import { syncRolloutStatus } from './status.js';

async function reconcileNew(dc: DeploymentSync, allRSs: KubeObject[], newRS: KubeObject): Promise<boolean> {
  const replicas = replicasOf(dc.d);
  if (specReplicas(newRS) === replicas) return false;
  if (specReplicas(newRS) > replicas) return (await scaleTo(dc, newRS, replicas)).scaled;
  return (await scaleTo(dc, newRS, newRSNewReplicas(dc.d, allRSs, newRS))).scaled;
}

/** cleanupUnhealthyReplicas: old pods that are not available go first, oldest ReplicaSet first. */
async function cleanupUnhealthy(dc: DeploymentSync, oldRSs: KubeObject[], maxCleanup: number): Promise<{ oldRSs: KubeObject[]; count: number }> {
  const sorted = [...oldRSs].sort(byCreation);
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    const rs = sorted[i]!;
    if (total >= maxCleanup) break;
    if (specReplicas(rs) === 0 || specReplicas(rs) === availableReplicas(rs)) continue;
    const down = Math.min(maxCleanup - total, specReplicas(rs) - availableReplicas(rs));
    sorted[i] = (await scaleTo(dc, rs, specReplicas(rs) - down)).rs;
    total += down;
  }
  return { oldRSs: sorted, count: total };
}

/** scaleDownOldReplicaSetsForRollingUpdate: down to minAvailable, oldest first. */
async function scaleDownOld(dc: DeploymentSync, allRSs: KubeObject[], oldRSs: KubeObject[]): Promise<number> {
  const minAvailable = replicasOf(dc.d) - maxUnavailable(dc.d);
  const availableCount = sumAvailable(allRSs);
  if (availableCount <= minAvailable) return 0;
  const toScaleDown = availableCount - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= toScaleDown) break;
    if (specReplicas(rs) === 0) continue;
    const down = Math.min(specReplicas(rs), toScaleDown - total);
    await scaleTo(dc, rs, specReplicas(rs) - down);
    total += down;
  }
  return total;
}

async function reconcileOld(dc: DeploymentSync, allRSs: KubeObject[], oldRSs: KubeObject[], newRS: KubeObject): Promise<boolean> {
  if (sumSpec(oldRSs) === 0) return false;
  const minAvailable = replicasOf(dc.d) - maxUnavailable(dc.d);
  const newUnavailable = specReplicas(newRS) - availableReplicas(newRS);
  const maxScaledDown = sumSpec(allRSs) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = await cleanupUnhealthy(dc, oldRSs, maxScaledDown);
  const scaledDown = await scaleDownOld(dc, [...cleaned.oldRSs, newRS], cleaned.oldRSs);
  return cleaned.count + scaledDown > 0;
}

export async function rolloutRolling(dc: DeploymentSync, sets: KubeObject[]): Promise<ReconcileResult | void> {
  const { newRS, oldRSs } = await syncRevision(dc, sets, true);
  if (!newRS) return;
  const allRSs = [...oldRSs, newRS];
  if (await reconcileNew(dc, allRSs, newRS)) return syncRolloutStatus(dc, allRSs, newRS);
  if (await reconcileOld(dc, allRSs, active(oldRSs), newRS)) return syncRolloutStatus(dc, allRSs, newRS);
  if (isComplete(dc.d, dc.d.status ?? {})) await cleanupOld(dc, oldRSs);
  return syncRolloutStatus(dc, allRSs, newRS);
}
