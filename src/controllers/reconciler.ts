/**
 * Controllers are level-triggered reconcilers (DESIGN rule 3): a key in (`namespace/name` or
 * `name`), one step toward the desired state, `{ requeueAfter }` for work due later; a thrown
 * error means retry with back-off. The cluster's control loop (src/cluster-control-loop.ts) feeds them.
 */
import type { Client } from '../api/client.js';
import type { KubeObject } from '../api/types.js';
import type { Clock } from '../util/clock.js';

export interface ReconcileContext {
  client: Client;
  clock: Clock;
}

export interface ReconcileResult {
  /** Reconcile this key again after this many milliseconds of cluster time. */
  requeueAfter?: number;
}

/**
 * A watch's resource that stands for every custom resource (`plural.group`: built-in plurals have
 * no dot), whichever CRDs the cluster serves now or later.
 */
export const CUSTOM_RESOURCES = '*.';

export interface Watch {
  /** Plural resource name, e.g. `pods` (CUSTOM_RESOURCES: every custom resource). */
  resource: string;
  /**
   * The keys a changed object affects (a Pod → its owner ReplicaSet's key). For a deleted object
   * this gets the object as it last was (or, if that is no longer known, just its namespace and name).
   * `type` says which (a put hands over the object as it is now), so a watch can keep a cache.
   */
  keys(obj: KubeObject, type: 'put' | 'delete'): string[];
  /** Only deletions matter to this watch: puts of the resource are neither read for it nor handed to keys(). */
  deletesOnly?: boolean;
}

export interface Reconciler {
  /** Also the delayed-key queue name: no `/`. */
  name: string;
  watches: Watch[];
  reconcile(key: string, ctx: ReconcileContext): Promise<ReconcileResult | void>;
  /**
   * Optional: takes all of this reconciler's keys of one round at once, after the per-key reconcilers of
   * that round and before the afterBatch ones (work that is cheaper as one pass, like the scheduler's).
   * Returns the keys to requeue — which may include keys not in `keys`; a throw retries every key
   * with back-off.
   */
  reconcileBatch?(keys: string[], ctx: ReconcileContext): Promise<Map<string, ReconcileResult>>;
  /**
   * Runs after the batching reconcilers in each round (the kubelets, after the scheduler): what the
   * round created and bound is acted on in that round.
   */
  afterBatch?: boolean;
}

/** The object's own key: `namespace/name`, or `name` when cluster-scoped. */
export function keyOf(obj: KubeObject): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : (obj.metadata.name ?? '');
}

/** Splits a `namespace/name` key (cluster-scoped keys have no namespace). */
export function splitKey(key: string): { namespace?: string; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

/** Exponential back-off for failing keys: 5 ms, 10 ms, 20 ms … capped (client-go's default controller limiter). */
export function backoffDelay(failures: number, baseMs = 5, capMs = 1_000_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, Math.min(failures - 1, 40)));
}

/**
 * A work queue of (reconciler, key) pairs: a pair queued again before it is processed is
 * processed once. Failure counts drive the back-off and reset on success.
 */
export class WorkQueue {
  private items = new Map<string, { reconciler: Reconciler; key: string }>();
  private readonly failures = new Map<string, number>();

  add(reconciler: Reconciler, key: string): void {
    const id = `${reconciler.name}\u0000${key}`;
    if (!this.items.has(id)) this.items.set(id, { reconciler, key });
  }

  get size(): number {
    return this.items.size;
  }

  /** What is queued now for the reconcilers `which` picks, in order; the others' items stay queued. */
  drain(which: (reconciler: Reconciler) => boolean = () => true): { reconciler: Reconciler; key: string }[] {
    const out: { reconciler: Reconciler; key: string }[] = [];
    for (const [id, item] of this.items) {
      if (!which(item.reconciler)) continue;
      out.push(item);
      this.items.delete(id);
    }
    return out;
  }

  /** Everything queued now, in order, left queued. */
  pending(): Iterable<{ reconciler: Reconciler; key: string }> {
    return this.items.values();
  }

  /** Records a failure; returns the back-off delay before the next try. */
  failed(reconciler: Reconciler, key: string): number {
    const id = `${reconciler.name}\u0000${key}`;
    const n = (this.failures.get(id) ?? 0) + 1;
    this.failures.set(id, n);
    return backoffDelay(n);
  }

  succeeded(reconciler: Reconciler, key: string): void {
    this.failures.delete(`${reconciler.name}\u0000${key}`);
  }
}
