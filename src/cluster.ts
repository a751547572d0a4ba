/**
 * The cluster of one invocation (DESIGN rule 5): the store, the API server over it, simulated time,
 * and the control loop. Reads never wait; the first write takes the cross-process write lock (then
 * refreshes the store so it writes on top of the newest state). close() runs the control loop until
 * nothing is due now, commits, and releases the lock.
 *
 * Cluster time = base clock + an offset kept in the store (`clockOffsetMs`); advance() raises it.
 */
import type { Client } from './api/client.js';
import type { Registry } from './api/registry.js';
import { kindRegistry } from './api/kinds/index.js';
import { ApiServer } from './apiserver/api-server.js';
import { serveStoredCustomResources } from './apiserver/custom-resources.js';
import { internalClient } from './apiserver/internal-client.js';
import {
  type BootstrapOptions, bootstrapCluster, BOOTSTRAP_POLICY_VERSION, ensureBootstrapPolicy, ensureSystemPriorityClasses, SYSTEM_PRIORITY_CLASS_NAMES,
} from './apiserver/bootstrap.js';
import { generateClusterCA, type ClusterCA } from './apiserver/ca-cert.js';
import { type ChangeEvent, ChangeFeed } from './apiserver/change-feed.js';
import type { Reconciler } from './controllers/reconciler.js';
import { MAX_ADVANCE_STEPS } from './cluster-limits.js';
import { ControlLoop } from './cluster-control-loop.js';
import { clusterReconcilers } from './cluster-reconcilers.js';
import { registryKey, type Store, type WriteLock } from './store/store.js';
import { type Clock, OffsetClock, rfc3339, wallClock } from './util/clock.js';

export type { BootstrapOptions };

export interface ClusterOptions {
  clock?: Clock;
  /** Used when the store is new. */
  bootstrap?: BootstrapOptions;
  registry?: Registry;
  random?: () => number;
  /** Told about every reconcile that threw (the key is retried with back-off either way). */
  onReconcileError?: (reconciler: string, key: string, error: unknown) => void;
}

const META_OFFSET = 'clockOffsetMs';
const META_BOOTSTRAPPED = 'bootstrapped';
const META_CA = 'clusterCA';
/** Which BOOTSTRAP_POLICY_VERSION this cluster's default RBAC objects are at (one meta read per start). */
const META_RBAC_POLICY = 'bootstrapPolicyVersion';

function reportWhenDebugging(reconciler: string, key: string, error: unknown): void {
  if (process.env.POCKETKUBE_DEBUG) process.stderr.write(`reconcile ${reconciler} ${key}: ${error instanceof Error ? error.stack : String(error)}\n`);
}

export class Cluster {
  readonly client: Client;
  readonly registry: Registry;
  readonly clock: OffsetClock;
  private readonly feed: ChangeFeed;
  private readonly loop: ControlLoop;
  private closed = false;
  private locking: Promise<void> | undefined;
  private locked = false;

  private constructor(
    readonly store: Store,
    private readonly lock: WriteLock | undefined,
    opts: ClusterOptions,
  ) {
    // a copy of its own: it serves the custom resources of this cluster's CRDs
    this.registry = (opts.registry ?? kindRegistry()).copy();
    serveStoredCustomResources(store, this.registry);
    this.clock = new OffsetClock(opts.clock ?? wallClock, store.getMeta<number>(META_OFFSET) ?? 0);
    this.feed = new ChangeFeed(store);
    const server = new ApiServer({
      store,
      registry: this.registry,
      clock: this.clock,
      random: opts.random,
      beforeWrite: () => this.ensureLock(),
      writesNow: () => !this.lock || this.locked,
      onRemoved: this.feed.removed,
    });
    this.client = server;
    const components = internalClient(server);
    this.loop = new ControlLoop({
      store,
      feed: this.feed,
      clock: this.clock,
      components,
      ensureLock: () => this.ensureLock(),
      onReconcileError: opts.onReconcileError ?? reportWhenDebugging,
    });
    const reconcilers = clusterReconcilers({
      registry: this.registry,
      clock: this.clock,
      components,
      caCert: () => store.getMeta<ClusterCA>(META_CA)?.cert,
      expireEvents: () => server.expireEvents(),
    });
    for (const r of reconcilers) {
      this.register(r);
    }
  }

