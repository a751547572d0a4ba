/**
 * The API server: every Client call, for every kind, through one fixed pipeline (DESIGN rule 2):
 * create.ts, update.ts (update, updateStatus), patch.ts, read.ts (get, list), deletion.ts.
 * Every write goes through here; the store records each as a change.
 */
import type { BindOptions, Client, DeleteOptions, EvictOptions, ImmediateWrites, ListOptions, PatchType, ReviewOptions, WriteOptions } from '../api/client.js';
import type { Registry } from '../api/registry.js';
import type { KubeObject, ObjectList } from '../api/types.js';
import type { Store } from '../store/store.js';
import type { Clock } from '../util/clock.js';
import type { ServerContext } from './context.js';
import { bindPod } from './binding.js';
import { createObject } from './create.js';
import { deleteObject } from './deletion.js';
import { patchObject } from './patch.js';
import { getObject, listObjects, peekObject } from './read.js';
import { kindFor } from './resolve.js';
import { updateObject, updateStatus } from './update.js';
import { expireEvents } from './event-ttl.js';
import { evictPod } from './eviction.js';
import { afterCrdWrite, isCrdKind } from './custom-resources.js';
import type { KindDef } from '../api/kind.js';
import { serveReview } from './authorization/reviews.js';

export interface ApiServerOptions {
  store: Store;
  registry: Registry;
  clock: Clock;
  random?: () => number;
  /** Awaited before every write that may change the store (the cluster takes its write lock here). */
  beforeWrite?: () => Promise<void>;
  /**
   * Whether beforeWrite has nothing left to do (the cluster holds its write lock), so a write may be
   * served at once (Client.immediate). Without beforeWrite, always.
   */
  writesNow?: () => boolean;
  /** Told about every object that leaves the store (the control loop's view of deletes). */
  onRemoved?: (key: string, obj: KubeObject, revision: number) => void;
}

export class ApiServer implements Client {
  private readonly ctx: ServerContext;
  private readonly beforeWrite: () => Promise<void>;
  private readonly writesNow: () => boolean;
  readonly immediate: ImmediateWrites = {
    create: (resource, obj, opts) => {
      const kind = kindFor(this.ctx.registry, resource);
      return this.writeNow(opts?.dryRun === 'All', () => createObject(this.ctx, kind, obj, opts), kind);
    },
    updateStatus: (resource, obj, opts) => {
      const kind = kindFor(this.ctx.registry, resource);
      return this.writeNow(opts?.dryRun === 'All', () => updateStatus(this.ctx, kind, obj, opts), kind, obj.metadata?.name);
    },
    bind: (namespace, name, nodeName, opts) => {
      const pods = kindFor(this.ctx.registry, 'pods');
      return this.writeNow(opts?.dryRun === 'All', () => bindPod(this.ctx, pods, namespace, name, nodeName, opts));
    },
  };

  constructor(opts: ApiServerOptions) {
    this.ctx = { store: opts.store, registry: opts.registry, clock: opts.clock, random: opts.random ?? Math.random, onRemoved: opts.onRemoved };
    this.beforeWrite = opts.beforeWrite ?? (async () => {});
    this.writesNow = opts.writesNow ?? (() => opts.beforeWrite === undefined);
  }

  get registry(): Registry {
    return this.ctx.registry;
  }

  private async write<T extends KubeObject | void>(dryRun: boolean, f: () => T, kind?: KindDef, name?: string): Promise<T> {
    if (!dryRun) await this.beforeWrite();
    return this.served(dryRun, f, kind, name);
  }

  /** write() at once, or undefined when beforeWrite has something to do (Client.immediate). */
  private writeNow(dryRun: boolean, f: () => KubeObject, kind?: KindDef, name?: string): KubeObject | undefined {
    return dryRun || this.writesNow() ? this.served(dryRun, f, kind, name) : undefined;
  }

  private served<T extends KubeObject | void>(dryRun: boolean, f: () => T, kind?: KindDef, name?: string): T {
    const out = f();
    // a CRD's write changes which custom resources are served (custom-resources.ts)
    if (kind && !dryRun && isCrdKind(kind)) afterCrdWrite(this.ctx, kind, name ?? (out as KubeObject | undefined)?.metadata?.name ?? '');
    return out;
  }

  /**
   * Deletes the Events that have expired (event-ttl.ts: etcd's lease expiry, which no client
   * asks for); returns when the next of those left expires. The caller holds the write lock.
   */
  expireEvents(): number | undefined {
    return expireEvents(this.ctx);
  }

  async get(resource: string, namespace: string | undefined, name: string): Promise<KubeObject> {
    return getObject(this.ctx, kindFor(this.ctx.registry, resource), namespace, name);
  }

  /** The stored object itself, read-only (Client.peek). */
  async peek(resource: string, namespace: string | undefined, name: string): Promise<KubeObject> {
    return peekObject(this.ctx, kindFor(this.ctx.registry, resource), namespace, name);
  }

  async list(resource: string, opts?: ListOptions): Promise<ObjectList> {
    return listObjects(this.ctx, kindFor(this.ctx.registry, resource), opts);
  }

  async create(resource: string, obj: KubeObject, opts?: WriteOptions): Promise<KubeObject> {
    const kind = kindFor(this.ctx.registry, resource);
    return this.write(opts?.dryRun === 'All', () => createObject(this.ctx, kind, obj, opts), kind);
  }

  async update(resource: string, obj: KubeObject, opts?: WriteOptions): Promise<KubeObject> {
    const kind = kindFor(this.ctx.registry, resource);
    return this.write(opts?.dryRun === 'All', () => updateObject(this.ctx, kind, obj, opts), kind, obj.metadata?.name);
  }

  async updateStatus(resource: string, obj: KubeObject, opts?: WriteOptions): Promise<KubeObject> {
    const kind = kindFor(this.ctx.registry, resource);
    return this.write(opts?.dryRun === 'All', () => updateStatus(this.ctx, kind, obj, opts), kind, obj.metadata?.name);
  }

  async patch(resource: string, namespace: string | undefined, name: string, type: PatchType, patch: unknown, opts?: WriteOptions): Promise<KubeObject> {
    const kind = kindFor(this.ctx.registry, resource);
    return this.write(opts?.dryRun === 'All', () => patchObject(this.ctx, kind, namespace, name, type, patch, opts), kind, name);
  }

  async bind(namespace: string | undefined, name: string, nodeName: string, opts?: BindOptions): Promise<KubeObject> {
    const pods = kindFor(this.ctx.registry, 'pods');
    return this.write(opts?.dryRun === 'All', () => bindPod(this.ctx, pods, namespace, name, nodeName, opts));
  }

  async delete(resource: string, namespace: string | undefined, name: string, opts?: DeleteOptions): Promise<KubeObject> {
    const kind = kindFor(this.ctx.registry, resource);
    return this.write(opts?.dryRun === 'All', () => deleteObject(this.ctx, kind, namespace, name, opts), kind, name);
  }

  async evict(namespace: string, name: string, opts?: EvictOptions): Promise<void> {
    const pods = kindFor(this.ctx.registry, 'pods');
    const pdbs = kindFor(this.ctx.registry, 'poddisruptionbudgets');
    return this.write(opts?.dryRun === 'All', () => evictPod(this.ctx, pods, pdbs, namespace, name, opts));
  }

  /** Reviews are never stored: a read of the RBAC objects, no write lock. */
  async review(body: KubeObject, opts?: ReviewOptions): Promise<KubeObject> {
    return serveReview(this.ctx, body, opts);
  }
}

