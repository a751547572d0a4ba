/**
 * manageJob: brings the number of active pods to what the Job wants now — up to `parallelism`,
 * never more than the completions still missing; Indexed Jobs run one pod per missing index.
 * New pods wait out the failure back-off.
 */
import type { Client } from '../../api/client.js';
import type { EventRecorder } from '../../api/event-recorder.js';
import { isStatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import { podsToDelete } from '../pod-ranking.js';
import { replacementWait } from './backoff.js';
import { completionIndex, isIndexed, podForJob } from './job-pods.js';

/** Most pods created or deleted in one sync. */
const BURST = 500;

export interface ManageResult {
  active: number;
  /** Milliseconds until the back-off allows new pods, when it holds them back. */
  waitMs?: number;
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export async function deletePods(client: Client, events: EventRecorder, job: KubeObject, victims: KubeObject[]): Promise<number> {
  let deleted = 0;
  for (const pod of victims) {
    try {
      await client.delete('pods', pod.metadata.namespace, pod.metadata.name ?? '', { preconditions: { uid: pod.metadata.uid } });
    } catch (e) {
      if (isStatusError(e) && e.code === 404) continue;
      await events.event(job, 'Warning', 'FailedDelete', `Error deleting: ${errorMessage(e)}`);
      throw e;
    }
    deleted++;
    await events.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
  }
  return deleted;
}

async function createPods(client: Client, events: EventRecorder, job: KubeObject, indexes: (number | undefined)[]): Promise<number> {
  let created = 0;
  for (const index of indexes.slice(0, BURST)) {
    let pod: KubeObject;
    try {
      pod = await client.create('pods', podForJob(job, index));
    } catch (e) {
      await events.event(job, 'Warning', 'FailedCreate', `Error creating: ${errorMessage(e)}`);
      throw e;
    }
    created++;
    await events.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
  }
  return created;
}

/** Active pods to remove and indexes to start, for an Indexed Job. */
function indexedPlan(job: KubeObject, active: KubeObject[], completed: Set<number>): { extra: KubeObject[]; missing: number[] } {
  const completions: number = job.spec?.completions ?? 0;
  const parallelism: number = job.spec?.parallelism ?? 1;
  const held = new Set<number>();
  const extra: KubeObject[] = [];
  for (const pod of active) {
    const i = completionIndex(pod, completions);
    if (i === undefined || completed.has(i) || held.has(i)) extra.push(pod);
    else held.add(i);
  }
  const room = Math.max(0, parallelism - held.size);
  const missing: number[] = [];
  for (let i = 0; i < completions && missing.length < room; i++) if (!completed.has(i) && !held.has(i)) missing.push(i);
  return { extra, missing };
}

export async function manageJob(
  client: Client, events: EventRecorder, job: KubeObject, pods: KubeObject[], active: KubeObject[],
  tally: { succeeded: number; completedIndexes: Set<number> }, now: Date,
): Promise<ManageResult> {
  const parallelism: number = job.spec?.parallelism ?? 1;
  const completions: number | undefined = job.spec?.completions ?? undefined;
  let toDelete: KubeObject[];
  let toCreate: (number | undefined)[];
  if (isIndexed(job)) {
    const plan = indexedPlan(job, active, tally.completedIndexes);
    toDelete = plan.extra;
    toCreate = plan.missing;
  } else {
    let want: number;
    if (completions === undefined) want = tally.succeeded > 0 ? Math.min(active.length, parallelism) : parallelism;
    else want = Math.min(parallelism, Math.max(0, completions - tally.succeeded));
    const diff = active.length - want;
    toDelete = diff > 0 ? podsToDelete(active, active, Math.min(diff, BURST), now) : [];
    toCreate = diff < 0 ? Array.from({ length: -diff }, () => undefined) : [];
  }
  let count = active.length - (await deletePods(client, events, job, toDelete));
  if (toCreate.length === 0) return { active: count };
  const wait = replacementWait(job, pods, now.getTime());
  if (wait > 0) return { active: count, waitMs: wait };
  count += await createPods(client, events, job, toCreate);
  return { active: count };
}
