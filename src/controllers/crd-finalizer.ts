/**
 * apiextensions-apiserver's CRD finalizer (finalizer/crd_finalizer.go): a CRD being deleted keeps
 * its cleanup finalizer until every custom resource it serves is gone. It says so in its
 * Terminating condition, deletes them (each one's own finalizers still hold it), looks again while
 * some remain, and then drops the finalizer, which lets the API server remove the CRD and stop
 * serving its resource.
 */
import { isStatusError } from '../api/errors.js';
import type { Condition, KubeObject } from '../api/types.js';
import { CRD_CLEANUP_FINALIZER, CRD_RESOURCE } from '../api/crd/custom-kind.js';
import { rfc3339 } from '../util/clock.js';
import type { ReconcileContext, Reconciler } from './reconciler.js';

/** How soon a CRD whose resources are still going looks again (they may wait on their own finalizers). */
const RECHECK_MS = 5_000;

function terminating(reason: string, message: string, now: string): Condition {
  return { type: 'Terminating', status: 'True', reason, message, lastTransitionTime: now };
}

/** Deletes the CRD's custom resources; how many are left (deleted ones held by finalizers included). */
async function deleteInstances(resource: string, ctx: ReconcileContext): Promise<number> {
  let left = 0;
  let items: KubeObject[];
  try {
    items = (await ctx.client.list(resource)).items;
  } catch (e) {
    // no longer served: nothing of it can be left
    if (isStatusError(e) && e.code === 404) return 0;
    throw e;
  }
  for (const obj of items) {
    if (obj.metadata.deletionTimestamp) {
      left++;
      continue;
    }
    try {
      await ctx.client.delete(resource, obj.metadata.namespace, obj.metadata.name ?? '', { preconditions: { uid: obj.metadata.uid } });
      if ((obj.metadata.finalizers ?? []).length > 0) left++;
    } catch (e) {
      if (!isStatusError(e) || (e.code !== 404 && e.code !== 409)) throw e;
    }
  }
  return left;
}

async function setTerminating(ctx: ReconcileContext, crd: KubeObject, c: Condition): Promise<KubeObject> {
  const conditions: Condition[] = crd.status?.conditions ?? [];
  const old = conditions.find((x) => x.type === 'Terminating');
  if (old && old.reason === c.reason && old.message === c.message) return crd;
  const next = [...conditions.filter((x) => x.type !== 'Terminating'), c];
  return ctx.client.updateStatus(CRD_RESOURCE, { ...crd, status: { ...(crd.status ?? {}), conditions: next } });
}

export function crdFinalizerReconciler(): Reconciler {
  return {
    name: 'crd-finalizer',
    watches: [{ resource: CRD_RESOURCE, keys: (o, type) => (type === 'put' && o.metadata.deletionTimestamp ? [o.metadata.name ?? ''] : []) }],
    async reconcile(name, ctx) {
      let crd: KubeObject;
      try {
        crd = await ctx.client.get(CRD_RESOURCE, undefined, name);
      } catch (e) {
        if (isStatusError(e) && e.code === 404) return;
        throw e;
      }
      if (!crd.metadata.deletionTimestamp || !(crd.metadata.finalizers ?? []).includes(CRD_CLEANUP_FINALIZER)) return;
      const now = rfc3339(ctx.clock.now());
      crd = await setTerminating(ctx, crd, terminating('InstanceDeletionInProgress', 'CustomResource deletion is in progress', now));
      // the CRD's name is its resource (`plural.group`)
      const left = await deleteInstances(name, ctx);
      if (left > 0) {
        await setTerminating(ctx, crd, terminating('InstanceDeletionCheck', `could not confirm zero CustomResources remaining: ${left} remaining`, now));
        return { requeueAfter: RECHECK_MS };
      }
      try {
        await ctx.client.patch(CRD_RESOURCE, undefined, name, 'merge', {
          metadata: { finalizers: (crd.metadata.finalizers ?? []).filter((f) => f !== CRD_CLEANUP_FINALIZER), resourceVersion: crd.metadata.resourceVersion },
        });
      } catch (e) {
        if (isStatusError(e) && (e.code === 404 || e.code === 409)) return;
        throw e;
      }
    },
  };
}
