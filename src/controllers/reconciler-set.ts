import type { Reconciler, Watch } from './reconciler.js';

/** A watch, with the reconciler its keys go to. */
export interface Watcher {
  reconciler: Reconciler;
  watch: Watch;
}

const NONE: readonly Watcher[] = [];

/**
 * The control loop's reconcilers, and what the loop asks of them for every change: which resources
 * any of them watches (changes of others need not be read), and the watches of one resource in
 * registration order. Both are worked out once per registration, not per change (the garbage
 * collector alone watches every resource).
 */
export class ReconcilerSet {
  private readonly list: Reconciler[] = [];
  private byResource: Map<string, Watcher[]> | undefined;
  private watchedResources: ReadonlySet<string> | undefined;

  add(reconciler: Reconciler): void {
    this.list.push(reconciler);
    this.byResource = undefined;
    this.watchedResources = undefined;
  }

  /** The reconciler whose name (and delayed-key queue) is `name`. */
  named(name: string): Reconciler | undefined {
    return this.list.find((r) => r.name === name);
  }

  /** The resources some reconciler watches. */
  resources(): ReadonlySet<string> {
    this.watchedResources ??= new Set(this.index().keys());
    return this.watchedResources;
  }

  /** The watches of `resource`, in the order their reconcilers were added. */
  watchersOf(resource: string): readonly Watcher[] {
    return this.index().get(resource) ?? NONE;
  }

  private index(): Map<string, Watcher[]> {
    if (this.byResource === undefined) {
      const byResource = new Map<string, Watcher[]>();
      for (const reconciler of this.list) {
        for (const watch of reconciler.watches) {
          const list = byResource.get(watch.resource);
          if (list) list.push({ reconciler, watch });
          else byResource.set(watch.resource, [{ reconciler, watch }]);
        }
      }
      this.byResource = byResource;
    }
    return this.byResource;
  }
}
