import { createHash } from 'node:crypto';
import type { Client } from './client.js';
import { EventCorrelator } from './event-correlator.js';
import { isStatusError } from './errors.js';
import type { KubeObject } from './types.js';
import type { Clock } from '../util/clock.js';
import { rfc3339 } from '../util/clock.js';

/** Who reports: `default-scheduler`, `kubelet` (+ host), `deployment-controller`, … */
export interface EventSource {
  component: string;
  host?: string;
}

/** Writes in flight per client and Event: writers of the same Event (a combined one) take turns. */
const inflight = new WeakMap<Client, Map<string, Promise<void>>>();

async function serialized(client: Client, key: string, write: () => Promise<void>): Promise<void> {
  let byKey = inflight.get(client);
  if (!byKey) inflight.set(client, (byKey = new Map()));
  const before = byKey.get(key);
  const mine = (before ? before.catch(() => undefined) : Promise.resolve()).then(write);
  byKey.set(key, mine);
  try {
    await mine;
  } finally {
    if (byKey.get(key) === mine) byKey.delete(key);
  }
}

/** One correlator per client, shared by every recorder writing through it (as a component's broadcaster is). */
const correlators = new WeakMap<Client, EventCorrelator>();

function correlatorFor(client: Client): EventCorrelator {
  let c = correlators.get(client);
  if (!c) correlators.set(client, (c = new EventCorrelator()));
  return c;
}

const nameFor = (obj: KubeObject, identity: string) => `${obj.metadata.name}.${createHash('sha1').update(identity).digest('hex').slice(0, 16)}`;

/**
 * Records core/v1 Events the way client-go's recorder does, through the API like any writer: the
 * EventCorrelator (event-correlator.ts) folds similar events into one first; then a
 * repeat of the same (source, object, type, reason, message) bumps `count` and `lastTimestamp` of
 * the existing Event instead of creating a new one. The Event's name is `<object>.<16 hex>`,
 * derived from that identity, so finding the previous one is a single get, not a list.
 */
export class EventRecorder {
  constructor(
    private readonly client: Client,
    private readonly clock: Clock,
    private readonly source: EventSource,
  ) {}

  async event(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): Promise<void> {
    const namespace = obj.metadata.namespace ?? 'default';
    const objectKey = [this.source.component, this.source.host ?? '', obj.kind, namespace, obj.metadata.name, obj.metadata.uid, obj.apiVersion].join('\u0000');
    const aggregateKey = `${objectKey}\u0000${type}\u0000${reason}`;
    const nowMs = this.clock.now().getTime();
    const verdict = correlatorFor(this.client).correlate({ aggregateKey, message, now: nowMs });
    const combined = verdict.action === 'combine';
    if (combined) message = verdict.message;
    const name = combined ? nameFor(obj, `${aggregateKey}\u0000combined`) : nameFor(obj, `${objectKey}\u0000${fieldPath ?? ''}\u0000${type}\u0000${reason}\u0000${message}`);
    const now = rfc3339(new Date(nowMs));
    const fresh = this.newEvent(obj, name, namespace, type, reason, message, now, combined ? undefined : fieldPath);
    await serialized(this.client, `${namespace}/${name}`, () => this.write(fresh, now, message));
  }

  /** Creates the Event, or counts up the one that exists (create first: most events are new). */
  private async write(fresh: KubeObject, now: string, message: string): Promise<void> {
    if (await this.tryCreate(fresh)) return;
    const existing = await this.client.get('events', fresh.metadata.namespace, fresh.metadata.name!);
    existing.count = (existing.count ?? 1) + 1;
    existing.lastTimestamp = now;
    existing.message = message;
    await this.client.update('events', existing);
  }

  /** Creates the Event; false when it exists already. */
  private async tryCreate(event: KubeObject): Promise<boolean> {
    try {
      await this.client.create('events', event);
      return true;
    } catch (e) {
      if (isStatusError(e) && e.code === 409) return false;
      throw e;
    }
  }

  private newEvent(
    obj: KubeObject, name: string, namespace: string, type: string, reason: string, message: string, now: string, fieldPath: string | undefined,
  ): KubeObject {
    return {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: {
        apiVersion: obj.apiVersion,
        kind: obj.kind,
        name: obj.metadata.name,
        namespace: obj.metadata.namespace,
        uid: obj.metadata.uid,
        resourceVersion: obj.metadata.resourceVersion,
        ...(fieldPath ? { fieldPath } : {}),
      },
      reason,
      message,
      source: { component: this.source.component, ...(this.source.host ? { host: this.source.host } : {}) },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: this.source.component,
      reportingInstance: this.source.host ?? '',
    };
  }
}
