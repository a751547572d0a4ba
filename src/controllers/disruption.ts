/**
 * The disruption controller (pkg/controller/disruption): keeps each PodDisruptionBudget's status —
 * the pods it covers that are healthy now, how many must stay healthy, how many are expected, and so
 * how many may be disrupted — which the eviction API (apiserver/eviction.ts) spends.
 *
 * Keys are namespaces: a change of a pod or a budget looks at every budget of its namespace once a
 * round (a namespace without budgets costs one empty list). The pods of a namespace with budgets are
 * kept as the watch hands them over (NamespacePods), like an informer's cache: listing them each
 * round copied every pod of the namespace per round, which made a scale-up under a budget quadratic.
 */
import type { Client } from '../api/client.js';
import { EventRecorder } from '../api/event-recorder.js';
import { getOptional } from '../api/get-optional.js';
import type { KubeObject } from '../api/types.js';
import { scaledValue } from '../api/kinds/int-or-percent.js';
import { budgetSelector } from '../api/kinds/pod-disruption-budget.js';
import { rfc3339 } from '../util/clock.js';
import { isPodReady, slimPod } from './pod-state.js';
import type { ReconcileContext, ReconcileResult, Reconciler } from './reconciler.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** How long an eviction's pod counts as gone (DeletionTimeout): the budget does not count it meanwhile. */
export const DELETION_TIMEOUT_MS = 2 * 60_000;

export interface BudgetCounts {
  currentHealthy: number;
  desiredHealthy: number;
  expectedPods: number;
}

/** The budget's selector as the controller reads it: none selects no pod, an empty one every pod. */
export function podsOfBudget(pdb: KubeObject, pods: readonly KubeObject[]): KubeObject[] {
  const sel = budgetSelector(pdb);
  return pods.filter((p) => sel.matches(p.metadata.labels ?? {}));
}

/** The scale of a pod's controller (getExpectedScale's finders): [controller uid, replicas], or undefined when none is found. */
async function controllerScale(client: Client, pod: KubeObject, ref: any): Promise<[string, number] | undefined> {
  const ns = pod.metadata.namespace;
  if (ref.kind === 'ReplicaSet' && ref.apiVersion?.startsWith('apps/')) {
    const rs = await getOptional(client, 'replicasets', ns, ref.name);
    if (!rs || rs.metadata.uid !== ref.uid) return undefined;
    const owner = (rs.metadata.ownerReferences ?? []).find((o: any) => o.controller);
    if (owner?.kind === 'Deployment') {
      const d = await getOptional(client, 'deployments', ns, owner.name);
      return d && d.metadata.uid === owner.uid ? [d.metadata.uid!, d.spec?.replicas ?? 0] : undefined;
    }
    return [rs.metadata.uid!, rs.spec?.replicas ?? 0];
  }
  if (ref.kind === 'StatefulSet' && ref.apiVersion?.startsWith('apps/')) {
    const ss = await getOptional(client, 'statefulsets', ns, ref.name);
    return ss && ss.metadata.uid === ref.uid ? [ss.metadata.uid!, ss.spec?.replicas ?? 0] : undefined;
  }
  return undefined;
}

/** getExpectedPodCount: expected and desired healthy pods, by minAvailable or maxUnavailable. */
export async function expectedCounts(client: Client, pdb: KubeObject, pods: readonly KubeObject[]): Promise<{ expectedPods: number; desiredHealthy: number; unmanaged: string[] }> {
  const { minAvailable, maxUnavailable } = pdb.spec ?? {};
  if (typeof minAvailable === 'number') return { expectedPods: pods.length, desiredHealthy: minAvailable, unmanaged: [] };
  const scales = new Map<string, number>();
  const unmanaged: string[] = [];
  for (const pod of pods) {
    const ref = (pod.metadata.ownerReferences ?? []).find((o: any) => o.controller);
    if (!ref) {
      unmanaged.push(pod.metadata.name ?? '');
      continue;
    }
    if (scales.has(ref.uid)) continue;
    const found = await controllerScale(client, pod, ref);
    if (!found) throw new Error(`found no controllers for pod ${JSON.stringify(pod.metadata.name)}`);
    scales.set(found[0], found[1]);
  }
  const expectedPods = [...scales.values()].reduce((a, b) => a + b, 0);
  if (maxUnavailable !== undefined && maxUnavailable !== null) {
    return { expectedPods, desiredHealthy: Math.max(0, expectedPods - scaledValue(maxUnavailable, expectedPods, true)), unmanaged };
  }
  return { expectedPods, desiredHealthy: scaledValue(minAvailable, expectedPods, true), unmanaged };
}

