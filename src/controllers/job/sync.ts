/**
 * The Job controller (pkg/controller/job, v1.32): runs pods until `completions` succeed (or, without
 * completions, until one succeeds and the rest end), replaces failed pods after a back-off, fails the
 * Job past backoffLimit or activeDeadlineSeconds, honours suspend, and reports status and conditions
 * (SuccessCriteriaMet → Complete, FailureTarget → Failed).
 */
import type { Client } from '../../api/client.js';
import { EventRecorder } from '../../api/event-recorder.js';
import { getOptional } from '../../api/get-optional.js';
import type { Condition, KubeObject } from '../../api/types.js';
import { rfc3339 } from '../../util/clock.js';
import { controllerRef, OwnerIndex, ownedByKind } from '../owner-index.js';
import { isPodReady } from '../pod-state.js';
import { keyOf, type ReconcileContext, type ReconcileResult, type Reconciler, splitKey } from '../reconciler.js';
import { type FinishReason, isFinished, MESSAGES, setCondition } from './conditions.js';
import { formatIndexes } from './indexes.js';
import { hasTrackingFinalizer, isActive, isIndexed, isTerminating, restartsOf } from './job-pods.js';
import { deletePods, manageJob } from './manage.js';
import { removeFinalizer, tallyFinishedPods } from './tracking.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Key of a Job that is gone: `gone:<namespace>/<uid>` (its pods' finalizers are released). */
const GONE = 'gone:';

const isTrueIn = (conditions: Condition[], type: string) => conditions.some((c) => c.type === type && c.status === 'True');

function failureReason(job: KubeObject, failed: number, active: KubeObject[], startTime: string | undefined, now: number): { reason?: FinishReason; deadlineIn?: number } {
  const spec = job.spec ?? {};
  const limit: number = spec.backoffLimit ?? 6;
  if (failed > limit) return { reason: 'BackoffLimitExceeded' };
  if (spec.template?.spec?.restartPolicy === 'OnFailure') {
    const restarts = restartsOf(active);
    if (limit === 0 ? restarts > 0 : restarts >= limit) return { reason: 'BackoffLimitExceeded' };
  }
  if (spec.activeDeadlineSeconds != null && startTime && spec.suspend !== true) {
    const deadline = new Date(startTime).getTime() + spec.activeDeadlineSeconds * 1000;
    if (now >= deadline) return { reason: 'DeadlineExceeded' };
    return { deadlineIn: deadline - now };
  }
  return {};
}

function succeededEnough(job: KubeObject, succeeded: number, completed: number, active: number): boolean {
  const completions = job.spec?.completions;
  if (isIndexed(job)) return completed >= (completions ?? 0);
  if (completions == null) return succeeded > 0 && active === 0;
  return succeeded >= completions;
}

function sameStatus(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) return false;
  return true;
}

