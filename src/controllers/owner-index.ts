/**
 * An informer-like cache of one resource, indexed by owner UID. It is fed from the change events the
 * control loop hands to a reconciler's watches (`observe(obj, type)`), and filled per namespace from
 * one list the first time a namespace is asked about (`prime`). After that, questions such as "the
 * pods of this ReplicaSet" or "the dependents of this UID" cost the size of the answer, not a scan
 * of the namespace.
 *
 * It is only a cache of the store: a fresh process starts empty and primes again, so no state lives
 * here that the store does not hold (DESIGN rule 3). Objects may be projected to the few fields a
 * controller reads, to keep memory small at tens of thousands of objects.
 */
import type { Client } from '../api/client.js';
import type { KubeObject, OwnerReference } from '../api/types.js';

export type Projection = (obj: KubeObject) => KubeObject;

const ALL = '*';

export function controllerRef(obj: KubeObject): OwnerReference | undefined {
  const refs = obj.metadata.ownerReferences;
  if (refs) for (const r of refs) if (r.controller === true) return r;
  return undefined;
}

/** A `keep` for OwnerIndex: objects with an ownerReference to an owner of this kind. */
export const ownedByKind = (kind: string) => (obj: KubeObject): boolean => !!obj.metadata.ownerReferences?.some((r) => r.kind === kind);

/** A `keep` for OwnerIndex: objects with any ownerReference (dependents). */
export const hasOwners = (obj: KubeObject): boolean => (obj.metadata.ownerReferences?.length ?? 0) > 0;

