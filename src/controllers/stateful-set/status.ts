/**
 * StatefulSet status (computeReplicaStatus + completeRollingUpdate): counts of created, ready,
 * available, current and updated pods, the two revisions, and — once every pod is updated and
 * ready under RollingUpdate — the update revision becomes the current one.
 */
import type { KubeObject } from '../../api/types.js';
import { availableFrom, isPodReady } from '../pod-state.js';
import { REVISION_LABEL } from './identity.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const isRunningAndReady = (pod: KubeObject): boolean => pod.status?.phase === 'Running' && isPodReady(pod);
export const isTerminating = (pod: KubeObject): boolean => !!pod.metadata.deletionTimestamp;
export const revisionOfPod = (pod: KubeObject): string | undefined => pod.metadata.labels?.[REVISION_LABEL];

/** ms until the first ready-but-not-yet-available pod becomes available (undefined: none waits). */
export function nextAvailableIn(pods: readonly KubeObject[], minReadySeconds: number, now: Date): number | undefined {
  let next: number | undefined;
  for (const pod of pods) {
    if (!isRunningAndReady(pod)) continue;
    const at = availableFrom(pod, minReadySeconds);
    if (at !== undefined && at > now.getTime() && Number.isFinite(at)) next = Math.min(next ?? Infinity, at - now.getTime());
  }
  return next;
}

export function isAvailable(pod: KubeObject, minReadySeconds: number, now: Date): boolean {
  if (!isRunningAndReady(pod)) return false;
  const at = availableFrom(pod, minReadySeconds);
  return at !== undefined && at <= now.getTime();
}

export function computeStatus(set: KubeObject, pods: readonly KubeObject[], currentRevision: string, updateRevision: string, now: Date): any {
  const minReady = set.spec?.minReadySeconds ?? 0;
  let replicas = 0;
  let ready = 0;
  let available = 0;
  let current = 0;
  let updated = 0;
  for (const pod of pods) {
    if (pod.status?.phase) replicas++;
    if (isRunningAndReady(pod)) {
      ready++;
      if (isAvailable(pod, minReady, now)) available++;
    }
    if (pod.status?.phase && !isTerminating(pod)) {
      const rev = revisionOfPod(pod);
      if (rev === currentRevision) current++;
      if (rev === updateRevision) updated++;
    }
  }
  let currentRev = currentRevision;
  if (set.spec?.updateStrategy?.type !== 'OnDelete' && updated === replicas && ready === replicas) {
    current = updated;
    currentRev = updateRevision;
  }
  return {
    observedGeneration: set.metadata.generation,
    replicas,
    ...(ready > 0 ? { readyReplicas: ready } : {}),
    ...(current > 0 ? { currentReplicas: current } : {}),
    ...(updated > 0 ? { updatedReplicas: updated } : {}),
    currentRevision: currentRev,
    updateRevision,
    collisionCount: set.status?.collisionCount ?? 0,
    availableReplicas: available,
  };
}
