import type { KeyRange } from './kv-backend.js';
import { orderedNamespace, orderedDigits } from './event-keys.js';

/**
 * Per namespace, the span of the LMDB keys its Events stored in creation order lie in
 * (event-keys.ts: `~<27 hex>/<ns>/<object>`). Those keys are in creation order across all
 * namespaces, so without it a list of one namespace's Events scans every one of them: in a cluster
 * with 120,000 Events, `describe pod` in a namespace with three pods read 120,000 keys (0.1 s).
 * With it, it reads the span that namespace's Events were created in.
 *
 * A span only grows (an Event deleted leaves it as it was): it may hold other namespaces' keys,
 * which the reader drops, never miss one of its own. It is stored with the commit that wrote it
 * (SpansRecord.txn), and trusted only while that commit is the newest: a commit by a build that
 * does not keep it (an older pocketkube) makes the readers scan all keys again, and the next commit
 * that keeps it builds it anew from the keys.
 */
export interface SpansRecord {
  /** The LMDB transaction that wrote it. */
  txn: number;
  /** By namespace: the digits of its first and last Event in order. */
  spans: Record<string, [string, string]>;
}

export class EventSpans {
  private constructor(private readonly spans: Map<string, [string, string]>) {}

  static empty(): EventSpans {
    return new EventSpans(new Map());
  }

  static fromRecord(record: SpansRecord): EventSpans {
    return new EventSpans(new Map(Object.entries(record.spans).map(([ns, [first, last]]) => [ns, [first, last]])));
  }

  /** Built from every LMDB key stored in order. */
  static of(storedKeys: Iterable<string>): EventSpans {
    const spans = EventSpans.empty();
    for (const key of storedKeys) spans.note(key);
    return spans;
  }

  /** Widens the span of a key's namespace to take in the key (an LMDB key stored in order). */
  note(stored: string): void {
    const ns = orderedNamespace(stored);
    const digits = orderedDigits(stored);
    const span = this.spans.get(ns);
    if (!span) this.spans.set(ns, [digits, digits]);
    else if (digits < span[0]) span[0] = digits;
    else if (digits > span[1]) span[1] = digits;
  }

  /** The LMDB range that holds every key stored in order of namespace ns; undefined when it has none. */
  range(ns: string): KeyRange | undefined {
    const span = this.spans.get(ns);
    // after `~<last>` comes `/`; `0` sorts after it and before any digit that follows `~`
    return span ? { start: `~${span[0]}`, end: `~${span[1]}0` } : undefined;
  }

  toRecord(txn: number): SpansRecord {
    return { txn, spans: Object.fromEntries(this.spans) };
  }
}
