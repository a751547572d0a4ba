/**
 * The namespace controller. For a live namespace it makes sure the objects every namespace has exist
 * (ServiceAccount `default`, as the serviceaccount controller does; ConfigMap `kube-root-ca.crt`, as the
 * root-CA publisher does). For a terminating one it deletes all namespaced content, reports progress
 * in the deletion conditions, and once nothing is left removes the `kubernetes` finalizer from
 * spec.finalizers, which lets the namespace go.
 */
import { isStatusError } from '../api/errors.js';
import type { Registry } from '../api/registry.js';
import { resourceOf } from '../api/kind.js';
import type { Condition, KubeObject } from '../api/types.js';
import { rfc3339 } from '../util/clock.js';
import type { ReconcileContext, ReconcileResult, Reconciler } from './reconciler.js';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
const FINALIZER = 'kubernetes';
/** How soon to look again while content with finalizers or grace periods remains. */
const RECHECK_MS = 5_000;

async function ensure(ctx: ReconcileContext, resource: string, obj: KubeObject): Promise<void> {
  try {
    await ctx.client.get(resource, obj.metadata.namespace, obj.metadata.name!);
  } catch (e) {
    if (!isStatusError(e) || e.code !== 404) throw e;
    await ctx.client.create(resource, obj);
  }
}

function conditions(now: string, remaining: Map<string, number>, finalizers: Map<string, number>): Condition[] {
  const ok = (type: string, reason: string, message: string): Condition => ({ type, status: 'False', reason, message, lastTransitionTime: now });
  const count = [...remaining.values()].reduce((a, b) => a + b, 0);
  const list = [
    ok('NamespaceDeletionDiscoveryFailure', 'ResourcesDiscovered', 'All resources successfully discovered'),
    ok('NamespaceDeletionGroupVersionParsingFailure', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'),
    ok('NamespaceDeletionContentFailure', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'),
    count > 0
      ? { type: 'NamespaceContentRemaining', status: 'True' as const, reason: 'SomeResourcesRemain', lastTransitionTime: now,
          message: `Some resources are remaining: ${[...remaining].sort().map(([r, n]) => `${r} has ${n} resource instances`).join(', ')}` }
      : ok('NamespaceContentRemaining', 'ContentRemoved', 'All content successfully removed'),
    finalizers.size > 0
      ? { type: 'NamespaceFinalizersRemaining', status: 'True' as const, reason: 'SomeFinalizersRemain', lastTransitionTime: now,
          message: `Some content in the namespace has finalizers remaining: ${[...finalizers].sort().map(([f, n]) => `${f} in ${n} resource instances`).join(', ')}` }
      : ok('NamespaceFinalizersRemaining', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'),
  ];
  return list;
}

/** Deletes what is left in the namespace; returns what still remains (per resource) and the finalizers holding it. */
async function deleteContent(registry: Registry, ns: string, ctx: ReconcileContext) {
  const remaining = new Map<string, number>();
  const finalizers = new Map<string, number>();
  for (const kind of registry.kinds) {
    if (!kind.namespaced) continue;
    const resource = kind.group ? `${kind.plural}.${kind.group}` : kind.plural;
    for (const obj of (await ctx.client.list(resourceOf(kind), { namespace: ns })).items) {
      let left: KubeObject | undefined = obj;
      if (!obj.metadata.deletionTimestamp) {
        try {
          left = await ctx.client.delete(resourceOf(kind), ns, obj.metadata.name!, { propagationPolicy: 'Background' });
          const still = await ctx.client.get(resourceOf(kind), ns, obj.metadata.name!).catch(() => undefined);
          left = still?.metadata.uid === obj.metadata.uid ? still : undefined;
        } catch (e) {
          if (!isStatusError(e) || e.code !== 404) throw e;
          left = undefined;
        }
      }
      if (!left) continue;
      remaining.set(resource, (remaining.get(resource) ?? 0) + 1);
      for (const f of left.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
    }
  }
  return { remaining, finalizers };
}

export function namespaceReconciler(registry: Registry, rootCA: () => string | undefined): Reconciler {
  const namespaced = registry.kinds.filter((k) => k.namespaced).map(resourceOf);
  return {
    name: 'namespace',
    // Content matters when it goes: a terminating namespace counts down its remains (and looks again
    // every RECHECK_MS for what finalizers hold), a live one recreates its default ServiceAccount and
    // root-CA ConfigMap. A create or update of content changes neither, so the Events and pods of a
    // scale-up are not read for this controller.
    watches: [
      { resource: 'namespaces', keys: (o) => [o.metadata.name ?? ''] },
      ...namespaced.map((resource) => ({ resource, deletesOnly: true, keys: (o: KubeObject) => (o.metadata.namespace ? [o.metadata.namespace] : []) })),
    ],
    async reconcile(name, ctx): Promise<ReconcileResult | void> {
      let ns: KubeObject;
      try {
        ns = await ctx.client.get('namespaces', undefined, name);
      } catch (e) {
        if (isStatusError(e) && e.code === 404) return;
        throw e;
      }
      if (!ns.metadata.deletionTimestamp) {
        await ensure(ctx, 'serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } });
        const ca = rootCA();
        if (ca) {
          await ensure(ctx, 'configmaps', {
            apiVersion: 'v1', kind: 'ConfigMap',
            metadata: { name: ROOT_CA_CONFIGMAP, namespace: name, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } },
            data: { 'ca.crt': ca },
          });
        }
        return;
      }
      const { remaining, finalizers } = await deleteContent(registry, name, ctx);
      const now = rfc3339(ctx.clock.now());
      const current = await ctx.client.get('namespaces', undefined, name);
      const conds = conditions(now, remaining, finalizers);
      const before: Condition[] = current.status?.conditions ?? [];
      const merged = conds.map((c) => {
        const prev = before.find((b) => b.type === c.type);
        return prev && prev.status === c.status ? { ...c, lastTransitionTime: prev.lastTransitionTime } : c;
      });
      const withStatus = await ctx.client.updateStatus('namespaces', { ...current, status: { ...current.status, conditions: merged } });
      if (remaining.size > 0) return { requeueAfter: RECHECK_MS };
      const specFinalizers: string[] = withStatus.spec?.finalizers ?? [];
      if (specFinalizers.includes(FINALIZER)) {
        await ctx.client.update('namespaces', { ...withStatus, spec: { ...withStatus.spec, finalizers: specFinalizers.filter((f) => f !== FINALIZER) } });
      }
    },
  };
}
