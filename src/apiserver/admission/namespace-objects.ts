/**
 * Which objects of one resource each namespace holds (its LimitRanges, its ResourceQuotas): what
 * the admission plugins reading them ask on every pod create, as kube-apiserver asks an informer.
 * One scan of the resource's keys is remembered per API server while the store's epoch stays and
 * no object of the resource went through admission since (every create, update and delete does).
 * A namespace without any costs a map lookup, so a scale-up where there are none pays nothing more.
 */
import type { KubeObject } from '../../api/types.js';
import { registryPrefix } from '../../store/store.js';
import type { AdmissionAttributes, ServerContext } from '../context.js';

interface Remembered {
  epoch: number;
  writes: number;
  byNamespace: Map<string, string[]>;
}

const NONE: readonly string[] = [];

export class NamespaceObjects {
  private readonly remembered = new WeakMap<ServerContext, Remembered>();
  private readonly writes = new WeakMap<ServerContext, number>();

  constructor(readonly resource: string) {}

  /**
   * Notes a write of one of the objects going through admission; returns what notes it again once
   * stored (a read between the two, by this request's own checks, must not be kept).
   */
  written(a: AdmissionAttributes): () => void {
    const bump = () => this.writes.set(a.ctx, (this.writes.get(a.ctx) ?? 0) + 1);
    bump();
    return bump;
  }

  /** The store keys of the namespace's objects, in name order. */
  keysIn(ctx: ServerContext, namespace: string): readonly string[] {
    const epoch = ctx.store.epoch();
    const writes = this.writes.get(ctx) ?? 0;
    let last = this.remembered.get(ctx);
    if (!last || last.epoch !== epoch || last.writes !== writes) {
      const prefix = registryPrefix(this.resource);
      const byNamespace = new Map<string, string[]>();
      for (const key of ctx.store.keys(prefix)) {
        const ns = key.slice(prefix.length, key.indexOf('/', prefix.length));
        const keys = byNamespace.get(ns);
        if (keys) keys.push(key);
        else byNamespace.set(ns, [key]);
      }
      last = { epoch, writes, byNamespace };
      this.remembered.set(ctx, last);
    }
    return last.byNamespace.get(namespace) ?? NONE;
  }

  /** The namespace's objects as stored (shared: never to be changed). */
  in(ctx: ServerContext, namespace: string): Readonly<KubeObject>[] {
    const out: Readonly<KubeObject>[] = [];
    for (const key of this.keysIn(ctx, namespace)) {
      const obj = ctx.store.peek(key);
      if (obj) out.push(obj);
    }
    return out;
  }
}
