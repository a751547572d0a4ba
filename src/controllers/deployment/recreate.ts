/** Recreate (rolloutRecreate): all old pods go before the new ReplicaSet is scaled up. */
import type { KubeObject } from '../../api/types.js';
import type { ReconcileResult } from '../reconciler.js';
import { isComplete } from './conditions.js';
import type { DeploymentSync } from './context.js';
import { cleanupOld } from './cleanup.js';
import { syncRevision } from './new-replica-set.js';
import { replicasOf } from './rollout-math.js';
import { active, sumActual } from './replica-sets.js';
import { scaleTo } from './scaling.js';
import { syncRolloutStatus } from './status.js';

/** oldPodsRunning: any old ReplicaSet reports pods, or a pod of an old ReplicaSet has not finished. */
function oldPodsRunning(newRS: KubeObject | undefined, oldRSs: KubeObject[], pods: KubeObject[]): boolean {
  if (sumActual(oldRSs) > 0) return true;
  const oldUids = new Set(oldRSs.map((rs) => rs.metadata.uid));
  return pods.some((p) => {
    const owner = p.metadata.ownerReferences?.find((r) => r.controller);
    if (!owner || owner.uid === newRS?.metadata.uid || !oldUids.has(owner.uid)) return false;
    return p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';
  });
}

export async function rolloutRecreate(dc: DeploymentSync, sets: KubeObject[], pods: () => Promise<KubeObject[]>): Promise<ReconcileResult | void> {
  let { newRS, oldRSs } = await syncRevision(dc, sets, false);
  let allRSs = newRS ? [...oldRSs, newRS] : oldRSs;
  let scaledDown = false;
  for (const rs of active(oldRSs)) if ((await scaleTo(dc, rs, 0)).scaled) scaledDown = true;
  if (scaledDown) return syncRolloutStatus(dc, allRSs, newRS);
  if (oldPodsRunning(newRS, oldRSs, await pods())) return syncRolloutStatus(dc, allRSs, newRS);
  if (!newRS) {
    ({ newRS, oldRSs } = await syncRevision(dc, sets, true));
    allRSs = newRS ? [...oldRSs, newRS] : oldRSs;
  }
  if (newRS) await scaleTo(dc, newRS, replicasOf(dc.d));
  if (isComplete(dc.d, dc.d.status ?? {})) await cleanupOld(dc, oldRSs);
  return syncRolloutStatus(dc, allRSs, newRS);
}
