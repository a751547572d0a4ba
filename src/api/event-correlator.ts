/**
 * The aggregating half of client-go's EventCorrelator (tools/record/events_cache.go): once 10 events
 * that differ only in their message have come from the same source about the same object with the
 * same type and reason within 10 minutes, further ones are recorded as one event whose message reads
 * "(combined from similar events): <latest message>", counted up — what a ReplicaSet shows after a
 * big scale-up (`(x243 over 4h) replicaset-controller (combined from similar events): Created pod: …`).
 *
 * client-go's per-object spam filter (25 events, then one per 5 minutes) is left out: events seen on
 * real clusters (`BackOff (x72 over 20m) kubelet`) show it does not bound them that way.
 *
 * Like client-go's, its memory is the process's (an LRU of 4,096 keys): a new invocation starts
 * afresh, as a restarted controller manager would.
 */

import { LruMap } from '../util/lru-map.js';

export const AGGREGATE_MAX_EVENTS = 10;
export const AGGREGATE_INTERVAL_MS = 600_000;
export const COMBINED_PREFIX = '(combined from similar events): ';
const CACHE_ENTRIES = 4096;

export interface CorrelationInput {
  /** Source, involved object, type and reason. */
  aggregateKey: string;
  message: string;
  /** Epoch ms. */
  now: number;
}

export type Correlation =
  | { action: 'record' }
  /** Record as the aggregate event of `aggregateKey`, with this message. */
  | { action: 'combine'; message: string };

interface Aggregate {
  messages: Set<string>;
  last: number;
}

export class EventCorrelator {
  private readonly aggregates = new LruMap<string, Aggregate>(CACHE_ENTRIES);

  correlate(input: CorrelationInput): Correlation {
    let agg = this.aggregates.get(input.aggregateKey);
    if (!agg || input.now - agg.last > AGGREGATE_INTERVAL_MS) agg = { messages: new Set(), last: input.now };
    agg.messages.add(input.message);
    agg.last = input.now;
    this.aggregates.set(input.aggregateKey, agg);
    if (agg.messages.size < AGGREGATE_MAX_EVENTS) return { action: 'record' };
    // keep the set from growing past the limit (client-go pops one at random; any one will do)
    agg.messages.delete(agg.messages.values().next().value as string);
    return { action: 'combine', message: COMBINED_PREFIX + input.message };
  }
}
