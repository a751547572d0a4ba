import { createHash } from 'node:crypto';
import type { Client } from './client.js';
import { isStatusError } from './errors.js';
import type { KubeObject } from './types.js';
import type { Clock } from '../util/clock.js';
import { rfc3339 } from '../util/clock.js';

/** Who reports: `default-scheduler`, `kubelet` (+ host), `deployment-controller`, … */
export interface EventSource {
  component: string;
  host?: string;
}

/**
 * Records core/v1 Events the way client-go's recorder does, through the API like any writer:
 * a repeat of the same (source, object, type, reason, message) bumps `count` and `lastTimestamp`
 * of the existing Event instead of creating a new one. The Event's name is `<object>.<16 hex>`,
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
    const identity = [this.source.component, this.source.host ?? '', obj.kind, namespace, obj.metadata.name, obj.metadata.uid, fieldPath ?? '', type, reason, message].join('\u0000');
    const name = `${obj.metadata.name}.${createHash('sha1').update(identity).digest('hex').slice(0, 16)}`;
    const now = rfc3339(this.clock.now());
    // create first: most events are new, and a repeat answers 409 AlreadyExists
    const fresh = this.newEvent(obj, name, namespace, type, reason, message, now, fieldPath);
    if (await this.tryCreate(fresh)) return;
    const existing = await this.client.get('events', namespace, name);
    existing.count = (existing.count ?? 1) + 1;
    existing.lastTimestamp = now;
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
