/**
 * The Events' expiry (apiserver/event-ttl.ts) as the control loop runs it: the API server keeps a
 * delayed key due when the first Event expires; when it falls due, the expired Events are deleted
 * and the key comes back for the next.
 */
import { EVENT_TTL_QUEUE } from '../apiserver/event-ttl.js';
import type { Reconciler } from './reconciler.js';

/** `expire` deletes the expired Events and tells when the next expires (ApiServer.expireEvents). */
export function eventTtlReconciler(expire: () => number | undefined): Reconciler {
  return {
    name: EVENT_TTL_QUEUE,
    // run by its delayed key alone: watching Events would cost the loop a look at every one written
    watches: [],
    async reconcile(_key, ctx) {
      const next = expire();
      return next === undefined ? undefined : { requeueAfter: next - ctx.clock.now().getTime() };
    },
  };
}