/** countHealthyPods: Ready, not being deleted, and not evicted in the last two minutes. */
export function countHealthy(pods: readonly KubeObject[], disrupted: Record<string, string>, now: number): number {
  let n = 0;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const at = disrupted[pod.metadata.name ?? ''];
    if (at && Date.parse(at) + DELETION_TIMEOUT_MS > now) continue;
    if (isPodReady(pod)) n++;
  }
  return n;
}

/** buildDisruptedPodMap: the evictions still awaited (their pod here, not deleting, under two minutes old) and when the first one lapses. */
export function awaitedEvictions(pods: readonly KubeObject[], disrupted: Record<string, string> | undefined, now: number): { map: Record<string, string>; recheck?: number } {
  const map: Record<string, string> = {};
  let recheck: number | undefined;
  for (const pod of pods) {
    const at = disrupted?.[pod.metadata.name ?? ''];
    if (!at || pod.metadata.deletionTimestamp) continue;
    const expires = Date.parse(at) + DELETION_TIMEOUT_MS;
    if (expires < now) continue;
    map[pod.metadata.name ?? ''] = at;
    recheck = Math.min(recheck ?? Infinity, expires);
  }
  return { map, recheck };
}

/** The DisruptionAllowed condition for a status (UpdateDisruptionAllowedCondition). */
function withCondition(status: any, now: string, failure?: string): any {
  const allowed = !failure && status.disruptionsAllowed > 0;
  const want = { type: 'DisruptionAllowed', status: allowed ? 'True' : 'False', reason: failure ? 'SyncFailed' : allowed ? 'SufficientPods' : 'InsufficientPods', message: failure ?? '', observedGeneration: status.observedGeneration };
  const old = (status.conditions ?? []).find((c: any) => c.type === 'DisruptionAllowed');
  const lastTransitionTime = old && old.status === want.status ? old.lastTransitionTime : now;
  const others = (status.conditions ?? []).filter((c: any) => c.type !== 'DisruptionAllowed');
  return { ...status, conditions: [...others, { ...want, lastTransitionTime }] };
}

async function writeStatus(ctx: ReconcileContext, pdb: KubeObject, status: any): Promise<void> {
  if (JSON.stringify(status) === JSON.stringify(pdb.status)) return;
  await ctx.client.updateStatus('poddisruptionbudgets', { ...pdb, status });
}

