import type { Client } from './client.js';
import { EventCorrelator } from './event-correlator.js';
import { handOver, takeOver } from './hand-over.js';
import { isStatusError } from './errors.js';
import type { KubeObject } from './types.js';
import type { Clock } from '../util/clock.js';
import { LruMap } from '../util/lru-map.js';
import { rfc3339 } from '../util/clock.js';
import { stringsDigest, stringsDigest12 } from '../util/hash.js';
import { creationOrder } from './uid.js';

/** Who reports: `default-scheduler`, `kubelet` (+ host), `deployment-controller`, … */
export interface EventSource {
  component: string;
  host?: string;
}

/**
 * What the recorders writing through one client share (as a component's broadcaster does): the
 * correlator, the counts of the Events last written (client-go's EventLogger cache, by
 * `namespace/name`), and the writes in flight, so writers of one Event (a combined one) take turns.
 * The cache keeps counts and resourceVersions, not whole Events: a scale-up writes 4 Events per pod,
 * and each one the cache held would live on in the old generation of the heap after its commit.
 */
interface Shared {
  correlator: EventCorrelator;
  written: LruMap<string, Written>;
  inflight: Map<string, Promise<void>>;
  /** Writes started and not yet settled: inflight is cleared whole when none is left. */
  pending: number;
}

/** What the cache keeps of an Event this process wrote: its count and the resourceVersion that has it. */
interface Written {
  readonly count: number;
  readonly resourceVersion: string | undefined;
}

const WRITTEN_ENTRIES = 4096;
const sharedByClient = new WeakMap<Client, Shared>();

function sharedFor(client: Client): Shared {
  let s = sharedByClient.get(client);
  if (!s) sharedByClient.set(client, (s = { correlator: new EventCorrelator(), written: new LruMap(WRITTEN_ENTRIES), inflight: new Map(), pending: 0 }));
  return s;
}

/**
 * Runs write after the writes of the same Event already in flight (a combined Event written by
 * several creates of one batch), and lets the next ones wait for it. Most Events have none in
 * flight: then write starts at once. An entry is needed only while writes are in flight, so the
 * map is cleared whole once none is (see settled): deleting each entry as its write settled made
 * the map shrink and grow again all through a batch of thousands of Events.
 */
function serialized(shared: Shared, key: string, write: () => Promise<void>): Promise<void> {
  const before = shared.inflight.get(key);
  const mine = before ? before.then(write, write) : write();
  shared.inflight.set(key, mine);
  shared.pending++;
  return mine;
}

/** A write serialized() returned has settled. */
function settled(shared: Shared): void {
  if (--shared.pending === 0) shared.inflight.clear();
}

/** The next version of a stored Event seen again: a fresh object (a write takes its argument over). */
function countedUp(event: KubeObject, now: string, message: string): KubeObject {
  return { ...event, metadata: { ...event.metadata }, count: (event.count ?? 1) + 1, lastTimestamp: now, message };
}

/**
 * An Event's name: `<object>.<hex>`, from its identity alone, so that a later process finds the
 * Event to count up by name. The hex is the creation order of the object (its uid's, api/uid.ts)
 * and 12 digits of a digest of the identity, 27 digits, which the store keeps in creation order
 * (store/event-keys.ts); an object whose uid carries no order (stored by an older build) gets 16
 * digits of the digest.
 */
function nameFor(obj: KubeObject, identity: readonly string[]): string {
  const order = creationOrder(obj.metadata.uid);
  return order ? `${obj.metadata.name}.${order}${stringsDigest12(identity)}` : `${obj.metadata.name}.${stringsDigest(identity)}`;
}

/**
 * Records core/v1 Events the way client-go's recorder does, through the API like any writer: the
 * EventCorrelator (event-correlator.ts) folds similar events into one first and holds back an
 * object's events past its spam budget; then a
 * repeat of the same (source, object, type, reason, message) bumps `count` and `lastTimestamp` of
 * the existing Event instead of creating a new one. The Event's name is derived from that
 * identity (nameFor), so finding the previous one is a single get, not a list.
 */
export class EventRecorder {
  /** The source (component and host) as the correlator tells sources apart. */
  private readonly sourceKey: string;
  /** sharedFor(client), looked up at the first event (a recorder may record none). */
  private sharedWithClient: Shared | undefined;

  constructor(
    private readonly client: Client,
    private readonly clock: Clock,
    private readonly source: EventSource,
  ) {
    this.sourceKey = `${source.component}\u0000${source.host ?? ''}\u0000`;
  }

  /**
   * Records an Event. Undefined when done at once (most are: a new Event the server creates at once,
   * one the spam filter holds back), else a promise of it, which the caller awaits: a scale-up records
   * 120,000 Events, and an async method made a promise and suspended its caller for each.
   */
  event(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): Promise<void> | undefined {
    const meta = obj.metadata;
    const namespace = meta.namespace ?? 'default';
    const name = meta.name ?? '';
    const uid = meta.uid ?? '';
    const now = this.clock.now();
    const nowMs = now.getTime();
    const shared = this.shared();
    const { correlator } = shared;
    // client-go keys an object by kind, namespace, name, uid and apiVersion: a uid alone names one
    const history = correlator.history(this.sourceKey, uid || `${obj.kind}\u0000${namespace}\u0000${name}\u0000${obj.apiVersion}`, nowMs);
    const verdict = correlator.correlate(history, type, reason, message, nowMs);
    const combined = verdict.action === 'combine';
    if (combined) message = verdict.message;
    // the identity: source, object, then what the Event says (a combined one: its type and reason)
    const { component, host = '' } = this.source;
    const eventName = combined
      ? nameFor(obj, [component, host, obj.kind, namespace, name, uid, obj.apiVersion, '', type, reason, '', 'combined'])
      : nameFor(obj, [component, host, obj.kind, namespace, name, uid, obj.apiVersion, fieldPath ?? '', type, reason, message]);
    const stamp = rfc3339(now);
    const key = `${namespace}/${eventName}`;
    if (!correlator.allow(history, nowMs)) {
      if (shared.pending > 0) return this.settle(shared, serialized(shared, key, async () => this.countHeldBack(key)));
      this.countHeldBack(key);
      return undefined;
    }
    const fresh = this.newEvent(obj, eventName, namespace, type, reason, message, stamp, combined ? undefined : fieldPath);
    // the first of its kind this process records: no Event of this name was written by it to count up
    const first = verdict.action === 'record' && verdict.first === true;
    // with no write in flight to wait for, a new Event is created at once if the server can (most are)
    if (first && shared.pending === 0 && this.createdNow(key, fresh)) return undefined;
    return this.settle(shared, serialized(shared, key, () => this.write(key, fresh, stamp, message, first)));
  }

