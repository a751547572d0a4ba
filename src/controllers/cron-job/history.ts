/** cleanupFinishedJobs: finished Jobs beyond the history limits go, oldest first (background propagation). */
import type { Client } from '../../api/client.js';
import type { EventRecorder } from '../../api/event-recorder.js';
import { isStatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import { isTrue } from '../job/conditions.js';

const startOf = (j: KubeObject) => new Date(j.status?.startTime ?? j.metadata.creationTimestamp ?? 0).getTime();

/** Deletes a Job of the CronJob with background propagation and records it; false when it was already gone. */
export async function deleteJob(client: Client, events: EventRecorder, cj: KubeObject, name: string): Promise<boolean> {
  try {
    await client.delete('jobs', cj.metadata.namespace, name, { propagationPolicy: 'Background' });
  } catch (e) {
    if (isStatusError(e) && e.code === 404) return false;
    await events.event(cj, 'Warning', 'FailedDelete', `Deleted job: ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  }
  await events.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${name}`);
  return true;
}

export async function cleanupFinishedJobs(client: Client, events: EventRecorder, cj: KubeObject, jobs: KubeObject[]): Promise<void> {
  const spec = cj.spec ?? {};
  const groups: [string, number | undefined][] = [['Complete', spec.successfulJobsHistoryLimit], ['Failed', spec.failedJobsHistoryLimit]];
  for (const [type, limit] of groups) {
    if (limit == null) continue;
    const finished = jobs.filter((j) => !j.metadata.deletionTimestamp && isTrue(j, type)).sort((a, b) => startOf(a) - startOf(b));
    for (const j of finished.slice(0, Math.max(0, finished.length - limit))) await deleteJob(client, events, cj, j.metadata.name ?? '');
  }
}
