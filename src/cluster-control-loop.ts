/**
 * The control loop of one cluster (DESIGN rule 5): collects the changes since the last reconciled
 * revision and the delayed keys now due, runs the reconcilers over them round after round until
 * nothing is due now (bounded by MAX_ROUNDS / MAX_RECONCILES), and commits a checkpoint whenever a
 * round leaves enough writes pending. src/cluster.ts owns the store, the lock and the clock it runs on.
 */
import type { Client } from './api/client.js';
import type { ChangeFeed } from './apiserver/change-feed.js';
import { type Reconciler, WorkQueue } from './controllers/reconciler.js';
import { ReconcilerSet } from './controllers/reconciler-set.js';
import { CHECKPOINT_WRITES, HEAP_BOUND_BYTES, HEAP_GROWTH, MAX_RECONCILES, MAX_ROUNDS } from './cluster-limits.js';
import type { Store } from './store/store.js';
import type { Clock } from './util/clock.js';
import { HeapBound, yieldToCollector } from './util/heap.js';

/** The store meta key of the last revision whose changes the loop has collected. */
const META_RECONCILED = 'reconciledRevision';

export interface ControlLoopDeps {
  store: Store;
  feed: ChangeFeed;
  clock: Clock;
  /** What the controllers, scheduler and kubelets write through (see internalClient). */
  components: Client;
  /** Takes the cross-process write lock before the loop writes. */
  ensureLock: () => Promise<void>;
  /** Told about every reconcile that threw (the key is retried with back-off either way). */
  onReconcileError: (reconciler: string, key: string, error: unknown) => void;
}

export class ControlLoop {
  private readonly reconcilers = new ReconcilerSet();
  private readonly queue = new WorkQueue();
  private readonly heap = new HeapBound(HEAP_BOUND_BYTES, HEAP_GROWTH);

  constructor(private readonly deps: ControlLoopDeps) {}

  register(reconciler: Reconciler): void {
    this.reconcilers.add(reconciler);
  }

  /** Whether changes wait to be collected or a delayed key is due now. */
  hasWork(): boolean {
    const { store, clock } = this.deps;
    const reconciled = store.getMeta<number>(META_RECONCILED) ?? 0;
    const due = store.nextDue();
    return store.revision() > reconciled || (due !== undefined && due <= clock.now().getTime());
  }

  /** Runs the reconcilers until nothing is due now (bounded by MAX_ROUNDS / MAX_RECONCILES). */
  async run(): Promise<void> {
    if (!this.hasWork()) return;
    await this.deps.ensureLock();
    let count = 0;
    for (let round = 0; round < MAX_ROUNDS && count < MAX_RECONCILES; round++) {
      this.collect();
      if (this.queue.size === 0) return;
      // Three phases, each over what the phases before it wrote: the controllers, then the
      // batching reconciler (the scheduler), then the kubelets. A pod created in a round is bound
      // and started in it, so a checkpoint finds it done and stores it once (with the kubelets in
      // the first phase, a third of a scale-up's pods were stored twice). The keys each collect
      // brings for an earlier phase wait for the next round (persistQueued() keeps them).
      const batches = new Map<Reconciler, string[]>();
      for (const { reconciler, key } of this.queue.drain(isEarly)) {
        count++;
        if (reconciler.reconcileBatch) addTo(batches, reconciler, key);
        else await this.reconcileOne(reconciler, key);
      }
      this.collect();
      for (const { reconciler, key } of this.queue.drain(isBatching)) {
        count++;
        addTo(batches, reconciler, key);
      }
      for (const [reconciler, keys] of batches) await this.reconcileBatch(reconciler, keys);
      this.collect();
      for (const { reconciler, key } of this.queue.drain(isLate)) {
        count++;
        await this.reconcileOne(reconciler, key);
      }
      if (this.deps.store.pendingWrites() >= CHECKPOINT_WRITES) this.checkpoint();
      // the heap is bounded at every round's end (a round of a scale-up allocates ~30 MB); the
      // loop's awaits never let the event loop turn, which a collection needs to start and to end
      if (this.heap.check()) await yieldToCollector();
    }
    // the bounds stopped the loop: what is queued still runs, at the next invocation
    this.persistQueued();
  }

