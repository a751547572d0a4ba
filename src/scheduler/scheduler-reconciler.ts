/**
 * The default scheduler as a batching reconciler. Its watches feed the informer cache (scheduler-cache.ts)
 * and queue a pod's key when it is pending, or the `cluster-event` key when a relevant change may let
 * unschedulable pods fit now. Each round, one pass takes every pod the queue holds as ready, schedules them
 * against the one snapshot (each placement assumed before the next pod), and writes the outcomes through
 * the API. Retries come back as delayed keys: after the back-off, or 5 minutes after a failed attempt.
 */
import { isStatusError } from '../api/errors.js';
import type { KubeObject } from '../api/types.js';
import type { ReconcileContext, ReconcileResult, Reconciler } from '../controllers/reconciler.js';
import type { Clock } from '../util/clock.js';
import { PodSchedulingWriter } from './pod-scheduling-writer.js';
import { podKey, SchedulerCache, WATCHED } from './scheduler-cache.js';
import { Scheduler, type BatchEntry, type SchedulerOptions } from './scheduler.js';
import type { Snapshot } from './snapshot.js';

export const SCHEDULER_QUEUE = 'scheduler';
/** The key that asks for a pass without naming a pod. */
export const CLUSTER_EVENT_KEY = 'cluster-event';

type Results = Map<string, ReconcileResult>;

class SchedulerLoop {
  readonly cache = new SchedulerCache();
  private readonly scheduler: Scheduler;

  constructor(options: SchedulerOptions) {
    this.scheduler = new Scheduler(options);
  }

  async pass(keys: readonly string[], ctx: ReconcileContext): Promise<Results> {
    const now = ctx.clock.now().getTime();
    const snapshot = this.cache.snapshot ?? (await this.cache.build(ctx.client, now));
    const queue = this.cache.queue;
    for (const k of keys) if (k !== CLUSTER_EVENT_KEY) queue.wake(k, now);
    this.cache.applyMoves(now);
    const results: Results = new Map();
    const ready = queue.active();
    if (ready.length > 0) {
      const writer = new PodSchedulingWriter(ctx.client, ctx.clock);
      // gated pods never become ready: the API server set their SchedulingGated condition on create
      const { results: outcomes } = this.scheduler.scheduleBatch(ready, snapshot);
      for (const entry of outcomes) await this.record(entry, snapshot, writer, results, now, ctx);
    }
    for (const [key, ms] of queue.backoffDue(now)) results.set(key, { requeueAfter: ms });
    for (const k of keys) {
      const left = queue.retryIn(k, now);
      if (left !== undefined && !results.has(k)) results.set(k, { requeueAfter: left });
    }
    return results;
  }

  private async record(entry: BatchEntry, snapshot: Snapshot, writer: PodSchedulingWriter, results: Results, now: number, ctx: ReconcileContext): Promise<void> {
    const { pod, result } = entry;
    const key = podKey(pod);
    const queue = this.cache.queue;
    if ('nodeName' in result) {
      try {
        await writer.bind(pod, result.nodeName);
        queue.forget(key);
      } catch (e) {
        snapshot.removePod(key);
        if (!isStatusError(e) || (e.code !== 404 && e.code !== 409)) throw e;
        await this.refresh(key, pod, results, now, ctx);
      }
      return;
    }
    if (result.nominatedNodeName && result.victims?.length) await writer.preempt(pod, result.nominatedNodeName, result.victims);
    try {
      const written = await writer.unschedulable(pod, result.conditionReason, result.message, result.nominatedNodeName);
      results.set(key, { requeueAfter: queue.failed(key, written, now) });
    } catch (e) {
      if (!isStatusError(e) || (e.code !== 404 && e.code !== 409)) throw e;
      await this.refresh(key, pod, results, now, ctx);
    }
  }

  /** The pod changed or went while we decided: take it as it is now and try again in the next round. */
  private async refresh(key: string, pod: KubeObject, results: Results, now: number, ctx: ReconcileContext): Promise<void> {
    const queue = this.cache.queue;
    let fresh: KubeObject;
    try {
      fresh = await ctx.client.get('pods', pod.metadata.namespace, pod.metadata.name!);
    } catch (e) {
      if (isStatusError(e) && e.code === 404) {
        queue.forget(key);
        return;
      }
      throw e;
    }
    if (fresh.spec?.nodeName || fresh.metadata.deletionTimestamp) {
      queue.forget(key);
      return;
    }
    queue.forget(key);
    queue.seen(key, fresh, now);
    results.set(key, { requeueAfter: 0 });
  }
}

/** The default scheduler, registered with the cluster's control loop. */
export function schedulerReconciler(clock: Clock, options: SchedulerOptions = {}): Reconciler {
  const loop = new SchedulerLoop(options);
  return {
    name: SCHEDULER_QUEUE,
    watches: WATCHED.map((resource) => ({
      resource,
      keys: (obj: KubeObject, type: 'put' | 'delete') => {
        if (!loop.cache.observe(resource, obj, type, clock.now().getTime())) return [];
        return [resource === 'pods' && type === 'put' && loop.cache.queue.has(podKey(obj)) ? podKey(obj) : CLUSTER_EVENT_KEY];
      },
    })),
    reconcile: async (key, ctx) => loop.pass([key], ctx).then((r) => r.get(key)),
    reconcileBatch: (keys, ctx) => loop.pass(keys, ctx),
  };
}
