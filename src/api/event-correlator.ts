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
 * Like client-go's, its memory is the process's (an LRU of 4,096 objects): a new invocation starts
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
/** Objects the correlator keeps the history of (client-go: LRUs of 4,096 keys). */
const CACHE_ENTRIES = 4096;

export type Correlation =
  /**
   * Record as it is. `first`: the first event of its type and reason from this source about this
   * object that this correlator has seen, so this process has written no Event of that identity
   * (the recorder need not look for one to count up).
   */
  | { action: 'record'; first?: boolean }
  /** Record as the aggregate event of this type and reason, with this message. */
  | { action: 'combine'; message: string };

/** The events of one type and reason seen lately (an aggregate record of client-go's). */
interface Aggregate {
  readonly type: string;
  readonly reason: string;
  /** The one message seen, until a second one makes `messages` (most aggregates never see one). */
  first: string;
  messages?: Set<string>;
  last: number;
}

/**
 * What the correlator keeps of one source's events about one object: the spam filter's token
 * bucket (flowcontrol.NewTokenBucketRateLimiter: tokens as of `at`) and the aggregates by type and
 * reason. Callers hold it between correlate() and allow() and pass it back.
 */
export interface SourceHistory {
  readonly source: string;
  tokens: number;
  at: number;
  readonly aggregates: Aggregate[];
}

const RECORD: Correlation = { action: 'record' };
const FIRST: Correlation = { action: 'record', first: true };

export class EventCorrelator {
  /**
   * By object (its uid, or its whole key when it has none), the histories of the sources that
   * reported on it: a short list, as an object has few reporters. Keyed by strings the caller
   * already has (a uid), not by keys built per event: a 30,000-pod scale-up looks 120,000 Events
   * up, and hashing a fresh key costs more than the rest of the lookup.
   */
  private readonly objects = new LruMap<string, SourceHistory[]>(CACHE_ENTRIES);

  /** The history of `source`'s events about `object` (a uid, or an object key). */
  history(source: string, object: string, now: number): SourceHistory {
    let histories = this.objects.get(object);
    if (!histories) this.objects.set(object, (histories = []));
    for (const h of histories) if (h.source === source) return h;
    const h: SourceHistory = { source, tokens: SPAM_BURST, at: now, aggregates: [] };
    histories.push(h);
    return h;
  }

  /** Aggregation: whether to record an event of this type, reason and message as it is, or combined. */
  correlate(history: SourceHistory, type: string, reason: string, message: string, now: number): Correlation {
    const agg = history.aggregates.find((a) => a.reason === reason && a.type === type);
    if (!agg) {
      history.aggregates.push({ type, reason, first: message, last: now });
      return FIRST;
    }
    if (now - agg.last > AGGREGATE_INTERVAL_MS) {
      // nothing similar for 10 minutes: start over
      agg.first = message;
      agg.messages = undefined;
      agg.last = now;
      return RECORD;
    }
    agg.last = now;
    if (!agg.messages) {
      if (message === agg.first) return RECORD;
      agg.messages = new Set([agg.first]);
    }
    agg.messages.add(message);
    if (agg.messages.size < AGGREGATE_MAX_EVENTS) return RECORD;
    // keep the set from growing past the limit (client-go pops one at random; any one will do)
    agg.messages.delete(agg.messages.values().next().value as string);
    return { action: 'combine', message: COMBINED_PREFIX + message };
  }

  /** The spam filter's verdict on an event of this history's source about its object: whether it may be written now. */
  allow(history: SourceHistory, now: number): boolean {
    if (now > history.at) {
      history.tokens = Math.min(SPAM_BURST, history.tokens + (now - history.at) / SPAM_REFILL_MS);
      history.at = now;
    }
    if (history.tokens < 1) return false;
    history.tokens -= 1;
    return true;
  }
}
