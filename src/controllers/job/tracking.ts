/**
 * Finished pods are counted through the `batch.kubernetes.io/job-tracking` finalizer, in the order
 * that survives a crash at any step (trackJobStatusAndRemoveFinalizers): record their UIDs in
 * status.uncountedTerminatedPods, remove the finalizers, then move the UIDs into the counters.
 */
import type { Client } from '../../api/client.js';
import { isStatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import { completionIndex, hasTrackingFinalizer, isIndexed, podOutcome, TRACKING_FINALIZER } from './job-pods.js';
import { parseIndexes } from './indexes.js';

export interface Tally {
  job: KubeObject;
  succeeded: number;
  failed: number;
  /** Indexed Jobs: the indexes that succeeded. */
  completedIndexes: Set<number>;
}

export async function removeFinalizer(client: Client, pod: KubeObject): Promise<void> {
  try {
    const fresh = await client.get('pods', pod.metadata.namespace, pod.metadata.name ?? '');
    if (fresh.metadata.uid !== pod.metadata.uid || !hasTrackingFinalizer(fresh)) return;
    fresh.metadata.finalizers = (fresh.metadata.finalizers ?? []).filter((f) => f !== TRACKING_FINALIZER);
    await client.update('pods', fresh);
  } catch (e) {
    if (isStatusError(e) && e.code === 404) return;
    throw e;
  }
}

/**
 * Counts the newly finished pods of `job` (its own pods, finalizer or not). Once the Job is finishing
 * (`finishing`), pods deleted before they finished are only released, not counted as failures.
 */
export async function tallyFinishedPods(client: Client, job: KubeObject, pods: KubeObject[], finishing = false): Promise<Tally> {
  const completions = job.spec?.completions ?? 0;
  const status = job.status ?? {};
  const uncounted = {
    succeeded: [...(status.uncountedTerminatedPods?.succeeded ?? [])] as string[],
    failed: [...(status.uncountedTerminatedPods?.failed ?? [])] as string[],
  };
  const known = new Set([...uncounted.succeeded, ...uncounted.failed]);
  let added = false;
  for (const pod of pods) {
    const uid = pod.metadata.uid ?? '';
    if (!hasTrackingFinalizer(pod) || known.has(uid)) continue;
    const outcome = podOutcome(pod, job);
    if (!outcome) continue;
    if (finishing && outcome === 'failed' && pod.status?.phase !== 'Failed') {
      await removeFinalizer(client, pod);
      continue;
    }
    uncounted[outcome].push(uid);
    known.add(uid);
    added = true;
  }
  let current = job;
  if (added) current = await client.updateStatus('jobs', { ...job, status: { ...status, uncountedTerminatedPods: uncounted } });
  for (const pod of pods) if (hasTrackingFinalizer(pod) && known.has(pod.metadata.uid ?? '')) await removeFinalizer(client, pod);

  const completedIndexes = parseIndexes(status.completedIndexes, completions);
  if (isIndexed(job)) {
    const byUid = new Map(pods.map((p) => [p.metadata.uid ?? '', p]));
    for (const uid of uncounted.succeeded) {
      const pod = byUid.get(uid);
      const index = pod ? completionIndex(pod, completions) : undefined;
      if (index !== undefined) completedIndexes.add(index);
    }
  }
  const succeeded = isIndexed(job) ? completedIndexes.size : (status.succeeded ?? 0) + uncounted.succeeded.length;
  return { job: current, succeeded, failed: (status.failed ?? 0) + uncounted.failed.length, completedIndexes };
}
