/**
 * The StatefulSet controller (stateful_set_control.go updateStatefulSet). One sync: claim the set's
 * pods, find or record the update revision, then walk the ordinals —
 *  - missing pods are created (their claims first), failed ones deleted to be recreated;
 *  - pods beyond the replica count are deleted, highest ordinal first;
 *  - under RollingUpdate, pods at ordinals >= partition not at the update revision are deleted
 *    (and so recreated) from the highest ordinal down.
 * With OrderedReady every step waits until the pods before it are Running and Ready (and available
 * after minReadySeconds); Parallel creates and deletes without waiting. Then the status is written.
 */
import { EventRecorder } from '../../api/event-recorder.js';
import { formatLabelSelector, selectorFromLabelSelector } from '../../api/label-selector.js';
import { deepEqual } from '../../api/patch/json-value.js';
import type { KubeObject } from '../../api/types.js';
import { claim } from '../controller-ref.js';
import { getOptional } from '../../api/get-optional.js';
import { controllerRef } from '../owner-index.js';
import type { ReconcileContext, ReconcileResult, Reconciler } from '../reconciler.js';
import { keyOf, splitKey } from '../reconciler.js';
import { claimsFor, newPod, ordinalOf, replicasOf, startOrdinal } from './identity.js';
import { ensureUpdateRevision, listRevisions, truncateHistory } from './revision.js';
import { computeStatus, isAvailable, isTerminating, nextAvailableIn, revisionOfPod } from './status.js';