/** One budget's sync; when it must be looked at again (an awaited eviction lapsing). */
async function syncBudget(pdb: KubeObject, all: readonly KubeObject[], ctx: ReconcileContext, recorder: EventRecorder): Promise<number | undefined> {
  const now = ctx.clock.now();
  const nowText = rfc3339(now);
  const pods = podsOfBudget(pdb, all);
  if (pods.length === 0) await recorder.event(pdb, 'Normal', 'NoPods', 'No matching pods found');
  let counts;
  try {
    counts = await expectedCounts(ctx.client, pdb, pods);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await recorder.event(pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${message}`);
    // the fail-safe: nothing may be disrupted while the budget cannot be worked out
    await writeStatus(ctx, pdb, withCondition({ ...pdb.status, disruptionsAllowed: 0, observedGeneration: pdb.metadata.generation }, nowText, message));
    return undefined;
  }
  if (counts.unmanaged.length > 0) {
    await recorder.event(pdb, 'Warning', 'UnmanagedPods', `Pods selected by this PodDisruptionBudget (selector: ${JSON.stringify(pdb.spec?.selector)}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`);
  }
  const { map, recheck } = awaitedEvictions(pods, pdb.status?.disruptedPods, now.getTime());
  const currentHealthy = countHealthy(pods, map, now.getTime());
  let disruptionsAllowed = currentHealthy - counts.desiredHealthy;
  if (counts.expectedPods <= 0 || disruptionsAllowed <= 0) disruptionsAllowed = 0;
  const { conditions } = pdb.status ?? {};
  const status = {
    ...(Object.keys(map).length > 0 ? { disruptedPods: map } : {}),
    disruptionsAllowed,
    currentHealthy,
    desiredHealthy: counts.desiredHealthy,
    expectedPods: counts.expectedPods,
    observedGeneration: pdb.metadata.generation,
    ...(conditions ? { conditions } : {}),
  };
  await writeStatus(ctx, pdb, withCondition(status, nowText));
  return recheck === undefined ? undefined : recheck - now.getTime();
}

/**
 * The pods of the namespaces that have budgets, slim (pod-state.ts): filled by one list the first
 * time a namespace's budgets are synced, then kept up to date from the watch. Only a cache of the
 * store: a fresh process lists again.
 */
class NamespacePods {
  private readonly byNamespace = new Map<string, Map<string, KubeObject>>();

  observe(pod: KubeObject, type: 'put' | 'delete'): void {
    const pods = this.byNamespace.get(pod.metadata.namespace ?? '');
    if (!pods) return;
    if (type === 'delete') pods.delete(pod.metadata.name ?? '');
    else pods.set(pod.metadata.name ?? '', slimPod(pod));
  }

  async of(client: Client, namespace: string): Promise<KubeObject[]> {
    let pods = this.byNamespace.get(namespace);
    if (!pods) {
      pods = new Map();
      for (const p of (await client.list('pods', { namespace })).items) pods.set(p.metadata.name ?? '', slimPod(p));
      this.byNamespace.set(namespace, pods);
    }
    return [...pods.values()];
  }

  /** A namespace without budgets: its pods need not be kept. */
  forget(namespace: string): void {
    this.byNamespace.delete(namespace);
  }
}

const namespaceKeys = new Map<string, string[]>();
/** A pod's or budget's key: its namespace (one array per namespace: a scale-up's pod changes allocate none). */
function keysOf(obj: KubeObject): string[] {
  const ns = obj.metadata.namespace ?? '';
  let keys = namespaceKeys.get(ns);
  if (!keys) namespaceKeys.set(ns, (keys = [ns]));
  return keys;
}

export function disruptionReconciler(): Reconciler {
  const cache = new NamespacePods();
  return {
    name: 'disruption',
    watches: [
      { resource: 'poddisruptionbudgets', keys: keysOf },
      {
        resource: 'pods',
        keys: (pod, type) => {
          cache.observe(pod, type);
          return keysOf(pod);
        },
      },
    ],
    async reconcile(namespace, ctx): Promise<ReconcileResult | void> {
      const budgets = (await ctx.client.list('poddisruptionbudgets', { namespace })).items;
      if (budgets.length === 0) {
        cache.forget(namespace);
        return;
      }
      const pods = await cache.of(ctx.client, namespace);
      const recorder = new EventRecorder(ctx.client, ctx.clock, { component: 'controllermanager' });
      let next: number | undefined;
      for (const pdb of budgets) {
        if (pdb.metadata.deletionTimestamp) continue;
        const after = await syncBudget(pdb, pods, ctx, recorder);
        if (after !== undefined) next = Math.min(next ?? Infinity, after);
      }
      return next === undefined ? undefined : { requeueAfter: Math.max(0, next) };
    },
  };
}
