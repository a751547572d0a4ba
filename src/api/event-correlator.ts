/**
 * client-go's EventCorrelator (tools/record/events_cache.go), both halves:
 *
 * - Aggregation: once 10 events that differ only in their message have come from the same source
 *   about the same object with the same type and reason within 10 minutes, further ones are
 *   recorded as one event whose message reads "(combined from similar events): <latest message>",
 *   counted up — what a ReplicaSet shows after a big scale-up
 *   (`(x243 over 4h) replicaset-controller (combined from similar events): Created pod: …`).
 * - The spam filter (EventSourceObjectSpamFilter): a source may write 25 events about one object
 *   at once, then one per 5 minutes (a token bucket per source and object). An event it holds back
 *   is not written, but still counted, so the next one written carries the whole count — how
 *   `BackOff (x72 over 20m) kubelet` comes about. A 30,000-pod scale-up thus writes the ReplicaSet's
 *   combined SuccessfulCreate event 16 times, not 29,991.
 *
 * Like client-go's, its memory is the process's (LRUs of 4,096 keys): a new invocation starts
 * afresh, as a restarted controller manager would.
 */

import { LruMap } from '../util/lru-map.js';

export const AGGREGATE_MAX_EVENTS = 10;
export const AGGREGATE_INTERVAL_MS = 600_000;
export const COMBINED_PREFIX = '(combined from similar events): ';
/** Events one source may write about one object at once (defaultSpamBurst)… */
export const SPAM_BURST = 25;
/** …and then one per this many ms (defaultSpamQPS = 1/300). */
export const SPAM_REFILL_MS = 300_000;
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
  /** The one message seen, until a second one makes `messages` (most aggregates never see one). */
  first: string;
  messages?: Set<string>;
  last: number;
}

/** A token bucket (flowcontrol.NewTokenBucketRateLimiter): tokens as of `at`. */
interface Bucket {
  tokens: number;
  at: number;
}

const RECORD: Correlation = { action: 'record' };

export class EventCorrelator {
  private readonly aggregates = new LruMap<string, Aggregate>(CACHE_ENTRIES);
  private readonly buckets = new LruMap<string, Bucket>(CACHE_ENTRIES);

  correlate(input: CorrelationInput): Correlation {
    let agg = this.aggregates.get(input.aggregateKey);
    if (!agg || input.now - agg.last > AGGREGATE_INTERVAL_MS) {
      this.aggregates.set(input.aggregateKey, { first: input.message, last: input.now });
      return RECORD;
    }
    agg.last = input.now;
    if (!agg.messages) {
      if (input.message === agg.first) return RECORD;
      agg.messages = new Set([agg.first]);
    }
    agg.messages.add(input.message);
    if (agg.messages.size < AGGREGATE_MAX_EVENTS) return RECORD;
    // keep the set from growing past the limit (client-go pops one at random; any one will do)
    agg.messages.delete(agg.messages.values().next().value as string);
    return { action: 'combine', message: COMBINED_PREFIX + input.message };
  }

  /**
   * The spam filter's verdict on an event from one source about one object (`spamKey`: source,
   * host, and the object's kind, namespace, name, uid and apiVersion): whether it may be written now.
   */
  allow(spamKey: string, now: number): boolean {
    let bucket = this.buckets.get(spamKey);
    if (!bucket) this.buckets.set(spamKey, (bucket = { tokens: SPAM_BURST, at: now }));
    else if (now > bucket.at) {
      bucket.tokens = Math.min(SPAM_BURST, bucket.tokens + (now - bucket.at) / SPAM_REFILL_MS);
      bucket.at = now;
    }
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
