/**
 * The TTL-after-finished controller (pkg/controller/ttlafterfinished): a Job that finished (Complete
 * or Failed) and sets spec.ttlSecondsAfterFinished is deleted — background propagation, so the
 * garbage collector removes its pods — that many seconds after it finished (simulated time).
 */
import { getOptional } from '../api/get-optional.js';
import type { Condition, KubeObject } from '../api/types.js';
import { isStatusError } from '../api/errors.js';
import { keyOf, type Reconciler, splitKey } from './reconciler.js';

/** When the Job finished: its Complete/Failed condition's transition time; undefined while running. */
export function jobFinishTime(job: KubeObject): number | undefined {
  const done = (job.status?.conditions as Condition[] | undefined)?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
  if (!done) return undefined;
  return done.lastTransitionTime ? new Date(done.lastTransitionTime).getTime() : Number.NEGATIVE_INFINITY;
}

export function ttlAfterFinishedReconciler(): Reconciler {
  return {
    name: 'ttl-after-finished',
    watches: [{ resource: 'jobs', keys: (o, type) => (type === 'put' && o.spec?.ttlSecondsAfterFinished != null ? [keyOf(o)] : []) }],
    async reconcile(key, ctx) {
      const { namespace, name } = splitKey(key);
      const job = await getOptional(ctx.client, 'jobs', namespace, name);
      const ttl = job?.spec?.ttlSecondsAfterFinished;
      if (!job || ttl == null || job.metadata.deletionTimestamp) return;
      const finished = jobFinishTime(job);
      if (finished === undefined) return;
      const left = finished + ttl * 1000 - ctx.clock.now().getTime();
      if (left > 0) return { requeueAfter: left };
      try {
        await ctx.client.delete('jobs', namespace, name, {
          propagationPolicy: 'Background',
          preconditions: { uid: job.metadata.uid, resourceVersion: job.metadata.resourceVersion },
        });
      } catch (e) {
        if (isStatusError(e) && (e.code === 404 || e.code === 409)) return;
        throw e;
      }
    },
  };
}
