import { CUSTOM_RESOURCES, type Reconciler, type Watch } from './reconciler.js';

/** A watch, with the reconciler its keys go to. */
export interface Watcher {
  reconciler: Reconciler;
  watch: Watch;
}

const NONE: readonly Watcher[] = [];

type ChangeType = 'put' | 'delete';

/**
 * The control loop's reconcilers, and what the loop asks of them for every change: whether any of
 * them watches that kind of change of that resource (changes of others need not be read), and the
 * watches it goes to, in registration order. Both are worked out once per registration, not per
 * change (the garbage collector alone watches every resource but Events).
 */
export class ReconcilerSet {
  private readonly list: Reconciler[] = [];
  private byType: Record<ChangeType, Map<string, Watcher[]>> | undefined;

  add(reconciler: Reconciler): void {
    this.list.push(reconciler);
    this.byType = undefined;
  }

  /** The reconciler whose name (and delayed-key queue) is `name`. */
  named(name: string): Reconciler | undefined {
    return this.list.find((r) => r.name === name);
  }

  /** Whether some reconciler watches changes of this type of `resource` (bound: a change feed's filter). */
  readonly wants = (resource: string, type: ChangeType): boolean => this.watchersOf(resource, type).length > 0;

  /** The watches a change of this type of `resource` goes to, in the order their reconcilers were added. */
  watchersOf(resource: string, type: ChangeType): readonly Watcher[] {
    const byResource = this.index()[type];
    return byResource.get(resource) ?? (resource.includes('.') ? byResource.get(CUSTOM_RESOURCES) : undefined) ?? NONE;
  }

  private index(): Record<ChangeType, Map<string, Watcher[]>> {
    if (this.byType === undefined) {
      const byType = { put: new Map<string, Watcher[]>(), delete: new Map<string, Watcher[]>() };
      for (const reconciler of this.list) {
        for (const watch of reconciler.watches) {
          for (const type of watch.deletesOnly ? (['delete'] as const) : (['put', 'delete'] as const)) {
            const list = byType[type].get(watch.resource);
            if (list) list.push({ reconciler, watch });
            else byType[type].set(watch.resource, [{ reconciler, watch }]);
          }
        }
      }
      this.byType = byType;
    }
    return this.byType;
  }
}
