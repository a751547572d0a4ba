/**
 * The PersistentVolume controller (binder): claims (`ns/name`) bind or wait (claim-sync.ts); volumes
 * (`pv:<name>`) follow their claim — Available without one, Bound with it, and when the claim is
 * gone Released (Retain) or deleted (Delete). A volume that becomes Available wakes the Pending
 * claims; a scheduled pod wakes the claims it uses (WaitForFirstConsumer).
 */
import { EventRecorder } from '../../api/event-recorder.js';
import type { KubeObject } from '../../api/types.js';
import type { ReconcileContext, Reconciler } from '../reconciler.js';
import { splitKey } from '../reconciler.js';
import { setPhase } from './binding.js';
import { getOptional } from '../../api/get-optional.js';
import { syncClaim } from './claim-sync.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const PV_KEY = 'pv:';
export const BINDER_COMPONENT = 'persistentvolume-controller';

function claimKeysOfPod(pod: KubeObject): string[] {
  if (!pod.spec?.nodeName) return [];
  return (pod.spec?.volumes ?? [])
    .filter((v: any) => v.persistentVolumeClaim?.claimName)
    .map((v: any) => `${pod.metadata.namespace}/${v.persistentVolumeClaim.claimName}`);
}

async function wakePendingClaims(ctx: ReconcileContext, rec: EventRecorder): Promise<void> {
  for (const claim of (await ctx.client.list('persistentvolumeclaims')).items) {
    if (claim.status?.phase === 'Pending' && !claim.metadata.deletionTimestamp) await syncClaim(claim, ctx, rec);
  }
}

async function reclaim(pv: KubeObject, ctx: ReconcileContext): Promise<void> {
  pv = await setPhase(ctx.client, ctx.clock, 'persistentvolumes', pv, 'Released');
  if (pv.spec?.persistentVolumeReclaimPolicy === 'Delete' && !pv.metadata.deletionTimestamp) {
    await ctx.client.delete('persistentvolumes', undefined, pv.metadata.name!);
  }
}

async function syncVolume(name: string, ctx: ReconcileContext, rec: EventRecorder): Promise<void> {
  const pv = await getOptional(ctx.client, 'persistentvolumes', undefined, name);
  if (!pv) return;
  const ref = pv.spec?.claimRef;
  if (!ref || !ref.uid) {
    if (pv.status?.phase !== 'Available' && pv.status?.phase !== 'Failed') await setPhase(ctx.client, ctx.clock, 'persistentvolumes', pv, 'Available');
    if (ref) {
      const claim = await getOptional(ctx.client, 'persistentvolumeclaims', ref.namespace, ref.name);
      if (claim) await syncClaim(claim, ctx, rec);
    } else if (!pv.metadata.deletionTimestamp) {
      await wakePendingClaims(ctx, rec);
    }
    return;
  }
  const claim = await getOptional(ctx.client, 'persistentvolumeclaims', ref.namespace, ref.name);
  if (!claim || claim.metadata.uid !== ref.uid) {
    if (pv.status?.phase !== 'Released' || pv.spec?.persistentVolumeReclaimPolicy === 'Delete') await reclaim(pv, ctx);
    return;
  }
  if (claim.spec?.volumeName === pv.metadata.name) {
    if (pv.status?.phase !== 'Bound') await setPhase(ctx.client, ctx.clock, 'persistentvolumes', pv, 'Bound');
    if (claim.status?.phase !== 'Bound') await syncClaim(claim, ctx, rec);
    return;
  }
  // claimRef set (a provisioned volume, or a bind half done): let the claim finish the bind
  if (!claim.spec?.volumeName) await syncClaim(claim, ctx, rec);
}

export function pvBinderReconciler(): Reconciler {
  return {
    name: 'persistentvolume-binder',
    watches: [
      {
        resource: 'persistentvolumeclaims',
        keys: (o) => [`${o.metadata.namespace}/${o.metadata.name}`, ...(o.spec?.volumeName ? [`${PV_KEY}${o.spec.volumeName}`] : [])],
      },
      {
        resource: 'persistentvolumes',
        keys: (o) => [`${PV_KEY}${o.metadata.name}`, ...(o.spec?.claimRef?.name ? [`${o.spec.claimRef.namespace}/${o.spec.claimRef.name}`] : [])],
      },
      { resource: 'pods', keys: claimKeysOfPod },
    ],
    async reconcile(key, ctx): Promise<void> {
      const rec = new EventRecorder(ctx.client, ctx.clock, { component: BINDER_COMPONENT });
      if (key.startsWith(PV_KEY)) return syncVolume(key.slice(PV_KEY.length), ctx, rec);
      const { namespace, name } = splitKey(key);
      const claim = await getOptional(ctx.client, 'persistentvolumeclaims', namespace, name);
      if (!claim) return;
      if (claim.metadata.deletionTimestamp && claim.status?.phase !== 'Bound') return;
      await syncClaim(claim, ctx, rec);
    },
  };
}