  /** Opens (creating and bootstrapping if new) the cluster whose state lives in `dir`. */
  static async open(opts: ClusterOptions & { dir: string }): Promise<Cluster> {
    const { dir } = opts;
    const [{ LmdbStore }, { FileWriteLock }] = await Promise.all([import('./store/lmdb-store.js'), import('./store/write-lock.js')]);
    const store = LmdbStore.open(dir);
    const cluster = new Cluster(store, new FileWriteLock(dir), opts);
    try {
      await cluster.init(opts.bootstrap);
    } catch (e) {
      await cluster.abort();
      throw e;
    }
    return cluster;
  }

  /** A cluster over a given store (tests: a MemoryStore), without a cross-process lock. */
  static async inMemory(opts: ClusterOptions & { store?: Store } = {}): Promise<Cluster> {
    const store = opts.store ?? new (await import('./store/memory-store.js')).MemoryStore();
    const cluster = new Cluster(store, undefined, opts);
    await cluster.init(opts.bootstrap);
    return cluster;
  }

  private async init(bootstrap: BootstrapOptions | undefined): Promise<void> {
    if (this.store.getMeta<boolean>(META_BOOTSTRAPPED)) {
      const priorityClasses = SYSTEM_PRIORITY_CLASS_NAMES.every((name) => this.store.peek(registryKey('priorityclasses', undefined, name)));
      const policy = (this.store.getMeta<number>(META_RBAC_POLICY) ?? 0) >= BOOTSTRAP_POLICY_VERSION;
      if (priorityClasses && policy) return;
      // bootstrapped by a build that did not create them (they cannot be deleted)
      await this.ensureLock();
      if (!priorityClasses) await ensureSystemPriorityClasses(this.client);
      if (!policy) {
        await ensureBootstrapPolicy(this.client);
        this.store.setMeta(META_RBAC_POLICY, BOOTSTRAP_POLICY_VERSION);
        // admin/edit/view get their aggregated rules now, not at some later write
        await this.reconcile();
      }
      this.feed.persist();
      this.store.commit();
      return;
    }
    await this.ensureLock();
    if (this.store.getMeta<boolean>(META_BOOTSTRAPPED)) return;
    this.store.setMeta(META_CA, generateClusterCA(this.clock.now()));
    await bootstrapCluster(this.client, rfc3339(this.clock.now()), bootstrap);
    this.store.setMeta(META_BOOTSTRAPPED, true);
    this.store.setMeta(META_RBAC_POLICY, BOOTSTRAP_POLICY_VERSION);
    await this.reconcile();
    this.feed.persist();
    this.store.commit();
  }

  now(): Date {
    return this.clock.now();
  }

  register(reconciler: Reconciler): void {
    this.loop.register(reconciler);
  }

  /** Takes the write lock if not held, then reads the newest committed state (offset included). */
  private ensureLock(): Promise<void> {
    // `locked` spares a read of the lock file per write (held() reads it)
    if (!this.lock || this.locked) return Promise.resolve();
    // concurrent first writes share one acquisition
    this.locking ??= this.lock.acquire().then(
      () => {
        this.locking = undefined;
        this.locked = true;
        this.store.refresh();
        this.clock.offsetMs = this.store.getMeta<number>(META_OFFSET) ?? 0;
      },
      (e: unknown) => {
        this.locking = undefined;
        throw e;
      },
    );
    return this.locking;
  }

