/**
 * The PV controller's claim side (syncUnboundClaim / syncBoundClaim): bind a Pending claim to the
 * best Available volume, or hand it to the provisioner its class names, or say why it waits.
 * Nothing here polls: a claim is looked at again when it, a volume, or a pod using it changes.
 */
import type { EventRecorder } from '../../api/event-recorder.js';
import { storageClassOf } from '../../api/kinds/storage-helpers.js';
import type { KubeObject } from '../../api/types.js';
import type { ReconcileContext } from '../reconciler.js';
import { bind, setPhase } from './binding.js';
import { getOptional } from '../../api/get-optional.js';
import {
  BETA_STORAGE_PROVISIONER, BIND_COMPLETED, bestMatch, claimRefMatches, mismatchReason, SELECTED_NODE, STORAGE_PROVISIONER,
} from './claim-matching.js';

function waitMessage(provisioner: string): string {
  return `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. `
    + 'If volume creation is delayed, please verify that the provisioner is running and correctly registered.';
}

/** A claim of a WaitForFirstConsumer class binds once a pod using it is on a node. */
function delayedBinding(cls: KubeObject | undefined): boolean {
  return cls?.volumeBindingMode === 'WaitForFirstConsumer';
}

/** The node a pod using this claim was scheduled to (the scheduler's VolumeBinding choice). */
async function consumerNode(claim: KubeObject, ctx: ReconcileContext): Promise<string | undefined> {
  const pods = await ctx.client.list('pods', { namespace: claim.metadata.namespace });
  const user = pods.items.find((p) => p.spec?.nodeName && !p.metadata.deletionTimestamp
    && (p.spec?.volumes ?? []).some((v: { persistentVolumeClaim?: { claimName?: string } }) => v.persistentVolumeClaim?.claimName === claim.metadata.name));
  return user?.spec?.nodeName;
}

async function provision(claim: KubeObject, cls: KubeObject, ctx: ReconcileContext, rec: EventRecorder): Promise<void> {
  const provisioner: string = cls.provisioner;
  const ann = claim.metadata.annotations ?? {};
  if (ann[STORAGE_PROVISIONER] === provisioner && ann[BETA_STORAGE_PROVISIONER] === provisioner) return;
  claim = await ctx.client.update('persistentvolumeclaims', {
    ...claim,
    metadata: { ...claim.metadata, annotations: { ...ann, [STORAGE_PROVISIONER]: provisioner, [BETA_STORAGE_PROVISIONER]: provisioner } },
  });
  await rec.event(claim, 'Normal', 'ExternalProvisioning', waitMessage(provisioner));
}

async function syncUnbound(claim: KubeObject, ctx: ReconcileContext, rec: EventRecorder): Promise<void> {
  const volumeName: string | undefined = claim.spec?.volumeName;
  if (volumeName) {
    const pv = await getOptional(ctx.client, 'persistentvolumes', undefined, volumeName);
    if (!pv) return;
    const ref = pv.spec?.claimRef;
    if (ref && !claimRefMatches(pv, claim)) {
      await rec.event(claim, 'Warning', 'FailedBinding', `volume "${volumeName}" already bound to a different claim.`);
      return;
    }
    const why = mismatchReason(pv, claim);
    if (why) {
      await rec.event(claim, 'Warning', 'VolumeMismatch', `Cannot bind to requested volume "${volumeName}": ${why}`);
      return;
    }
    await bind(ctx.client, ctx.clock, pv, claim);
    return;
  }
  const className = storageClassOf(claim);
  const cls = className ? await getOptional(ctx.client, 'storageclasses', undefined, className) : undefined;
  const delay = delayedBinding(cls);
  let selected: string | undefined = claim.metadata.annotations?.[SELECTED_NODE];
  if (delay && !selected) {
    selected = await consumerNode(claim, ctx);
    if (selected) {
      claim = await ctx.client.update('persistentvolumeclaims', {
        ...claim, metadata: { ...claim.metadata, annotations: { ...(claim.metadata.annotations ?? {}), [SELECTED_NODE]: selected } },
      });
    }
  }
  const node = selected ? await getOptional(ctx.client, 'nodes', undefined, selected) : undefined;
  const volumes = (await ctx.client.list('persistentvolumes')).items;
  const pv = bestMatch(claim, volumes, delay, node);
  if (pv) {
    await bind(ctx.client, ctx.clock, pv, claim);
    return;
  }
  if (delay && !selected) {
    await rec.event(claim, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
    return;
  }
  if (!className) {
    await rec.event(claim, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
    return;
  }
  if (!cls) {
    await rec.event(claim, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`);
    return;
  }
  await provision(claim, cls, ctx, rec);
}

/** syncBoundClaim: the volume must still exist and point back at the claim, else the claim is Lost. */
async function syncBound(claim: KubeObject, ctx: ReconcileContext, rec: EventRecorder): Promise<void> {
  const pv = await getOptional(ctx.client, 'persistentvolumes', undefined, claim.spec.volumeName);
  if (pv && (!pv.spec?.claimRef || claimRefMatches(pv, claim))) {
    if (claim.status?.phase !== 'Bound' || pv.status?.phase !== 'Bound' || !pv.spec?.claimRef) await bind(ctx.client, ctx.clock, pv, claim);
    return;
  }
  if (claim.status?.phase === 'Lost') return;
  await setPhase(ctx.client, ctx.clock, 'persistentvolumeclaims', claim, 'Lost');
  await rec.event(claim, 'Warning', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
}

export async function syncClaim(claim: KubeObject, ctx: ReconcileContext, rec: EventRecorder): Promise<void> {
  if (claim.metadata.annotations?.[BIND_COMPLETED] && claim.spec?.volumeName) {
    await syncBound(claim, ctx, rec);
    return;
  }
  await syncUnbound(claim, ctx, rec);
}