function cacheKey(obj: KubeObject): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''}`;
}

export class OwnerIndex {
  private readonly objects = new Map<string, KubeObject>();
  /** owner UID → its dependents by key (the objects themselves: an answer needs no lookups). */
  private readonly byOwner = new Map<string, Map<string, KubeObject>>();
  /** namespace → objects without a controller (adoption candidates), by key. */
  private readonly orphanKeys = new Map<string, Map<string, KubeObject>>();
  private readonly primed = new Set<string>();

  /**
   * `keep` says which objects the cache holds at all (others are dropped as if deleted): a
   * controller that only ever asks for its own kind's dependents need not hold every pod.
   * `unchanged(cached, obj)` may say that obj's projection would be the cached one (what it projects
   * did not change): the cache then keeps it, with no new projection and no map writes.
   */
  constructor(
    readonly resource: string,
    private readonly project: Projection = (o) => o,
    private readonly keep: (obj: KubeObject) => boolean = () => true,
    private readonly unchanged?: (cached: KubeObject, obj: KubeObject) => boolean,
  ) {}

  /** Applies one change event: a put stores the object as it is now, a delete drops it. */
  observe(obj: KubeObject, type: 'put' | 'delete' = 'put'): KubeObject | undefined {
    const drop = type === 'delete' || !this.keep(obj);
    // an index of one owner kind sees every pod change: with nothing kept, one it does not keep
    // needs no key (a string made per change) and no lookup
    if (drop && this.objects.size === 0) return undefined;
    const key = cacheKey(obj);
    const before = this.objects.get(key);
    if (drop) {
      if (before) this.unindex(key, before);
      this.objects.delete(key);
      return before;
    }
    if (before && this.unchanged?.(before, obj)) return before;
    const slim = this.project(obj);
    this.objects.set(key, slim);
    // Most changes keep the owners (a status update): then the entries are replaced where they are,
    // which keeps the key string they were made with (one per object, not one per change kept
    // alive in each map) and spares the maps a delete and an insert.
    if (before && equalOwnerReferences(before.metadata.ownerReferences, slim.metadata.ownerReferences)) this.reindex(key, slim);
    else {
      if (before) this.unindex(key, before);
      this.index(key, slim);
    }
    return before;
  }

  /**
   * A watch's keys for one change: applies it, then names (`namespace/name`) the controller of
   * `ownerKind` that owned the object before the change and the one that owns it now.
   */
  controllerKeys(obj: KubeObject, type: 'put' | 'delete', ownerKind: string): string[] {
    const before = this.observe(obj, type);
    return distinctKeys(controllerKey(before, ownerKind), type === 'delete' ? undefined : controllerKey(obj, ownerKind));
  }

  /** The cached object at a key (`namespace/name`), if any. */
  cached(namespace: string | undefined, name: string): KubeObject | undefined {
    return this.objects.get(`${namespace ?? ''}/${name}`);
  }

  /** Makes sure a namespace (undefined: every namespace) is in the cache: one list the first time. */
  async prime(client: Client, namespace: string | undefined): Promise<void> {
    if (this.primed.has(ALL) || this.primed.has(namespace ?? ALL)) return;
    const list = await client.list(this.resource, { namespace });
    for (const obj of list.items) this.observe(obj, 'put');
    this.primed.add(namespace ?? ALL);
  }

  /**
   * Objects with an ownerReference to `uid` (controller or not), in name order; `ordered: false` skips
   * the sort (for callers that only count or filter: a sort of tens of thousands of keys per sync).
   */
  ownedBy(uid: string, opts: { ordered?: boolean } = {}): KubeObject[] {
    return this.collect(this.byOwner.get(uid), opts.ordered ?? true);
  }

  /** Objects of a namespace that have no controller (in name order unless `ordered: false`). */
  orphans(namespace: string, opts: { ordered?: boolean } = {}): KubeObject[] {
    return this.collect(this.orphanKeys.get(namespace), opts.ordered ?? true);
  }

  private collect(entries: Map<string, KubeObject> | undefined, ordered: boolean): KubeObject[] {
    if (!entries) return [];
    if (!ordered) return [...entries.values()];
    return [...entries.keys()].sort().map((k) => entries.get(k)!);
  }

  private index(key: string, obj: KubeObject): void {
    for (const ref of obj.metadata.ownerReferences ?? []) add(this.byOwner, ref.uid, key, obj);
    if (!controllerRef(obj)) add(this.orphanKeys, obj.metadata.namespace ?? '', key, obj);
  }

  /** index() for an object indexed under the same owners before: replaces the entries in place. */
  private reindex(key: string, obj: KubeObject): void {
    for (const ref of obj.metadata.ownerReferences ?? []) this.byOwner.get(ref.uid)!.set(key, obj);
    if (!controllerRef(obj)) this.orphanKeys.get(obj.metadata.namespace ?? '')!.set(key, obj);
  }

  private unindex(key: string, obj: KubeObject): void {
    for (const ref of obj.metadata.ownerReferences ?? []) remove(this.byOwner, ref.uid, key);
    remove(this.orphanKeys, obj.metadata.namespace ?? '', key);
  }
}

/** Whether two lists of owner references are equal, field by field (undefined only equals undefined). */
export function equalOwnerReferences(a: readonly OwnerReference[] | undefined, b: readonly OwnerReference[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.uid !== y.uid || x.name !== y.name || x.kind !== y.kind || x.apiVersion !== y.apiVersion) return false;
    if (x.controller !== y.controller || x.blockOwnerDeletion !== y.blockOwnerDeletion) return false;
  }
  return true;
}

function add(map: Map<string, Map<string, KubeObject>>, id: string, key: string, obj: KubeObject): void {
  let entries = map.get(id);
  if (!entries) map.set(id, (entries = new Map()));
  entries.set(key, obj);
}

function remove(map: Map<string, Map<string, KubeObject>>, id: string, key: string): void {
  const entries = map.get(id);
  if (!entries) return;
  entries.delete(key);
  if (entries.size === 0) map.delete(id);
}

/** `namespace/name` of the object's controller when it is of ownerKind. */
function controllerKey(o: KubeObject | undefined, ownerKind: string): string | undefined {
  const ref = o ? controllerRef(o) : undefined;
  return ref?.kind === ownerKind ? `${o!.metadata.namespace}/${ref.name}` : undefined;
}

/**
 * A change's keys from the object before it and after it: each that is defined, once, in that
 * order. (A Set per change was a visible share of a scale-up's garbage: every watch of pods asks.)
 */
export function distinctKeys(before: string | undefined, after: string | undefined): string[] {
  if (before === undefined) return after === undefined ? [] : [after];
  return after === undefined || after === before ? [before] : [before, after];
}
