/**
 * The garbage collector (pkg/controller/garbagecollector), driven by the change feed:
 * - an object whose owners are all gone (UID no longer in the store, "virtual delete") is deleted;
 *   owners that are gone are dropped from an object that still has a live owner;
 * - an owner with the `orphan` finalizer: its dependents lose the ownerReference, then the finalizer goes;
 * - an owner with `foregroundDeletion`: its dependents are deleted first (recursively, in the
 *   foreground when they have dependents of their own); once no dependent with blockOwnerDeletion
 *   is left, the finalizer goes and the owner with it.
 *
 * Dependents are found through one OwnerIndex per resource (owner UID → keys), fed from the change
 * feed and primed per namespace by one list the first time a namespace is asked about — not by a
 * scan per key. Owners seen alive in this process are remembered, so a new dependent of a known
 * owner costs no read.
 */
import type { Client, PropagationPolicy } from '../api/client.js';
import { isStatusError } from '../api/errors.js';
import { getOptional } from '../api/get-optional.js';
import type { Registry } from '../api/registry.js';
import { resourceOf } from '../api/kind.js';
import type { KubeObject, OwnerReference } from '../api/types.js';
import { internOwnerReferences } from '../api/interned.js';
import { equalOwnerReferences, hasOwners, OwnerIndex } from './owner-index.js';
import { CUSTOM_RESOURCES, type ReconcileContext, type Reconciler } from './reconciler.js';

const ORPHAN = 'orphan';
const FOREGROUND = 'foregroundDeletion';

/** What the index keeps of a dependent (its ownerReferences shared with the other dependents of its owners). */
function slim(o: KubeObject): KubeObject {
  const m = o.metadata;
  return { apiVersion: o.apiVersion, kind: o.kind, metadata: { name: m.name, namespace: m.namespace, uid: m.uid, ownerReferences: internOwnerReferences(m.ownerReferences) } };
}

/**
 * Whether slim(obj) would be the cached slim one: most changes (a pod's status) touch nothing it
 * keeps, and a 30,000-pod scale-up makes 60,000 of them.
 */
function sameSlim(cached: KubeObject, obj: KubeObject): boolean {
  return cached.metadata.uid === obj.metadata.uid && cached.apiVersion === obj.apiVersion && cached.kind === obj.kind
    && equalOwnerReferences(cached.metadata.ownerReferences, obj.metadata.ownerReferences);
}

const ref = (resource: string, ns: string | undefined, name: string | undefined) => `${resource}|${ns ?? ''}|${name ?? ''}`;

