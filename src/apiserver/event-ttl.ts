/**
 * Events live an hour from their last write, as kube-apiserver stores them (`--event-ttl`,
 * default 1h: each write of an Event attaches an etcd lease, and etcd deletes the key when it runs
 * out). Here the API server hides an Event from the moment it has expired (get, list, update,
 * patch, delete: NotFound; a create of its name makes a new one), and the sweep (expireEvents,
 * run by the control loop as the delayed key EVENT_TTL_QUEUE falls due) deletes the expired ones
 * from the store, which watchers see as deletes.
 *
 * The last write of an Event is read from the Event itself: its creation, or the latest of its
 * lastTimestamp, eventTime and series.lastObservedTime, which every recorder sets when it counts an
 * Event up. (An update by hand that leaves them as they were does not make it live longer.)
 */
import type { KubeObject } from '../api/types.js';
import { registryPrefix } from '../store/store.js';
import type { ServerContext } from './context.js';
import { removeObject } from './remove.js';
import { eventKind } from '../api/kinds/event.js';
import { parseTime } from '../util/clock.js';

/** kube-apiserver's default --event-ttl. */
const EVENT_TTL_MS = 60 * 60 * 1000;
/** The sweep's delayed-key queue (and its reconciler's name). */
export const EVENT_TTL_QUEUE = 'event-ttl';
/** The one key the sweep runs for. */
const EVENT_TTL_KEY = 'events';
/**
 * Least time between two sweeps. Reads hide an expired Event to the millisecond either way; only
 * its delete (what a watch sees) comes up to this much later. (etcd's expiry is coarse too:
 * kube-apiserver shares one lease among the writes of a minute.) Sweeping at every expiry made a
 * day of `cluster advance` with a CronJob running every minute 1.2 s slower (of 5.5 s): each sweep
 * reads every Event of the last hour.
 */
const EVENT_SWEEP_EVERY_MS = 5 * 60 * 1000;

const EVENTS_PREFIX = registryPrefix('events');

/** Epoch ms of the Event's last write, as far as the Event tells. */
function lastWrite(ev: Readonly<KubeObject>): number {
  const a = stampMs(ev.metadata.creationTimestamp);
  const b = stampMs(ev.lastTimestamp);
  const c = stampMs(ev.eventTime);
  const d = stampMs(ev.series?.lastObservedTime);
  // NaN (no stamp) loses every comparison; no stamp at all is -Infinity
  let last = Number.NEGATIVE_INFINITY;
  if (a > last) last = a;
  if (b > last) last = b;
  if (c > last) last = c;
  if (d > last) last = d;
  return last;
}

/**
 * A timestamp's epoch ms (NaN when it is not a string or not a date): the Events of a control loop
 * carry the same few stamps (rfc3339 formats each second once), and a scale-up creates 120,000 of
 * them, each with two or three to parse (parseTime keeps the last one parsed).
 */
function stampMs(stamp: unknown): number {
  return typeof stamp === 'string' ? parseTime(stamp) : Number.NaN;
}

/** When the Event expires (epoch ms). */
function eventExpiresAt(ev: Readonly<KubeObject>): number {
  return lastWrite(ev) + EVENT_TTL_MS;
}

/** Whether the object stored at key is an Event that has expired (which no request sees). */
export function expired(ctx: ServerContext, key: string, obj: Readonly<KubeObject>): boolean {
  return key.startsWith(EVENTS_PREFIX) && eventExpiresAt(obj) <= ctx.clock.now().getTime();
}

/** The objects listed from under prefix, less the expired Events. */
export function withoutExpired(ctx: ServerContext, prefix: string, items: KubeObject[]): KubeObject[] {
  if (!prefix.startsWith(EVENTS_PREFIX)) return items;
  const now = ctx.clock.now().getTime();
  return items.filter((ev) => eventExpiresAt(ev) > now);
}

/**
 * Whether a create may store an object at key: nothing is stored there, or an expired Event, which
 * then goes first (unless the create is a dry run), as etcd would have deleted it.
 */
export function freeForCreate(ctx: ServerContext, key: string, dryRun: boolean): boolean {
  const old = ctx.store.peek(key);
  if (!old) return true;
  if (!expired(ctx, key, old)) return false;
  if (!dryRun) removeObject(ctx, eventKind, key);
  return true;
}

/** After an object is created at key: for an Event, the sweep is due when it expires, unless due earlier already. */
export function afterCreate(ctx: ServerContext, key: string, obj: Readonly<KubeObject>): void {
  if (key.startsWith(EVENTS_PREFIX)) ctx.store.addDelayed({ due: eventExpiresAt(obj), queue: EVENT_TTL_QUEUE, key: EVENT_TTL_KEY });
}

/**
 * Deletes every expired Event; returns when the next of those left expires (undefined when none is
 * left), no sooner than EVENT_SWEEP_EVERY_MS from now.
 */
export function expireEvents(ctx: ServerContext): number | undefined {
  const now = ctx.clock.now().getTime();
  let next = Number.POSITIVE_INFINITY;
  for (const key of ctx.store.keys(EVENTS_PREFIX)) {
    const ev = ctx.store.peek(key);
    if (!ev) continue;
    const expiresAt = eventExpiresAt(ev);
    if (expiresAt <= now) removeObject(ctx, eventKind, key);
    else next = Math.min(next, expiresAt);
  }
  return Number.isFinite(next) ? Math.max(next, now + EVENT_SWEEP_EVERY_MS) : undefined;
}
