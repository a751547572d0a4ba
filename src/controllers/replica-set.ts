/**
 * The ReplicaSet controller (pkg/controller/replicaset): keeps spec.replicas active pods, adopting
 * matching orphans and releasing pods that stopped matching; creates in slow-start batches (1, 2, 4 …,
 * at most 500 per sync), deletes in Kubernetes' preference order, and reports status.
 */
import type { Client } from '../api/client.js';
import { EventRecorder } from '../api/event-recorder.js';
import { isStatusError } from '../api/errors.js';
import { getOptional } from '../api/get-optional.js';
import { handOver } from '../api/hand-over.js';
import { labelsMatch, selectorFromLabelSelector } from '../api/label-selector.js';
import type { Condition, KubeObject } from '../api/types.js';
import { rfc3339 } from '../util/clock.js';
import { claim, ownerRefTo } from './controller-ref.js';
import { controllerRef, distinctKeys, OwnerIndex, ownedByKind } from './owner-index.js';
import { podsToDelete } from './pod-ranking.js';
import { availableFrom, isPodActive, slimPod } from './pod-state.js';
import { keyOf, type ReconcileContext, type ReconcileResult, type Reconciler, splitKey } from './reconciler.js';
import { cloneJson } from '../util/json-clone.js';

/** Most pods created or deleted in one sync (burstReplicas). */
export const BURST_REPLICAS = 500;
/** Key for "orphan pods changed in this namespace": every ReplicaSet there may want to adopt. */
const ORPHANS = '\u0000orphans';
/** Stands for "nothing remembered yet" in sync's one-entry memos (no pod field is ever this object). */
const UNSEEN: unknown = Object.freeze({});

/** The key a pod's change queues: its ReplicaSet's, or the orphans' of its namespace (an orphan may be adopted). */
function podKey(pod: KubeObject | undefined, type: 'put' | 'delete'): string | undefined {
  if (!pod) return undefined;
  const ref = controllerRef(pod);
  if (ref?.kind === 'ReplicaSet') return `${pod.metadata.namespace}/${ref.name}`;
  return !ref && type !== 'delete' && pod.metadata.labels ? `${pod.metadata.namespace}/${ORPHANS}` : undefined;
}

