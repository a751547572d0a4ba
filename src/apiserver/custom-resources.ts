/**
 * The API server's side of CustomResourceDefinitions (apiextensions-apiserver): which custom
 * resources it serves, and what a CRD's deletion starts.
 *
 * A CRD's resource is served once the CRD is Established (controllers/crd-establishing.ts sets the
 * condition) and until the CRD is gone: the cluster's registry gets the resource's kind at open
 * for every stored CRD and, within a command, after every write of a CRD. Deleting a CRD marks it
 * (Terminating, with the cleanup finalizer) as kube-apiserver does; controllers/crd-finalizer.ts
 * deletes its custom resources and then lets it go.
 */
import { CRD_CLEANUP_FINALIZER, CRD_GROUP, CRD_RESOURCE, customKindOf, isEstablished } from '../api/crd/custom-kind.js';
import { StatusError } from '../api/errors.js';
import { type KindDef, resourceOf } from '../api/kind.js';
import type { Registry } from '../api/registry.js';
import type { Condition, KubeObject } from '../api/types.js';
import { rfc3339 } from '../util/clock.js';
import { registryKey, registryPrefix, type Store } from '../store/store.js';
import type { ServerContext } from './context.js';


export const isCrdKind = (kind: KindDef): boolean => kind.group === CRD_GROUP && kind.plural === CRD_RESOURCE;

/** Serves the CRD's resource as the CRD says (its name is the resource: `plural.group`). */
function serve(registry: Registry, crd: KubeObject): void {
  const kind = isEstablished(crd) ? customKindOf(crd) : undefined;
  if (kind) registry.add([kind]);
  else registry.remove(crd.metadata.name ?? '');
}

/** A cluster's registry at open: the resources of the stored CRDs (a range read of a few keys). */
export function serveStoredCustomResources(store: Store, registry: Registry): void {
  for (const crd of store.range(registryPrefix(CRD_RESOURCE))) serve(registry, crd);
}

/** After a write of a CRD named `name`: serve its resource as the stored CRD now says, or no longer. */
export function afterCrdWrite(ctx: ServerContext, kind: KindDef, name: string): void {
  const crd = ctx.store.peek(registryKey(resourceOf(kind), undefined, name));
  if (crd) serve(ctx.registry, crd as KubeObject);
  else ctx.registry.remove(name);
}

/**
 * The first DELETE of a CRD (customresourcedefinition REST Delete): the cleanup finalizer, and the
 * Terminating condition saying that its custom resources will be deleted.
 */
export function markCrdTerminating(crd: KubeObject, now: Date): void {
  const meta = crd.metadata;
  if (meta.deletionTimestamp) return;
  const finalizers = meta.finalizers ?? [];
  if (!finalizers.includes(CRD_CLEANUP_FINALIZER)) meta.finalizers = [...finalizers, CRD_CLEANUP_FINALIZER];
  const conditions: Condition[] = (crd.status?.conditions ?? []).filter((c: Condition) => c.type !== 'Terminating');
  conditions.push({
    type: 'Terminating', status: 'True', lastTransitionTime: rfc3339(now),
    reason: 'InstanceDeletionPending', message: 'CustomResourceDefinition marked for deletion; CustomResource deletion will begin soon',
  });
  crd.status = { ...(crd.status ?? {}), conditions };
}

/** A create of a custom resource whose CRD is being deleted is refused (crdHandler). */
export function checkCustomResourceCreate(ctx: ServerContext, kind: KindDef): void {
  if (kind.resource === undefined || kind.schemaType !== '') return;
  const crd = ctx.store.peek(registryKey(CRD_RESOURCE, undefined, kind.resource)) as KubeObject | undefined;
  if (crd?.metadata.deletionTimestamp) {
    throw new StatusError(405, 'MethodNotAllowed', 'create not allowed while custom resource definition is terminating');
  }
}