interface Pass {
  set: KubeObject;
  ctx: ReconcileContext;
  rec: EventRecorder;
  monotonic: boolean;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const isFinished = (pod: KubeObject) => pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded';

async function ownedPods(set: KubeObject, ctx: ReconcileContext): Promise<KubeObject[]> {
  const list = await ctx.client.list('pods', { namespace: set.metadata.namespace, labelSelector: formatLabelSelector(set.spec?.selector) });
  const candidates = list.items.filter((p) => !controllerRef(p) || controllerRef(p)!.uid === set.metadata.uid);
  return claim({
    client: ctx.client, resource: 'pods', owner: set, selector: selectorFromLabelSelector(set.spec?.selector), candidates,
    fresh: (p) => getOptional(ctx.client, 'pods', p.metadata.namespace, p.metadata.name ?? ''),
  });
}

async function createClaims(p: Pass, ordinal: number, podName: string): Promise<void> {
  for (const pvc of claimsFor(p.set, ordinal)) {
    if (await getOptional(p.ctx.client, 'persistentvolumeclaims', pvc.metadata.namespace, pvc.metadata.name!)) continue;
    const what = `Claim ${pvc.metadata.name} Pod ${podName} in StatefulSet ${p.set.metadata.name}`;
    try {
      await p.ctx.client.create('persistentvolumeclaims', pvc);
    } catch (e) {
      await p.rec.event(p.set, 'Warning', 'FailedCreate', `create ${what} failure: ${errorText(e)}`);
      throw e;
    }
    await p.rec.event(p.set, 'Normal', 'SuccessfulCreate', `create ${what} success`);
  }
}

async function createPod(p: Pass, ordinal: number, revisionName: string): Promise<void> {
  const pod = newPod(p.set, p.set.spec?.template, ordinal, revisionName);
  await createClaims(p, ordinal, pod.metadata.name!);
  const what = `Pod ${pod.metadata.name} in StatefulSet ${p.set.metadata.name}`;
  try {
    await p.ctx.client.create('pods', pod);
  } catch (e) {
    await p.rec.event(p.set, 'Warning', 'FailedCreate', `create ${what} failed error: ${errorText(e)}`);
    throw e;
  }
  await p.rec.event(p.set, 'Normal', 'SuccessfulCreate', `create ${what} successful`);
}

async function deletePod(p: Pass, pod: KubeObject): Promise<void> {
  await p.ctx.client.delete('pods', pod.metadata.namespace, pod.metadata.name!, { preconditions: { uid: pod.metadata.uid } });
  await p.rec.event(p.set, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${p.set.metadata.name} successful`);
}

/** Runs the steps of one pass; returns as soon as OrderedReady has to wait. */
async function step(p: Pass, pods: KubeObject[], currentName: string, updateName: string, now: Date): Promise<void> {
  const { set, monotonic } = p;
  const start = startOrdinal(set);
  const end = start + replicasOf(set);
  const minReady = set.spec?.minReadySeconds ?? 0;
  const rolling = set.spec?.updateStrategy?.type !== 'OnDelete';
  const partition = rolling ? (set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0) : 0;
  const byOrdinal = new Map<number, KubeObject>();
  const condemned: KubeObject[] = [];
  for (const pod of pods) {
    const ord = ordinalOf(set, pod);
    if (ord >= start && ord < end) byOrdinal.set(ord, pod);
    else condemned.push(pod);
  }
  condemned.sort((a, b) => ordinalOf(set, b) - ordinalOf(set, a));
  const healthy = (pod: KubeObject) => !isTerminating(pod) && isAvailable(pod, minReady, now);
  let firstUnhealthy: KubeObject | undefined;

  for (let ord = start; ord < end; ord++) {
    const pod = byOrdinal.get(ord);
    if (pod && isFinished(pod) && !isTerminating(pod)) {
      await p.rec.event(set, 'Warning', 'RecreatingFailedPod', `StatefulSet ${set.metadata.namespace}/${set.metadata.name} is recreating failed Pod ${pod.metadata.name}`);
      await deletePod(p, pod);
      if (monotonic) return;
      continue;
    }
    if (!pod) {
      await createPod(p, ord, rolling && ord - start < partition ? currentName : updateName);
      if (monotonic) return;
      continue;
    }
    await createClaims(p, ord, pod.metadata.name!);
    if (!healthy(pod)) {
      firstUnhealthy ??= pod;
      if (monotonic) return;
    }
  }
  for (const pod of condemned) {
    if (isTerminating(pod)) {
      if (monotonic) return;
      continue;
    }
    if (monotonic && firstUnhealthy && firstUnhealthy !== pod) return;
    await deletePod(p, pod);
    if (monotonic) return;
  }
  if (!rolling || set.metadata.deletionTimestamp) return;
  for (let ord = end - 1; ord >= start + partition; ord--) {
    const pod = byOrdinal.get(ord);
    if (!pod) return;
    if (revisionOfPod(pod) !== updateName && !isTerminating(pod)) {
      await deletePod(p, pod);
      return;
    }
    if (!healthy(pod)) return;
  }
}

async function sync(key: string, ctx: ReconcileContext): Promise<ReconcileResult | void> {
  const { namespace, name } = splitKey(key);
  const set = await getOptional(ctx.client, 'statefulsets', namespace, name);
  if (!set) return;
  const now = ctx.clock.now();
  const pods = await ownedPods(set, ctx);
  const revisions = await listRevisions(set, ctx);
  const update = await ensureUpdateRevision(set, revisions, ctx);
  const updateName = update.metadata.name!;
  const currentName = revisions.some((r) => r.metadata.name === set.status?.currentRevision) ? set.status.currentRevision as string : updateName;
  if (!set.metadata.deletionTimestamp) {
    const rec = new EventRecorder(ctx.client, ctx.clock, { component: 'statefulset-controller' });
    await step({ set, ctx, rec, monotonic: set.spec?.podManagementPolicy !== 'Parallel' }, pods, currentName, updateName, now);
  }
  const after = await ownedPods(set, ctx);
  const status = computeStatus(set, after, currentName, updateName, now);
  if (!deepEqual(set.status ?? {}, status)) await ctx.client.updateStatus('statefulsets', { ...set, status });
  const live = new Set([status.currentRevision, status.updateRevision, ...after.map(revisionOfPod).filter((r): r is string => !!r)]);
  await truncateHistory(set, revisions, live, ctx);
  const wait = nextAvailableIn(after, set.spec?.minReadySeconds ?? 0, now);
  return wait === undefined ? undefined : { requeueAfter: wait };
}

export function statefulSetReconciler(): Reconciler {
  return {
    name: 'statefulset',
    watches: [
      { resource: 'statefulsets', keys: (o) => [keyOf(o)] },
      {
        resource: 'pods',
        keys: (o) => {
          const ref = controllerRef(o);
          return ref?.kind === 'StatefulSet' ? [`${o.metadata.namespace}/${ref.name}`] : [];
        },
      },
    ],
    reconcile: sync,
  };
}