function podFromTemplate(rs: KubeObject): KubeObject {
  const t = rs.spec?.template ?? {};
  const meta = t.metadata ?? {};
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${rs.metadata.name}-`,
      namespace: rs.metadata.namespace,
      ...(meta.labels ? { labels: { ...meta.labels } } : {}),
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ...(meta.finalizers ? { finalizers: [...meta.finalizers] } : {}),
      ownerReferences: [ownerRefTo(rs)],
    },
    spec: cloneJson(t.spec ?? {}),
  };
}

/** slowStartBatch: batches of 1, 2, 4 …; stops at the first batch with a failure. */
async function slowStart(count: number, create: () => Promise<void>): Promise<{ created: number; error?: unknown }> {
  let created = 0;
  for (let batch = Math.min(count, 1); created < count; batch = Math.min(2 * batch, count - created)) {
    const results = await Promise.allSettled(Array.from({ length: batch }, () => create()));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    created += results.filter((r) => r.status === 'fulfilled').length;
    if (failed) return { created, error: failed.reason };
  }
  return { created };
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Creates and deletes a sync made that the cache has not shown yet (the controller's "expectations"):
 * until they show, the ReplicaSet is not resized again, so a second sync in the same round cannot
 * double the work. Kept for this process only — a new process primes its cache from the store.
 */
class Expectations {
  private readonly pending = new Map<string, Set<string>>();
  expect(uid: string, podName: string): void {
    let set = this.pending.get(uid);
    if (!set) this.pending.set(uid, (set = new Set()));
    set.add(podName);
  }
  /** A pod event (always the state after this sync's write): the expected change has shown. */
  observed(pod: KubeObject): void {
    const uid = controllerRef(pod)?.uid;
    const set = uid ? this.pending.get(uid) : undefined;
    if (!set || !set.has(pod.metadata.name ?? '')) return;
    set.delete(pod.metadata.name ?? '');
    if (set.size === 0) this.pending.delete(uid!);
  }
  satisfied(uid: string): boolean {
    return !this.pending.has(uid);
  }
}

export function replicaSetReconciler(): Reconciler {
  // ReplicaSets' pods and orphans (adoption candidates); other controllers' pods are not ours to count
  const pods = new OwnerIndex('pods', slimPod, (o) => !controllerRef(o) || ownedByKind('ReplicaSet')(o));
  const expectations = new Expectations();

  async function sync(rs: KubeObject, ctx: ReconcileContext): Promise<ReconcileResult | void> {
    const ns = rs.metadata.namespace ?? 'default';
    const now = ctx.clock.now();
    const events = new EventRecorder(ctx.client, ctx.clock, { component: 'replicaset-controller' });
    await pods.prime(ctx.client, ns);
    const selector = selectorFromLabelSelector(rs.spec?.selector);
    // in cache order: only the deletion below depends on the order (ties rank by name)
    const unordered = { ordered: false };
    // the active ones among the RS's pods and the namespace's orphans: claim skips the others in its
    // one pass (no filtered copy of tens of thousands of pods)
    const candidates = pods.ownedBy(rs.metadata.uid ?? '', unordered);
    for (const p of pods.orphans(ns, unordered)) candidates.push(p);
    const active = await claim({
      client: ctx.client, resource: 'pods', owner: rs, selector, candidates, include: isPodActive,
      fresh: (p) => getOptional(ctx.client, 'pods', ns, p.metadata.name ?? ''),
    });

    let failure: { reason: string; error: unknown } | undefined;
    const want = rs.spec?.replicas ?? 1;
    const diff = active.length - want;
    const uid = rs.metadata.uid ?? '';
    const manage = !rs.metadata.deletionTimestamp && expectations.satisfied(uid);
    if (manage && diff < 0) {
      const n = Math.min(-diff, BURST_REPLICAS);
      const res = await slowStart(n, async () => {
        const body = handOver(podFromTemplate(rs));
        const pod = ctx.client.immediate?.create('pods', body) ?? (await ctx.client.create('pods', body));
        expectations.expect(uid, pod.metadata.name ?? '');
        // most are held back by the spam filter past the first 25, at once (undefined): no await
        const recording = events.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
        if (recording) await recording;
      });
      if (res.error !== undefined) {
        failure = { reason: 'FailedCreate', error: res.error };
        await events.event(rs, 'Warning', 'FailedCreate', `Error creating: ${errorMessage(res.error)}`);
      }
    } else if (manage && diff > 0) {
      const byName = [...active].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
      const victims = podsToDelete(byName, await relatedPods(rs, ctx.client), Math.min(diff, BURST_REPLICAS), now);
      for (const pod of victims) {
        try {
          await ctx.client.delete('pods', ns, pod.metadata.name ?? '', { preconditions: { uid: pod.metadata.uid } });
          expectations.expect(uid, pod.metadata.name ?? '');
          await events.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
        } catch (e) {
          if (isStatusError(e) && e.code === 404) continue;
          failure = { reason: 'FailedDelete', error: e };
          await events.event(rs, 'Warning', 'FailedDelete', `Error deleting: ${errorMessage(e)}`);
          break;
        }
      }
    }

    const minReady = rs.spec?.minReadySeconds ?? 0;
    const templateLabels = rs.spec?.template?.metadata?.labels;
    let fullyLabeled = 0;
    let ready = 0;
    let available = 0;
    let nextAvailable = Number.POSITIVE_INFINITY;
    const nowMs = now.getTime();
    // cached pods share their labels and Ready conditions (interned, see slimPod): each answer is
    // computed once per run of pods sharing them, not once per pod
    let memoLabels: unknown = UNSEEN;
    let memoFullyLabeled = false;
    let memoConditions: unknown = UNSEEN;
    let memoFrom: number | undefined;
    for (let i = 0; i < active.length; i++) {
      const p = active[i]!;
      const labels = p.metadata.labels;
      if (labels !== memoLabels) {
        memoLabels = labels;
        memoFullyLabeled = labelsMatch(templateLabels, labels);
      }
      if (memoFullyLabeled) fullyLabeled++;
      // availableFrom depends on the Ready condition only, and is undefined exactly when not ready
      const conditions = p.status?.conditions;
      if (conditions !== memoConditions) {
        memoConditions = conditions;
        memoFrom = availableFrom(p, minReady);
      }
      if (memoFrom === undefined) continue;
      ready++;
      const from = memoFrom;
      if (from <= nowMs) available++;
      else nextAvailable = Math.min(nextAvailable, from);
    }
    const status: Record<string, unknown> = {
      replicas: active.length,
      fullyLabeledReplicas: fullyLabeled,
      readyReplicas: ready,
      availableReplicas: available,
      observedGeneration: rs.metadata.generation,
    };
    const conditions = failureConditions(rs.status?.conditions, failure, now);
    if (conditions.length > 0) status.conditions = conditions;
    await writeStatus(ctx.client, rs, status);
    if (failure) throw failure.error;
    if (Number.isFinite(nextAvailable)) return { requeueAfter: Math.max(0, nextAvailable - now.getTime()) };
  }

  /** Active pods of this ReplicaSet and of its siblings (same controller), for the same-node rank. */
  async function relatedPods(rs: KubeObject, client: Client): Promise<KubeObject[]> {
    const owner = controllerRef(rs);
    if (!owner) return pods.ownedBy(rs.metadata.uid ?? '');
    const siblings = (await client.list('replicasets', { namespace: rs.metadata.namespace })).items
      .filter((s) => controllerRef(s)?.uid === owner.uid);
    return siblings.flatMap((s) => pods.ownedBy(s.metadata.uid ?? '')).filter(isPodActive);
  }

  return {
    name: 'replicaset',
    watches: [
      { resource: 'replicasets', keys: (o) => [keyOf(o)] },
      {
        resource: 'pods',
        keys: (o, type) => {
          const before = pods.observe(o, type);
          expectations.observed(o);
          return distinctKeys(podKey(before, type), type === 'delete' ? undefined : podKey(o, type));
        },
      },
    ],
    async reconcile(key, ctx) {
      const { namespace, name } = splitKey(key);
      if (name === ORPHANS) {
        const sets = (await ctx.client.list('replicasets', { namespace })).items;
        await pods.prime(ctx.client, namespace);
        const orphans = pods.orphans(namespace ?? '', { ordered: false }).filter(isPodActive);
        for (const rs of sets) {
          if (rs.metadata.deletionTimestamp) continue;
          const sel = selectorFromLabelSelector(rs.spec?.selector);
          if (orphans.some((p) => sel.matches(p.metadata.labels))) await sync(rs, ctx);
        }
        return;
      }
      const rs = await getOptional(ctx.client, 'replicasets', namespace, name);
      if (!rs) return;
      return sync(rs, ctx);
    },
  };
}

/** The ReplicaFailure condition while creates/deletes fail; removed once they succeed. */
function failureConditions(existing: Condition[] | undefined, failure: { reason: string; error: unknown } | undefined, now: Date): Condition[] {
  const others = (existing ?? []).filter((c) => c.type !== 'ReplicaFailure');
  if (!failure) return others;
  const prev = (existing ?? []).find((c) => c.type === 'ReplicaFailure');
  if (prev) return existing ?? [];
  return [...others, { type: 'ReplicaFailure', status: 'True', lastTransitionTime: rfc3339(now), reason: failure.reason, message: errorMessage(failure.error) }];
}

async function writeStatus(client: Client, rs: KubeObject, status: Record<string, unknown>): Promise<void> {
  const before = rs.status ?? {};
  const same = Object.entries(status).every(([k, v]) => JSON.stringify(before[k]) === JSON.stringify(v)) &&
    (status.conditions !== undefined || before.conditions === undefined || before.conditions.length === 0);
  if (same) return;
  const fresh = await getOptional(client, 'replicasets', rs.metadata.namespace, rs.metadata.name ?? '');
  if (!fresh || fresh.metadata.uid !== rs.metadata.uid) return;
  const next = { ...status };
  if (!next.conditions) delete next.conditions;
  await client.updateStatus('replicasets', { ...fresh, status: next });
}