export function jobReconciler(): Reconciler {
  const pods = new OwnerIndex('pods', (o) => o, ownedByKind('Job'));

  async function sync(original: KubeObject, ctx: ReconcileContext): Promise<ReconcileResult | void> {
    const { client } = ctx;
    const ns = original.metadata.namespace ?? 'default';
    const uid = original.metadata.uid ?? '';
    const nowDate = ctx.clock.now();
    const now = nowDate.getTime();
    const nowS = rfc3339(nowDate);
    const events = new EventRecorder(client, ctx.clock, { component: 'job-controller' });
    await pods.prime(client, ns);
    const own = pods.ownedBy(uid).filter((p) => controllerRef(p)?.uid === uid);
    if (original.metadata.deletionTimestamp) {
      for (const p of own) if (hasTrackingFinalizer(p)) await removeFinalizer(client, p);
      return;
    }
    const prevConditions: Condition[] = original.status?.conditions ?? [];
    const finishing = isFinished(original) || isTrueIn(prevConditions, 'FailureTarget') || isTrueIn(prevConditions, 'SuccessCriteriaMet');
    const tally = await tallyFinishedPods(client, original, own, finishing);
    const job = tally.job;
    const status = job.status ?? {};
    const active = own.filter(isActive);
    let conditions: Condition[] = [...(status.conditions ?? [])];
    let startTime: string | undefined = status.startTime;
    let completionTime: string | undefined = status.completionTime;
    let activeAfter = active.length;
    let requeue: number | undefined;
    const after = (ms: number) => { requeue = requeue === undefined ? ms : Math.min(requeue, ms); };

    if (!isFinished(job)) {
      const suspended = job.spec?.suspend === true;
      if (suspended && !isTrueIn(conditions, 'Suspended') && !finishing) {
        conditions = setCondition(conditions, 'Suspended', 'True', 'JobSuspended', 'Job suspended', nowS);
        await events.event(job, 'Normal', 'Suspended', 'Job suspended');
      } else if (!suspended && isTrueIn(conditions, 'Suspended')) {
        conditions = setCondition(conditions, 'Suspended', 'False', 'JobResumed', 'Job resumed', nowS);
        startTime = nowS;
        await events.event(job, 'Normal', 'Resumed', 'Job resumed');
      }
      if (!suspended && !startTime) startTime = nowS;

      if (!finishing) {
        const failure = failureReason(job, tally.failed, active, startTime, now);
        if (failure.deadlineIn !== undefined) after(failure.deadlineIn);
        if (failure.reason) conditions = setCondition(conditions, 'FailureTarget', 'True', failure.reason, MESSAGES[failure.reason], nowS);
        else if (succeededEnough(job, tally.succeeded, tally.completedIndexes.size, active.length)) {
          conditions = setCondition(conditions, 'SuccessCriteriaMet', 'True', 'CompletionsReached', MESSAGES.CompletionsReached, nowS);
        }
      }
      const failing = conditions.find((c) => c.type === 'FailureTarget' && c.status === 'True');
      const succeeding = isTrueIn(conditions, 'SuccessCriteriaMet');
      if (failing || succeeding || suspended) {
        activeAfter -= await deletePods(client, events, job, active);
        if (active.length === 0 && failing) {
          conditions = setCondition(conditions, 'Failed', 'True', failing.reason ?? '', failing.message ?? '', nowS);
          await events.event(job, 'Warning', failing.reason ?? '', failing.message ?? '');
        } else if (active.length === 0 && succeeding) {
          conditions = setCondition(conditions, 'Complete', 'True', 'CompletionsReached', MESSAGES.CompletionsReached, nowS);
          completionTime = nowS;
          await events.event(job, 'Normal', 'Completed', 'Job completed');
        }
      } else {
        const res = await manageJob(client, events, job, own, active, tally, nowDate);
        activeAfter = res.active;
        if (res.waitMs !== undefined) after(res.waitMs);
      }
    }

    const next: Record<string, unknown> = {
      ...(conditions.length > 0 ? { conditions } : {}),
      ...(startTime ? { startTime } : {}),
      ...(completionTime ? { completionTime } : {}),
      ...(activeAfter > 0 ? { active: activeAfter } : {}),
      ...(tally.succeeded > 0 ? { succeeded: tally.succeeded } : {}),
      ...(tally.failed > 0 ? { failed: tally.failed } : {}),
      terminating: own.filter(isTerminating).length,
      ...(isIndexed(job) && tally.completedIndexes.size > 0 ? { completedIndexes: formatIndexes(tally.completedIndexes) } : {}),
      uncountedTerminatedPods: {},
      ready: active.filter(isPodReady).length,
    };
    if (!sameStatus(status, next)) await client.updateStatus('jobs', { ...job, status: next });
    if (requeue !== undefined) return { requeueAfter: requeue };
  }

  async function releaseOrphans(client: Client, ns: string, uid: string): Promise<void> {
    for (const p of pods.ownedBy(uid)) {
      if (p.metadata.namespace === ns && controllerRef(p)?.uid === uid && hasTrackingFinalizer(p)) await removeFinalizer(client, p);
    }
  }

  return {
    name: 'job',
    watches: [
      {
        resource: 'jobs',
        keys: (o, type) => (type === 'delete' ? [`${GONE}${o.metadata.namespace}/${o.metadata.uid}`] : [keyOf(o)]),
      },
      {
        resource: 'pods',
        keys: (o, type) => pods.controllerKeys(o, type, 'Job'),
      },
    ],
    async reconcile(key, ctx) {
      if (key.startsWith(GONE)) {
        const { namespace, name: uid } = splitKey(key.slice(GONE.length));
        await pods.prime(ctx.client, namespace);
        return releaseOrphans(ctx.client, namespace ?? '', uid);
      }
      const { namespace, name } = splitKey(key);
      const job = await getOptional(ctx.client, 'jobs', namespace, name);
      if (!job) return;
      return sync(job, ctx);
    },
  };
}
