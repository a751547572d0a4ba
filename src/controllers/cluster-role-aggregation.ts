/**
 * The ClusterRole aggregation controller (pkg/controller/clusterroleaggregation): a ClusterRole
 * with an aggregationRule gets, as its rules, the rules of every other ClusterRole its selectors
 * match (by name order, each rule once). One key for all of them: any ClusterRole's change can
 * change any aggregate, and there are few.
 */
import { deepEqual } from '../api/patch/json-value.js';
import { selectorFromLabelSelector } from '../api/label-selector.js';
import type { KubeObject } from '../api/types.js';
import type { ReconcileContext, Reconciler } from './reconciler.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const ALL = ['all'];

/** The rules an aggregated ClusterRole should have, given every ClusterRole. */
export function aggregatedRules(role: KubeObject, all: readonly KubeObject[]): any[] {
  const rules: any[] = [];
  for (const sel of role.aggregationRule?.clusterRoleSelectors ?? []) {
    const selector = selectorFromLabelSelector(sel);
    const matched = all
      .filter((r) => r.metadata.name !== role.metadata.name && selector.matches(r.metadata.labels ?? {}))
      .sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
    for (const r of matched) for (const rule of r.rules ?? []) if (!rules.some((x) => deepEqual(x, rule))) rules.push(rule);
  }
  return rules;
}

async function sync(ctx: ReconcileContext): Promise<void> {
  const all = (await ctx.client.list('clusterroles')).items;
  for (const role of all) {
    if (!role.aggregationRule) continue;
    const rules = aggregatedRules(role, all);
    // nil and empty are the same rules (equality.Semantic)
    if (deepEqual(rules, role.rules ?? [])) continue;
    await ctx.client.update('clusterroles', { ...role, rules });
  }
}

export function clusterRoleAggregationReconciler(): Reconciler {
  return {
    name: 'clusterrole-aggregation',
    watches: [{ resource: 'clusterroles', keys: () => ALL }],
    async reconcile(_key, ctx): Promise<void> {
      await sync(ctx);
    },
  };
}
