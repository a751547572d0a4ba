/** Deployment status (calculateStatus, syncRolloutStatus, requeueStuckDeployment). */
import type { KubeObject } from '../../api/types.js';
import type { ReconcileResult } from '../reconciler.js';
import {
  AVAILABLE, type DeploymentStatus, deadlineAt, getCondition, hasProgressDeadline, isComplete, isProgressing, isTimedOut,
  NEW_RS_AVAILABLE, newCondition, PROGRESSING, REPLICA_FAILURE, removeCondition, setCondition, TIMED_OUT,
} from './conditions.js';
import { type DeploymentSync, writeStatus } from './context.js';
import { maxUnavailable, replicasOf } from './rollout-math.js';
import { statusReplicas, sumActual, sumAvailable, sumReady, sumSpec } from './replica-sets.js';

export function calculateStatus(d: KubeObject, allRSs: KubeObject[], newRS: KubeObject | undefined, now: Date): DeploymentStatus {
  const available = sumAvailable(allRSs);
  const unavailable = Math.max(0, sumSpec(allRSs) - available);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation,
    replicas: sumActual(allRSs),
    updatedReplicas: statusReplicas(newRS),
    readyReplicas: sumReady(allRSs),
    availableReplicas: available,
  };
  if (unavailable > 0) status.unavailableReplicas = unavailable;
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  status.conditions = [...(d.status?.conditions ?? [])];
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    setCondition(status, newCondition(AVAILABLE, 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now));
  } else {
    setCondition(status, newCondition(AVAILABLE, 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', now));
  }
  return status;
}

/** syncDeploymentStatus: status only (scaling, paused, deleting). */
export async function syncStatusOnly(dc: DeploymentSync, allRSs: KubeObject[], newRS: KubeObject | undefined): Promise<void> {
  await writeStatus(dc, finish(calculateStatus(dc.d, allRSs, newRS, dc.now())));
}

/** Drops what apps/v1 omits when empty: zero counts and an empty condition list. */
function finish(s: DeploymentStatus): DeploymentStatus {
  for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas'] as const) {
    if (s[k] === 0) delete s[k];
  }
  if (s.conditions && s.conditions.length === 0) delete s.conditions;
  return s;
}

function failureOf(allRSs: KubeObject[], newRS: KubeObject | undefined) {
  const ordered = newRS ? [newRS, ...allRSs.filter((rs) => rs !== newRS)] : allRSs;
  for (const rs of ordered) {
    const c = (rs.status?.conditions ?? []).find((x: { type: string }) => x.type === REPLICA_FAILURE);
    if (c) return { ...c };
  }
  return undefined;
}

/** syncRolloutStatus: status with progress estimation; requeues a stuck rollout at its deadline. */
export async function syncRolloutStatus(dc: DeploymentSync, allRSs: KubeObject[], newRS: KubeObject | undefined): Promise<ReconcileResult | void> {
  const d = dc.d;
  const now = dc.now();
  const status = calculateStatus(d, allRSs, newRS, now);
  if (!hasProgressDeadline(d)) removeCondition(status, PROGRESSING);
  const current = getCondition(d.status, PROGRESSING);
  const completeRollout = status.replicas === status.updatedReplicas && current?.reason === NEW_RS_AVAILABLE;
  if (hasProgressDeadline(d) && !completeRollout) {
    const what = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
    if (isComplete(d, status)) {
      setCondition(status, newCondition(PROGRESSING, 'True', NEW_RS_AVAILABLE, `${what} has successfully progressed.`, now));
    } else if (isProgressing(d, status)) {
      const c = newCondition(PROGRESSING, 'True', 'ReplicaSetUpdated', `${what} is progressing.`, now);
      if (current) {
        if (current.status === 'True') c.lastTransitionTime = current.lastTransitionTime;
        removeCondition(status, PROGRESSING);
      }
      setCondition(status, c);
    } else if (isTimedOut(d, status, now)) {
      setCondition(status, newCondition(PROGRESSING, 'False', TIMED_OUT, `${what} has timed out progressing.`, now));
    }
  }
  const failure = failureOf(allRSs, newRS);
  if (failure) setCondition(status, failure);
  else removeCondition(status, REPLICA_FAILURE);
  finish(status);
  if (await writeStatus(dc, status)) return;
  // A complete rollout whose pods have become unavailable since: Kubernetes requeues it at once,
  // rate-limited (about ten times a second, for as long as that lasts), and every sync skips the
  // progress estimate above, so nothing changes until a pod does, which requeues it anyway. The
  // same outcome without the work (a requeue 1 ms later made `cluster advance 10m` of 20
  // crash-looping pods take 100,000 steps).
  if (completeRollout) return;
  return requeueStuck(d, status, now);
}

/** requeueStuckDeployment: look again when the progress deadline passes. */
function requeueStuck(d: KubeObject, status: DeploymentStatus, now: Date): ReconcileResult | void {
  const c = getCondition(d.status, PROGRESSING);
  if (!hasProgressDeadline(d) || !c) return;
  if (isComplete(d, status) || c.reason === TIMED_OUT) return;
  return { requeueAfter: Math.max(1, deadlineAt(d, c) - now.getTime() + 1) };
}
