/**
 * The writes of a bind (pv_controller.go bind / bindVolumeToClaim / bindClaimToVolume): the volume's
 * claimRef and phase, then the claim's volumeName, annotations, phase, capacity and access modes.
 * Each step is skipped when already done, so a bind interrupted half way completes on the next sync.
 */
import type { Client } from '../../api/client.js';
import type { KubeObject } from '../../api/types.js';
import type { Clock } from '../../util/clock.js';
import { rfc3339 } from '../../util/clock.js';
import { BIND_COMPLETED, BOUND_BY_CONTROLLER } from './claim-matching.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Sets status.phase (with lastPhaseTransitionTime for volumes) unless it already is that. */
export async function setPhase(client: Client, clock: Clock, resource: string, obj: KubeObject, phase: string, extra: Record<string, unknown> = {}): Promise<KubeObject> {
  const same = obj.status?.phase === phase && Object.entries(extra).every(([k, v]) => JSON.stringify(obj.status?.[k]) === JSON.stringify(v));
  if (same) return obj;
  const status: any = { ...(obj.status ?? {}), ...extra, phase };
  if (resource === 'persistentvolumes' && obj.status?.phase !== phase) status.lastPhaseTransitionTime = rfc3339(clock.now());
  return client.updateStatus(resource, { ...obj, status });
}

export function claimRefFor(claim: KubeObject): Record<string, string> {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    name: claim.metadata.name ?? '',
    namespace: claim.metadata.namespace ?? '',
    resourceVersion: claim.metadata.resourceVersion ?? '',
    uid: claim.metadata.uid ?? '',
  };
}

async function bindVolume(client: Client, clock: Clock, pv: KubeObject, claim: KubeObject): Promise<KubeObject> {
  const ref = pv.spec?.claimRef;
  if (!ref || ref.uid !== claim.metadata.uid) {
    const annotations = { ...(pv.metadata.annotations ?? {}) };
    if (!ref) annotations[BOUND_BY_CONTROLLER] = 'yes';
    pv = await client.update('persistentvolumes', {
      ...pv,
      metadata: { ...pv.metadata, annotations },
      spec: { ...pv.spec, claimRef: claimRefFor(claim) },
    });
  }
  return setPhase(client, clock, 'persistentvolumes', pv, 'Bound');
}

async function bindClaim(client: Client, clock: Clock, claim: KubeObject, pv: KubeObject): Promise<KubeObject> {
  const annotations = { ...(claim.metadata.annotations ?? {}) };
  let changed = false;
  let spec = claim.spec;
  if (claim.spec?.volumeName !== pv.metadata.name) {
    spec = { ...claim.spec, volumeName: pv.metadata.name };
    annotations[BOUND_BY_CONTROLLER] = 'yes';
    changed = true;
  }
  if (annotations[BIND_COMPLETED] !== 'yes') {
    annotations[BIND_COMPLETED] = 'yes';
    changed = true;
  }
  if (changed) claim = await client.update('persistentvolumeclaims', { ...claim, metadata: { ...claim.metadata, annotations }, spec });
  return setPhase(client, clock, 'persistentvolumeclaims', claim, 'Bound', {
    accessModes: pv.spec?.accessModes ?? [],
    capacity: { ...(pv.spec?.capacity ?? {}) },
  });
}

/** Binds volume and claim to each other; returns both as written. */
export async function bind(client: Client, clock: Clock, pv: KubeObject, claim: KubeObject): Promise<{ pv: KubeObject; claim: KubeObject }> {
  const boundPv = await bindVolume(client, clock, pv, claim);
  const boundClaim = await bindClaim(client, clock, claim, boundPv);
  return { pv: boundPv, claim: boundClaim };
}
