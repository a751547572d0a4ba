/**
 * The resource quota controller (pkg/controller/resourcequota): keeps each ResourceQuota's
 * status — hard as the spec says, used as counted from what the namespace holds. The API server
 * charges what it admits as it goes (apiserver/admission/resource-quota.ts); this controller counts
 * afresh when a quota is new or its limits change, when something a quota may track leaves (or a
 * pod finishes), and every RESYNC_MS (kube-controller-manager's --resource-quota-sync-period).
 *
 * Keys are a quota's `namespace/name`, or `namespace/*` for every quota of a namespace (what a
 * deletion there queues: the watch cannot know which quotas a namespace has). A namespace without
 * quotas costs that key's one empty list per round, and a scale-up none at all: pods are looked at
 * only when they are deleted or finish.
 */
import { getOptional } from '../api/get-optional.js';
import { resourceOf } from '../api/kind.js';
import type { Registry } from '../api/registry.js';
import { type Amounts, addInto, amounts, equalAmounts, mask, resourceList } from '../api/quota/amounts.js';
import { type Evaluator, IGNORED_RESOURCES, evaluatorFor, specialEvaluators } from '../api/quota/evaluators.js';
import { quotaScopes } from '../api/quota/scopes.js';
import type { KubeObject } from '../api/types.js';
import { CUSTOM_RESOURCES, type ReconcileContext, type ReconcileResult, type Reconciler, type Watch, keyOf, splitKey } from './reconciler.js';

/** kube-controller-manager's default --resource-quota-sync-period. */
export const RESYNC_MS = 5 * 60_000;
/** The name part of a key that stands for every quota of its namespace. */
export const ALL_QUOTAS = '*';

const NONE: string[] = [];
const SPECIAL = new Set(specialEvaluators());
const namespaceKeys = new Map<string, string[]>();
/** `namespace/*`, one array per namespace (a mass deletion allocates none). */
function allQuotasOf(obj: KubeObject): string[] {
  const ns = obj.metadata.namespace;
  if (!ns) return NONE;
  let keys = namespaceKeys.get(ns);
  if (!keys) namespaceKeys.set(ns, (keys = [`${ns}/${ALL_QUOTAS}`]));
  return keys;
}

/** Whether the controller has yet to count for this quota: hard not copied, or a tracked resource not counted. */
export function needsSync(q: KubeObject): boolean {
  if (!equalAmounts(amounts(q.spec?.hard), amounts(q.status?.hard))) return true;
  const used: Record<string, unknown> = q.status?.used ?? {};
  return Object.keys(q.spec?.hard ?? {}).some((k) => used[k] === undefined);
}

const isFinished = (pod: KubeObject): boolean => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

/** The resource as quotas name it: the plural, with `.group` outside the core group. */
const quotaName = (k: { plural: string; group: string }): string => (k.group ? `${k.plural}.${k.group}` : k.plural);

export function resourceQuotaReconciler(registry: Registry): Reconciler {
  /** The evaluators a quota's hard limits call for: the special ones, and a counter per other `count/…`. */
  function evaluators(hard: readonly string[]): Evaluator[] {
    const out = specialEvaluators();
    for (const name of hard) {
      if (!name.startsWith('count/')) continue;
      const e = evaluatorFor(name.slice('count/'.length));
      if (!out.includes(e) && !IGNORED_RESOURCES.has(e.resource)) out.push(e);
    }
    return out;
  }

  /** CalculateUsage: each evaluator's usage over the namespace's objects in the quota's scopes. */
  async function countUsage(q: KubeObject, hard: readonly string[], ctx: ReconcileContext): Promise<Amounts> {
    const now = ctx.clock.now();
    const scopes = quotaScopes(q);
    const usage: Amounts = new Map();
    for (const e of evaluators(hard)) {
      const tracked = e.matching(hard);
      if (tracked.length === 0) continue;
      const kind = registry.kinds.find((k) => k.namespaced && quotaName(k) === e.resource);
      // a resource not served: the legacy ones (replicationcontrollers) count nothing, an unknown `count/…` is not counted
      if (!kind && !SPECIAL.has(e)) continue;
      for (const r of tracked) usage.set(r, { nanos: 0n, format: 'DecimalSI' });
      if (!kind) continue;
      const counted: Amounts = new Map();
      for (const obj of (await ctx.client.list(resourceOf(kind), { namespace: q.metadata.namespace })).items) {
        if (scopes.every((req) => e.matchesScope(req, obj))) addInto(counted, e.usage(obj, now));
      }
      for (const r of tracked) {
        const n = counted.get(r);
        if (n) usage.set(r, n);
      }
    }
    return usage;
  }

  async function sync(q: KubeObject, ctx: ReconcileContext): Promise<void> {
    const hard = amounts(q.spec?.hard);
    const names = [...hard.keys()];
    const used = amounts(q.status?.used);
    for (const [k, v] of await countUsage(q, names, ctx)) used.set(k, v);
    const kept = mask(used, names);
    if (equalAmounts(hard, amounts(q.status?.hard)) && equalAmounts(kept, amounts(q.status?.used))) return;
    await ctx.client.updateStatus('resourcequotas', { ...q, status: { hard: resourceList(hard), used: resourceList(kept) } });
  }

  const deletions = (resource: string): Watch => ({ resource, deletesOnly: true, keys: allQuotasOf });
  const others = registry.kinds
    .filter((k) => k.namespaced && !IGNORED_RESOURCES.has(quotaName(k)) && !['pods', 'resourcequotas'].includes(resourceOf(k)))
    .map((k) => deletions(resourceOf(k)));

  return {
    name: 'resourcequota',
    watches: [
      // the controller's own status writes and the API server's charges need no count
      { resource: 'resourcequotas', keys: (q, type) => (type === 'delete' ? allQuotasOf(q) : needsSync(q) ? [keyOf(q)] : NONE) },
      // a pod counts until it finishes or goes; the rest of a pod's life is not looked at
      { resource: 'pods', keys: (pod, type) => (type === 'delete' || isFinished(pod) ? allQuotasOf(pod) : NONE) },
      ...others,
      deletions(CUSTOM_RESOURCES),
    ],
    async reconcile(key, ctx): Promise<ReconcileResult | void> {
      const { namespace, name } = splitKey(key);
      if (name === ALL_QUOTAS) {
        for (const q of (await ctx.client.list('resourcequotas', { namespace })).items) if (!q.metadata.deletionTimestamp) await sync(q, ctx);
        return undefined;
      }
      const q = await getOptional(ctx.client, 'resourcequotas', namespace, name);
      if (!q || q.metadata.deletionTimestamp) return undefined;
      await sync(q, ctx);
      return { requeueAfter: RESYNC_MS };
    },
  };
}
