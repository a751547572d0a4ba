/**
 * The PVC and PV protection controllers: a claim marked for deletion keeps `kubernetes.io/pvc-protection`
 * while a pod that has not finished uses it; a volume keeps `kubernetes.io/pv-protection` while it is
 * Bound. (The finalizers are put on at creation by the StorageObjectInUseProtection admission plugin.)
 */
import { PV_PROTECTION_FINALIZER, PVC_PROTECTION_FINALIZER } from '../../apiserver/admission/storage-object-in-use-protection.js';
import type { KubeObject } from '../../api/types.js';
import type { ReconcileContext, Reconciler } from '../reconciler.js';
import { splitKey } from '../reconciler.js';
import { getOptional } from '../../api/get-optional.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

function claimNames(pod: KubeObject): string[] {
  return (pod.spec?.volumes ?? []).map((v: any) => v.persistentVolumeClaim?.claimName).filter((n: unknown): n is string => typeof n === 'string');
}

async function dropFinalizer(ctx: ReconcileContext, resource: string, obj: KubeObject, finalizer: string): Promise<void> {
  const finalizers = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  await ctx.client.update(resource, { ...obj, metadata: { ...obj.metadata, finalizers } });
}

async function claimInUse(claim: KubeObject, ctx: ReconcileContext): Promise<boolean> {
  const pods = await ctx.client.list('pods', { namespace: claim.metadata.namespace });
  return pods.items.some((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && claimNames(p).includes(claim.metadata.name!));
}

export function pvcProtectionReconciler(): Reconciler {
  return {
    name: 'pvc-protection',
    watches: [
      { resource: 'persistentvolumeclaims', keys: (o) => (o.metadata.deletionTimestamp ? [`${o.metadata.namespace}/${o.metadata.name}`] : []) },
      { resource: 'pods', keys: (o) => claimNames(o).map((c) => `${o.metadata.namespace}/${c}`) },
    ],
    async reconcile(key, ctx) {
      const { namespace, name } = splitKey(key);
      const claim = await getOptional(ctx.client, 'persistentvolumeclaims', namespace, name);
      if (!claim?.metadata.deletionTimestamp || !(claim.metadata.finalizers ?? []).includes(PVC_PROTECTION_FINALIZER)) return;
      if (await claimInUse(claim, ctx)) return;
      await dropFinalizer(ctx, 'persistentvolumeclaims', claim, PVC_PROTECTION_FINALIZER);
    },
  };
}

export function pvProtectionReconciler(): Reconciler {
  return {
    name: 'pv-protection',
    watches: [{ resource: 'persistentvolumes', keys: (o) => (o.metadata.deletionTimestamp ? [o.metadata.name ?? ''] : []) }],
    async reconcile(name, ctx) {
      const pv = await getOptional(ctx.client, 'persistentvolumes', undefined, name);
      if (!pv?.metadata.deletionTimestamp || !(pv.metadata.finalizers ?? []).includes(PV_PROTECTION_FINALIZER)) return;
      if (pv.status?.phase === 'Bound') return;
      await dropFinalizer(ctx, 'persistentvolumes', pv, PV_PROTECTION_FINALIZER);
    },
  };
}