export function garbageCollector(registry: Registry): Reconciler {
  const resources = registry.kinds.filter((k) => k.plural !== 'events').map(resourceOf);
  const indexes = new Map(resources.map((r) => [r, new OwnerIndex(r, slim, hasOwners, sameSlim)]));
  const alive = new Set<string>();
  // read from the registry when asked: custom resources come and go with their CRDs
  const namespaced = (resource: string) => registry.byPlural(resource)?.namespaced ?? true;
  const indexOf = (resource: string): OwnerIndex => {
    let index = indexes.get(resource);
    if (!index) indexes.set(resource, (index = new OwnerIndex(resource, slim, hasOwners, sameSlim)));
    return index;
  };

  const ownerResource = (r: OwnerReference) => registry.forManifest(r.apiVersion, r.kind);
  const ownerKeys = (o: KubeObject) => (o.metadata.ownerReferences ?? []).flatMap((r) => {
    const kind = ownerResource(r);
    return kind ? [`owner|${ref(resourceOf(kind), kind.namespaced ? o.metadata.namespace : undefined, r.name)}`] : [];
  });

  /** A custom resource's change: its resource from the object's apiVersion and kind. */
  function customKeys(o: KubeObject, type: 'put' | 'delete'): string[] {
    const kind = registry.forManifest(o.apiVersion, o.kind);
    return kind ? keys(resourceOf(kind), o, type) : [];
  }

  function keys(resource: string, o: KubeObject, type: 'put' | 'delete'): string[] {
    const before = indexOf(resource).observe(o, type);
    const uid = o.metadata.uid;
    const out: string[] = [];
    if (type === 'delete') {
      if (uid) {
        alive.delete(uid);
        out.push(`gone|${namespaced(resource) ? (o.metadata.namespace ?? '') : '*'}|${uid}`);
      }
      return [...out, ...ownerKeys(o)];
    }
    if (uid) alive.add(uid);
    // an owner new to this object and not known alive is checked (a loop: this runs for every change)
    const known = before?.metadata.ownerReferences;
    for (const r of o.metadata.ownerReferences ?? []) {
      if (alive.has(r.uid) || known?.some((k) => k.uid === r.uid)) continue;
      out.push(`check|${ref(resource, o.metadata.namespace, o.metadata.name)}`);
      break;
    }
    const fin = o.metadata.finalizers ?? [];
    if (o.metadata.deletionTimestamp && (fin.includes(ORPHAN) || fin.includes(FOREGROUND))) out.push(`owner|${ref(resource, o.metadata.namespace, o.metadata.name)}`);
    return out;
  }

  /** Dependents of an owner UID (fresh reads), priming the namespace (or everything) first. */
  async function dependents(client: Client, ns: string | undefined, uid: string): Promise<{ resource: string; obj: KubeObject }[]> {
    const out: { resource: string; obj: KubeObject }[] = [];
    for (const kind of registry.kinds) {
      const resource = resourceOf(kind);
      if (resource === 'events') continue;
      const index = indexOf(resource);
      await index.prime(client, kind.namespaced ? ns : undefined);
      for (const cached of index.ownedBy(uid)) {
        const obj = await getOptional(client, resource, cached.metadata.namespace, cached.metadata.name ?? '');
        if (obj?.metadata.ownerReferences?.some((r) => r.uid === uid)) out.push({ resource, obj });
      }
    }
    return out;
  }

  /** Owner state of a reference: absent (gone or another UID), waiting (foreground deletion) or solid. */
  async function ownerState(client: Client, dep: KubeObject, r: OwnerReference): Promise<'absent' | 'waiting' | 'solid'> {
    const kind = ownerResource(r);
    if (!kind) return 'solid';
    const owner = await getOptional(client, resourceOf(kind), kind.namespaced ? dep.metadata.namespace : undefined, r.name);
    if (!owner || owner.metadata.uid !== r.uid) return 'absent';
    if (owner.metadata.deletionTimestamp && (owner.metadata.finalizers ?? []).includes(FOREGROUND)) return 'waiting';
    alive.add(r.uid);
    return 'solid';
  }

  async function removeRefs(client: Client, resource: string, obj: KubeObject, uids: Set<string>): Promise<void> {
    const refs = (obj.metadata.ownerReferences ?? []).filter((r) => !uids.has(r.uid));
    try {
      await client.patch(resource, obj.metadata.namespace, obj.metadata.name ?? '', 'merge', {
        metadata: { ownerReferences: refs.length > 0 ? refs : null, resourceVersion: obj.metadata.resourceVersion },
      });
    } catch (e) {
      if (!isStatusError(e) || e.code !== 404) throw e;
    }
  }

  async function deleteObject(client: Client, resource: string, obj: KubeObject, policy: PropagationPolicy): Promise<void> {
    try {
      await client.delete(resource, obj.metadata.namespace, obj.metadata.name ?? '', { propagationPolicy: policy, preconditions: { uid: obj.metadata.uid } });
    } catch (e) {
      if (!isStatusError(e) || (e.code !== 404 && e.code !== 409)) throw e;
    }
  }

  /** attemptToDeleteItem. */
  async function attemptToDelete(ctx: ReconcileContext, resource: string, obj: KubeObject): Promise<void> {
    const fin = obj.metadata.finalizers ?? [];
    if (obj.metadata.deletionTimestamp && !fin.includes(FOREGROUND)) return;
    if (obj.metadata.deletionTimestamp) return processOwner(ctx, resource, obj);
    const refs = obj.metadata.ownerReferences ?? [];
    if (refs.length === 0) return;
    const states = await Promise.all(refs.map((r) => ownerState(ctx.client, obj, r)));
    const solid = states.filter((s) => s === 'solid').length;
    const gone = new Set(refs.filter((_, i) => states[i] !== 'solid').map((r) => r.uid));
    if (solid > 0) {
      if (gone.size > 0) await removeRefs(ctx.client, resource, obj, gone);
      return;
    }
    const waiting = states.includes('waiting');
    if (waiting && (await dependents(ctx.client, obj.metadata.namespace, obj.metadata.uid ?? '')).length > 0) {
      return deleteObject(ctx.client, resource, obj, 'Foreground');
    }
    const policy: PropagationPolicy = fin.includes(ORPHAN) ? 'Orphan' : fin.includes(FOREGROUND) ? 'Foreground' : 'Background';
    return deleteObject(ctx.client, resource, obj, policy);
  }

  async function removeFinalizer(client: Client, resource: string, obj: KubeObject, finalizer: string): Promise<void> {
    const finalizers = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    await client.update(resource, { ...obj, metadata: { ...obj.metadata, finalizers } });
  }

  /** An owner being deleted with the orphan or foreground finalizer. */
  async function processOwner(ctx: ReconcileContext, resource: string, owner: KubeObject): Promise<void> {
    const uid = owner.metadata.uid ?? '';
    const fin = owner.metadata.finalizers ?? [];
    const deps = await dependents(ctx.client, owner.metadata.namespace, uid);
    if (fin.includes(ORPHAN)) {
      for (const d of deps) await removeRefs(ctx.client, d.resource, d.obj, new Set([uid]));
      return removeFinalizer(ctx.client, resource, owner, ORPHAN);
    }
    if (!fin.includes(FOREGROUND)) return;
    for (const d of deps) await attemptToDelete(ctx, d.resource, d.obj);
    const blocking = (await dependents(ctx.client, owner.metadata.namespace, uid))
      .filter((d) => d.obj.metadata.ownerReferences?.some((r) => r.uid === uid && r.blockOwnerDeletion));
    if (blocking.length === 0) {
      const fresh = await getOptional(ctx.client, resource, owner.metadata.namespace, owner.metadata.name ?? '');
      if (fresh?.metadata.uid === uid) await removeFinalizer(ctx.client, resource, fresh, FOREGROUND);
    }
  }

  return {
    name: 'garbage-collector',
    watches: [
      ...resources.map((resource) => ({ resource, keys: (o: KubeObject, type: 'put' | 'delete') => keys(resource, o, type) })),
      { resource: CUSTOM_RESOURCES, keys: customKeys },
    ],
    async reconcile(key, ctx) {
      const [what, a = '', b = '', c = ''] = key.split('|');
      if (what === 'gone') {
        for (const d of await dependents(ctx.client, a === '*' ? undefined : a, b)) await attemptToDelete(ctx, d.resource, d.obj);
        return;
      }
      const ns = b === '' ? undefined : b;
      const obj = await getOptional(ctx.client, a, ns, c);
      if (!obj) return;
      if (what === 'check') return attemptToDelete(ctx, a, obj);
      if (what === 'owner' && obj.metadata.deletionTimestamp) return processOwner(ctx, a, obj);
    },
  };
}