  /** Queues the keys changed since the last reconciled revision and the delayed keys now due. */
  private collect(): void {
    const { store, feed, clock } = this.deps;
    const since = store.getMeta<number>(META_RECONCILED) ?? 0;
    // the informers' view: stored objects, shared and never changed (no copy per change)
    const events = feed.since(since, undefined, this.reconcilers.wants, true);
    for (const ev of events) {
      if (!ev.object) continue;
      for (const { reconciler, watch } of this.reconcilers.watchersOf(ev.resource, ev.type)) {
        // indexed: a for-of here made an iterator per change and watch (a ninth of the loop's garbage)
        const keys = watch.keys(ev.object, ev.type);
        for (let i = 0; i < keys.length; i++) this.queue.add(reconciler, keys[i]!);
      }
    }
    const last = events.length > 0 ? events[events.length - 1]!.revision : since;
    if (last > since) {
      store.setMeta(META_RECONCILED, last);
      feed.consumed(last);
    }
    for (const d of store.takeDue(clock.now().getTime())) {
      const r = this.reconcilers.named(d.queue);
      if (r) this.queue.add(r, d.key);
    }
  }

  private async reconcileOne(reconciler: Reconciler, key: string): Promise<void> {
    const { store, clock, components } = this.deps;
    try {
      const res = await reconciler.reconcile(key, { client: components, clock });
      this.queue.succeeded(reconciler, key);
      if (res?.requeueAfter !== undefined) {
        store.addDelayed({ due: clock.now().getTime() + Math.max(0, res.requeueAfter), queue: reconciler.name, key });
      }
    } catch (e) {
      this.deps.onReconcileError(reconciler.name, key, e);
      store.addDelayed({ due: clock.now().getTime() + this.queue.failed(reconciler, key), queue: reconciler.name, key });
    }
  }

  /** One pass of a batching reconciler over its keys of this round. */
  private async reconcileBatch(reconciler: Reconciler, keys: string[]): Promise<void> {
    const { store, clock, components } = this.deps;
    const now = () => clock.now().getTime();
    try {
      const results = await reconciler.reconcileBatch!(keys, { client: components, clock });
      for (const key of keys) this.queue.succeeded(reconciler, key);
      for (const [key, res] of results) {
        if (res.requeueAfter !== undefined) store.addDelayed({ due: now() + Math.max(0, res.requeueAfter), queue: reconciler.name, key });
      }
    } catch (e) {
      for (const key of keys) {
        this.deps.onReconcileError(reconciler.name, key, e);
        store.addDelayed({ due: now() + this.queue.failed(reconciler, key), queue: reconciler.name, key });
      }
    }
  }

  /**
   * Stores the keys queued and not yet reconciled as delayed keys due now. Their changes are
   * collected already (the reconciled revision is past them), so a process killed after the next
   * commit, or a loop stopped by its bounds, would otherwise lose them; the next collect takes them
   * back (the queue holds a key once).
   */
  private persistQueued(): void {
    const now = this.deps.clock.now().getTime();
    for (const { reconciler, key } of this.queue.pending()) this.deps.store.addDelayed({ due: now, queue: reconciler.name, key });
  }

  /** Makes the work done so far durable (the lock stays held). */
  private checkpoint(): void {
    this.persistQueued();
    this.deps.feed.persist();
    this.deps.store.commit();
  }
}

const isEarly = (r: Reconciler) => !r.afterBatch;
const isBatching = (r: Reconciler) => !!r.reconcileBatch;
const isLate = (r: Reconciler) => !!r.afterBatch && !r.reconcileBatch;

function addTo(batches: Map<Reconciler, string[]>, reconciler: Reconciler, key: string): void {
  const keys = batches.get(reconciler);
  if (keys) keys.push(key);
  else batches.set(reconciler, [key]);
}