  /** Awaits a write serialized() started, dropping an Event the server refuses. */
  private async settle(shared: Shared, write: Promise<void>): Promise<void> {
    try {
      await write;
    } catch (e) {
      // client-go's event sink: an Event the server refuses is dropped ("Server rejected event (will
      // not retry!)"), never the recording component's failure — a kubelet stopping the containers
      // of a pod in a terminating namespace, where no new Event may be created, still stops them
      if (!isStatusError(e)) throw e;
    } finally {
      settled(shared);
    }
  }

  private shared(): Shared {
    return (this.sharedWithClient ??= sharedFor(this.client));
  }

  /**
   * An event the spam filter holds back: not written, but counted on the Event last written, so the
   * next write of it carries the count (client-go's EventLogger counts before the filter). One never
   * written is dropped, count and all.
   */
  private countHeldBack(key: string): void {
    const seen = this.shared().written;
    const last = seen.get(key);
    if (last) seen.set(key, { count: last.count + 1, resourceVersion: last.resourceVersion });
  }

  /**
   * Creates the Event, or counts up the one that exists: the one this process last wrote by a patch
   * of its count, lastTimestamp and message (client-go's EventLogger: no read) unless someone changed
   * it since, else after a get. Create comes first otherwise, as most events are new; the first of
   * its kind (`first`) skips the look for the one this process last wrote (a 30,000-pod scale-up
   * writes 120,000 such, each a miss of the cache). Should the cache know it nevertheless (the
   * correlator forgot the object first), the create finds it stored and counts it up after a get.
   */
  private async write(key: string, fresh: KubeObject, now: string, message: string, first: boolean): Promise<void> {
    const seen = this.shared().written;
    const namespace = fresh.metadata.namespace;
    const name = fresh.metadata.name!;
    const last = first ? undefined : seen.get(key);
    if (last) {
      try {
        const count = last.count + 1;
        const patch = { metadata: { resourceVersion: last.resourceVersion }, count, lastTimestamp: now, message };
        seen.set(key, { count, resourceVersion: (await this.client.patch('events', namespace, name, 'merge', patch)).metadata.resourceVersion });
        return;
      } catch (e) {
        // changed or deleted by someone else since: start over from the store
        if (!isStatusError(e) || (e.code !== 409 && e.code !== 404)) throw e;
        seen.delete(key);
      }
    }
    const created = await this.tryCreate(fresh);
    const stored = created ?? (await this.client.update('events', countedUp(await this.client.get('events', namespace, name), now, message)));
    seen.set(key, { count: stored.count ?? 1, resourceVersion: stored.metadata.resourceVersion });
  }

  /**
   * Creates the Event at once (Client.immediate), recording its count; false when the server cannot
   * serve it at once or the Event exists (the caller goes the awaited way, which counts that one up).
   */
  private createdNow(key: string, fresh: KubeObject): boolean {
    const immediate = this.client.immediate;
    if (!immediate) return false;
    let stored: KubeObject | undefined;
    try {
      stored = immediate.create('events', handOver(fresh));
    } catch (e) {
      if (!isStatusError(e)) throw e;
      // refused: dropped, as the awaited way drops it (see event()); exists: counted up that way
      if (e.code !== 409) return true;
    }
    if (!stored) {
      takeOver(fresh);
      return false;
    }
    this.shared().written.set(key, { count: stored.count ?? 1, resourceVersion: stored.metadata.resourceVersion });
    return true;
  }

  /** Creates the Event (returning what was stored); undefined when it exists already. */
  private async tryCreate(event: KubeObject): Promise<KubeObject | undefined> {
    try {
      // built for this create alone: handed over, not copied (hand-over.ts)
      return await this.client.create('events', handOver(event));
    } catch (e) {
      if (isStatusError(e) && e.code === 409) return undefined;
      throw e;
    }
  }

  private newEvent(
    obj: KubeObject, name: string, namespace: string, type: string, reason: string, message: string, now: string, fieldPath: string | undefined,
  ): KubeObject {
    const meta = obj.metadata;
    const { component, host } = this.source;
    // literals, not spreads of optional parts: the same keys in the same order (an absent one absent)
    return {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: fieldPath
        ? { apiVersion: obj.apiVersion, kind: obj.kind, name: meta.name, namespace: meta.namespace, uid: meta.uid, resourceVersion: meta.resourceVersion, fieldPath }
        : { apiVersion: obj.apiVersion, kind: obj.kind, name: meta.name, namespace: meta.namespace, uid: meta.uid, resourceVersion: meta.resourceVersion },
      reason,
      message,
      source: host ? { component, host } : { component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: component,
      reportingInstance: host ?? '',
    };
  }
}