  /** Moves cluster time forward (persisted with the next commit). */
  async advance(ms: number): Promise<void> {
    await this.ensureLock();
    this.clock.offsetMs += ms;
    this.store.setMeta(META_OFFSET, this.clock.offsetMs);
  }

  /**
   * Moves cluster time forward by `ms` the way a live cluster would live through it: from due time to
   * due time (each delayed key that falls due on the way runs at its own instant, in due order), then
   * to the end. Returns how many steps it took.
   */
  async advanceStepwise(ms: number): Promise<number> {
    await this.ensureLock();
    const targetOffset = this.clock.offsetMs + ms;
    await this.reconcile();
    let steps = 0;
    for (; steps < MAX_ADVANCE_STEPS; steps++) {
      const now = this.clock.now().getTime();
      const end = now + (targetOffset - this.clock.offsetMs);
      const due = this.store.nextDue();
      const stop = due !== undefined && due < end ? due : end;
      if (stop > now) await this.advance(stop - now);
      await this.reconcile();
      if (stop === end) break;
    }
    return steps;
  }

  /** Runs the control loop until nothing is due now (see ControlLoop). */
  reconcile(): Promise<void> {
    return this.loop.run();
  }

  /**
   * Commit and release now, keeping the store open (commands that wait: `wait`, `get --watch`):
   * runs the loop until quiet, makes this invocation's writes durable and lets other processes
   * write while this one sleeps. The next write takes the lock again (and reads the newest state).
   */
  async commitAndRelease(): Promise<void> {
    if (this.closed) return;
    await this.reconcile();
    this.feed.persist();
    if (this.store.dirty()) this.store.commit();
    this.locked = false;
    if (this.lock?.held()) this.lock.release();
  }

  /**
   * Commit and release now, without running the control loop: what an API server does before it
   * answers a write (`serve`, whose control loop runs on its own ticks, as controllers react to
   * changes some moments after them). The next reconcile takes the changes from the change log.
   */
  commitWrites(): void {
    if (this.closed) return;
    this.feed.persist();
    if (this.store.dirty()) this.store.commit();
    this.locked = false;
    if (this.lock?.held()) this.lock.release();
  }

  /**
   * Makes reads see what other processes committed (objects, simulated-time offset) while this one
   * holds no lock. A no-op while holding the lock: then nobody else can have written.
   */
  refresh(): void {
    if (this.closed || this.lock?.held() || this.store.dirty()) return;
    this.store.refresh();
    this.clock.offsetMs = this.store.getMeta<number>(META_OFFSET) ?? 0;
  }

  /** The global revision (what a watch starts from). */
  revision(): number {
    return this.store.revision();
  }

  /** Changes after `since`, oldest first, with their objects (the watch feed). */
  changesSince(since: number, limit?: number): ChangeEvent[] {
    return this.feed.since(since, limit);
  }

  /** Cluster time (epoch ms) when the next delayed key falls due, if any. */
  nextDue(): number | undefined {
    return this.store.nextDue();
  }

  /**
   * Commits the request's writes, reconciles, commits and releases. The request's writes are durable
   * before the loop runs (an API server stores a write before it answers), so a process killed while
   * reconciling loses only the loop's work since its last checkpoint (see CHECKPOINT_WRITES), which
   * the next invocation redoes from the change log. On failure the loop's work since then is dropped.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      this.feed.persist();
      if (this.store.dirty()) this.store.commit();
      await this.reconcile();
      this.feed.persist();
      if (this.store.dirty()) this.store.commit();
    } catch (e) {
      await this.abort();
      throw e;
    }
    this.finish();
  }

  /** Drops uncommitted writes, releases the lock, closes the store. */
  async abort(): Promise<void> {
    if (this.closed) return;
    try {
      this.store.rollback();
    } finally {
      this.finish();
    }
  }

  private finish(): void {
    this.closed = true;
    try {
      this.locked = false;
      if (this.lock?.held()) this.lock.release();
    } finally {
      this.store.close();
    }
  }
}
