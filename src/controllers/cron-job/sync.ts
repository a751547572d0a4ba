/**
 * The CronJob controller (pkg/controller/cronjob, v2): in cluster time, starts the Job of the most
 * recent missed schedule (unless past startingDeadlineSeconds), applies the concurrency policy,
 * keeps status.active / lastScheduleTime / lastSuccessfulTime, trims finished Jobs to the history
 * limits, and asks to be woken just after the next schedule time (a delayed key, so a later
 * invocation or `cluster advance` starts exactly the runs a live cluster would have).
 */
import { EventRecorder } from '../../api/event-recorder.js';
import { isStatusError } from '../../api/errors.js';
import { getOptional } from '../../api/get-optional.js';
import { parseSchedule } from '../../api/kinds/cron-schedule.js';
import { rfc1123z } from '../../api/kinds/meta-columns.js';
import type { KubeObject } from '../../api/types.js';
import { rfc3339 } from '../../util/clock.js';
import { isFinished, isTrue } from '../job/conditions.js';
import { controllerRef, OwnerIndex } from '../owner-index.js';
import { keyOf, type ReconcileContext, type ReconcileResult, type Reconciler, splitKey } from '../reconciler.js';
import { cleanupFinishedJobs, deleteJob } from './history.js';
import { jobFromTemplate, jobNameFor } from './job-from-template.js';
import { missedRuns, nextRunOf } from './next-run.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** The controller wakes this long after a schedule time (nextScheduleDelta). */
const NEXT_SCHEDULE_DELTA = 100;
const ms = (t: string | undefined | null) => (t ? new Date(t).getTime() : undefined);

function jobRef(job: KubeObject): Record<string, string> {
  return {
    apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name ?? '', namespace: job.metadata.namespace ?? '',
    resourceVersion: job.metadata.resourceVersion ?? '', uid: job.metadata.uid ?? '',
  };
}

export function cronJobReconciler(): Reconciler {
  const jobs = new OwnerIndex('jobs');

  async function sync(cj: KubeObject, ctx: ReconcileContext): Promise<ReconcileResult | void> {
    const { client } = ctx;
    const ns = cj.metadata.namespace ?? 'default';
    const uid = cj.metadata.uid ?? '';
    const now = ctx.clock.now().getTime();
    const events = new EventRecorder(client, ctx.clock, { component: 'cronjob-controller' });
    await jobs.prime(client, ns);
    const children = jobs.ownedBy(uid).filter((j) => controllerRef(j)?.uid === uid);
    const before = JSON.stringify(cj.status ?? {});
    const status: any = structuredClone(cj.status ?? {});
    let active: any[] = status.active ?? [];

    for (const j of children) {
      const listed = active.some((a) => a.uid === j.metadata.uid);
      if (!listed && !isFinished(j)) {
        await events.event(cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata.name}`);
      } else if (listed && isFinished(j)) {
        active = active.filter((a) => a.uid !== j.metadata.uid);
        await events.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, status: ${isTrue(j, 'Complete') ? 'Complete' : 'Failed'}`);
      }
      if (isTrue(j, 'Complete') && j.status?.completionTime) {
        const last = ms(status.lastSuccessfulTime);
        if (last === undefined || ms(j.status.completionTime)! > last) status.lastSuccessfulTime = j.status.completionTime;
      }
    }
    const childUids = new Set(children.map((j) => j.metadata.uid));
    for (const a of active.filter((x) => !childUids.has(x.uid))) {
      if (await getOptional(client, 'jobs', ns, a.name)) continue;
      active = active.filter((x) => x.uid !== a.uid);
      await events.event(cj, 'Normal', 'MissingJob', `Active job went missing: ${a.name}`);
    }

    let requeue: number | undefined;
    const write = async () => {
      if (active.length > 0) status.active = active;
      else delete status.active;
      if (JSON.stringify(status) !== before) {
        const fresh = await client.updateStatus('cronjobs', { ...cj, status });
        cj = fresh;
      }
    };
    if (cj.metadata.deletionTimestamp) return write();
    if (cj.spec?.suspend === true) {
      await write();
      await cleanupFinishedJobs(client, events, cj, children);
      return;
    }
    const schedule = parseSchedule(cj.spec?.schedule ?? '');
    const zone: string | undefined = cj.spec?.timeZone ?? undefined;
    const lastScheduled = ms(status.lastScheduleTime);
    let earliest = lastScheduled ?? ms(cj.metadata.creationTimestamp) ?? now;
    const deadline: number | undefined = cj.spec?.startingDeadlineSeconds ?? undefined;
    if (deadline != null) earliest = Math.max(earliest, now - deadline * 1000);
    const { mostRecent, missed } = missedRuns(schedule, earliest, now, zone);
    if (missed > 100) {
      await events.event(cj, 'Warning', 'TooManyMissedTimes', `too many missed start times: ${missed}. Set or decrease .spec.startingDeadlineSeconds or check clock skew`);
    }
    const wake = () => {
      const from = mostRecent ?? lastScheduled ?? ms(cj.metadata.creationTimestamp) ?? now;
      let next = nextRunOf(schedule, from, zone);
      while (next !== undefined && next <= now) next = nextRunOf(schedule, next, zone);
      requeue = next === undefined ? undefined : next + NEXT_SCHEDULE_DELTA - now;
    };
    wake();
    const run = mostRecent;
    if (run !== undefined) {
      const name = jobNameFor(cj, run);
      if (deadline != null && run + deadline * 1000 < now) {
        await events.event(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(rfc3339(new Date(run)))}`);
      } else if (active.some((a) => a.name === name) || lastScheduled === run) {
        // already started
      } else if (cj.spec?.concurrencyPolicy === 'Forbid' && active.length > 0) {
        await events.event(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      } else {
        if (cj.spec?.concurrencyPolicy === 'Replace') {
          for (const a of [...active]) {
            await deleteJob(client, events, cj, a.name);
            active = active.filter((x) => x.uid !== a.uid);
          }
        }
        let job: KubeObject | undefined;
        try {
          job = await client.create('jobs', jobFromTemplate(cj, run));
          await events.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${job.metadata.name}`);
        } catch (e) {
          if (!isStatusError(e) || e.code !== 409) {
            await events.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${e instanceof Error ? e.message : String(e)}`);
            await write();
            throw e;
          }
          const existing = await getOptional(client, 'jobs', ns, name);
          if (existing && controllerRef(existing)?.uid === uid && !active.some((a) => a.uid === existing.metadata.uid)) job = existing;
        }
        if (job) {
          active.push(jobRef(job));
          status.lastScheduleTime = rfc3339(new Date(run));
        }
      }
    }
    await write();
    await cleanupFinishedJobs(client, events, cj, children);
    if (requeue !== undefined) return { requeueAfter: Math.max(0, requeue) };
  }

  return {
    name: 'cronjob',
    watches: [
      { resource: 'cronjobs', keys: (o, type) => (type === 'put' ? [keyOf(o)] : []) },
      {
        resource: 'jobs',
        keys: (o, type) => jobs.controllerKeys(o, type, 'CronJob'),
      },
    ],
    async reconcile(key, ctx) {
      const { namespace, name } = splitKey(key);
      const cj = await getOptional(ctx.client, 'cronjobs', namespace, name);
      if (!cj) return;
      return sync(cj, ctx);
    },
  };
}
