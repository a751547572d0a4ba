/**
 * The Deployment controller (pkg/controller/deployment syncDeployment): claims its ReplicaSets, then
 * either only keeps status (being deleted), records pause/resume, scales proportionally (paused or
 * a replicas change), or rolls out by its strategy. Keys `namespace/name`.
 */
import { EventRecorder } from '../../api/event-recorder.js';
import { getOptional } from '../../api/get-optional.js';
import { selectorFromLabelSelector } from '../../api/label-selector.js';
import type { KubeObject } from '../../api/types.js';
import { claim } from '../controller-ref.js';
import { controllerRef } from '../owner-index.js';
import { keyOf, type ReconcileContext, type ReconcileResult, type Reconciler, splitKey } from '../reconciler.js';
import { getCondition, hasProgressDeadline, newCondition, PROGRESSING, setCondition, TIMED_OUT } from './conditions.js';
import { type DeploymentSync, writeStatus } from './context.js';
import { cleanupOld } from './cleanup.js';
import { syncRevision } from './new-replica-set.js';
import { rolloutRecreate } from './recreate.js';
import { rolloutRolling } from './rolling.js';
import { desiredReplicasAnnotation, replicasOf } from './rollout-math.js';
import { active, HASH_LABEL } from './replica-sets.js';
import { scale } from './scaling.js';
import { syncStatusOnly } from './status.js';

const ORPHANS = '\u0000orphans';

/** checkPausedConditions: Progressing Unknown DeploymentPaused / DeploymentResumed. */
async function checkPaused(dc: DeploymentSync): Promise<void> {
  if (!hasProgressDeadline(dc.d)) return;
  const cond = getCondition(dc.d.status, PROGRESSING);
  if (cond?.reason === TIMED_OUT) return;
  const pausedCond = cond?.reason === 'DeploymentPaused';
  const paused = Boolean(dc.d.spec?.paused);
  if (paused === pausedCond) return;
  const status = structuredClone(dc.d.status ?? {});
  setCondition(status, paused
    ? newCondition(PROGRESSING, 'Unknown', 'DeploymentPaused', 'Deployment is paused', dc.now())
    : newCondition(PROGRESSING, 'Unknown', 'DeploymentResumed', 'Deployment is resumed', dc.now()));
  await writeStatus(dc, status);
}

/** isScalingEvent: an active ReplicaSet was sized for another replicas count. */
async function isScalingEvent(dc: DeploymentSync, sets: KubeObject[]): Promise<boolean> {
  const { newRS, oldRSs } = await syncRevision(dc, sets, false);
  const all = newRS ? [...oldRSs, newRS] : oldRSs;
  return active(all).some((rs) => {
    const desired = desiredReplicasAnnotation(rs);
    return desired !== undefined && desired !== replicasOf(dc.d);
  });
}

/** sync: scaling and paused deployments. */
async function syncScaling(dc: DeploymentSync, sets: KubeObject[]): Promise<void> {
  const { newRS, oldRSs } = await syncRevision(dc, sets, false);
  await scale(dc, newRS, oldRSs);
  if (dc.d.spec?.paused) await cleanupOld(dc, oldRSs);
  const fresh = await listOwned(dc);
  const split = await syncRevision(dc, fresh, false);
  await syncStatusOnly(dc, split.newRS ? [...split.oldRSs, split.newRS] : split.oldRSs, split.newRS);
}

async function listOwned(dc: DeploymentSync): Promise<KubeObject[]> {
  const list = await dc.client.list('replicasets', { namespace: dc.d.metadata.namespace });
  return list.items.filter((rs) => controllerRef(rs)?.uid === dc.d.metadata.uid);
}

async function syncDeployment(d: KubeObject, ctx: ReconcileContext): Promise<ReconcileResult | void> {
  const dc: DeploymentSync = {
    client: ctx.client,
    now: () => ctx.clock.now(),
    events: new EventRecorder(ctx.client, ctx.clock, { component: 'deployment-controller' }),
    d,
  };
  const sel = d.spec?.selector;
  if (sel && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) {
    await dc.events.event(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
    if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
      await writeStatus(dc, { ...structuredClone(d.status ?? {}), observedGeneration: d.metadata.generation });
    }
    return;
  }
  const ns = d.metadata.namespace;
  const all = (await ctx.client.list('replicasets', { namespace: ns })).items;
  const sets = await claim({ client: ctx.client, resource: 'replicasets', owner: d, selector: selectorFromLabelSelector(sel), candidates: all });
  if (d.metadata.deletionTimestamp) {
    const { newRS, oldRSs } = await syncRevision(dc, sets, false);
    return syncStatusOnly(dc, newRS ? [...oldRSs, newRS] : oldRSs, newRS);
  }
  await checkPaused(dc);
  if (dc.d.spec?.paused || (await isScalingEvent(dc, sets))) return syncScaling(dc, await listOwned(dc));
  const current = await listOwned(dc);
  if (dc.d.spec?.strategy?.type === 'Recreate') {
    const pods = async () => (await ctx.client.list('pods', { namespace: ns, labelSelector: selectorFromLabelSelector(sel).toString() })).items;
    return rolloutRecreate(dc, current, pods);
  }
  return rolloutRolling(dc, current);
}

/** The deployment a deleted pod belonged to: its ReplicaSet is `<deployment>-<pod-template-hash>`. */
function deploymentOfPod(pod: KubeObject): string | undefined {
  const ref = controllerRef(pod);
  const hash = pod.metadata.labels?.[HASH_LABEL];
  if (ref?.kind !== 'ReplicaSet' || !hash || !ref.name.endsWith(`-${hash}`)) return undefined;
  return `${pod.metadata.namespace}/${ref.name.slice(0, -hash.length - 1)}`;
}

export function deploymentReconciler(): Reconciler {
  return {
    name: 'deployment',
    watches: [
      { resource: 'deployments', keys: (o) => [keyOf(o)] },
      {
        resource: 'replicasets',
        keys: (o, type) => {
          const ref = controllerRef(o);
          if (ref?.kind === 'Deployment') return [`${o.metadata.namespace}/${ref.name}`];
          return !ref && type === 'put' ? [`${o.metadata.namespace}/${ORPHANS}`] : [];
        },
      },
      {
        // Recreate waits for old pods to be gone: a pod removal may unblock it.
        resource: 'pods',
        keys: (o, type) => {
          const key = type === 'delete' ? deploymentOfPod(o) : undefined;
          return key ? [key] : [];
        },
      },
    ],
    async reconcile(key, ctx) {
      const { namespace, name } = splitKey(key);
      if (name === ORPHANS) {
        const sets = (await ctx.client.list('replicasets', { namespace })).items.filter((rs) => !controllerRef(rs));
        if (sets.length === 0) return;
        for (const d of (await ctx.client.list('deployments', { namespace })).items) {
          const sel = selectorFromLabelSelector(d.spec?.selector);
          if (!d.metadata.deletionTimestamp && sets.some((rs) => sel.matches(rs.metadata.labels))) await syncDeployment(d, ctx);
        }
        return;
      }
      const d = await getOptional(ctx.client, 'deployments', namespace, name);
      if (!d) return;
      return syncDeployment(d, ctx);
    },
  };
}
