import type { Database } from 'lmdb';
import type { KeyRange, WriteOp } from './kv-backend.js';
import { allOrderedRange, isOrdered, orderedNamespace, orderedDigits } from './event-keys.js';

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

/** The `sys` key of the spans. */
const SPANS_KEY = 'eventSpans';

/**
 * Inside a write transaction (`txn`), after its writes: stores the spans with this commit, those of
 * the last commit widened by the keys written, or, when the last commit did not store them (none
 * has yet, or an older build committed since), built anew from the keys.
 */
export function keepSpans(sys: Database, objects: Database, txn: number, written: readonly { op: WriteOp; key: string }[]): void {
  const last = sys.get(SPANS_KEY) as SpansRecord | undefined;
  let spans: EventSpans;
  if (last?.txn === txn - 1) {
    spans = EventSpans.fromRecord(last);
    for (const { op, key } of written) if (op.space === 'objects' && op.value !== undefined && isOrdered(key)) spans.note(key);
  } else {
    spans = EventSpans.of(objects.getKeys(allOrderedRange()).map((key) => key as string));
  }
  sys.putSync(SPANS_KEY, spans.toRecord(txn));
}

/** The spans stored with the commit `newestTxn` (the newest), else undefined. */
export function storedSpans(sys: Database, newestTxn: number): EventSpans | undefined {
  const record = sys.get(SPANS_KEY) as SpansRecord | undefined;
  return record?.txn === newestTxn ? EventSpans.fromRecord(record) : undefined;
}
