/**
 * The node lifecycle controller with taint-based eviction, for simulated nodes. A node annotated
 * `pocketkube.io/node-state: down` has stopped posting status: its conditions turn Unknown
 * (`Kubelet stopped posting node status.`), it gets the `node.kubernetes.io/unreachable` taints
 * (NoSchedule, NoExecute), its pods are marked not Ready, and pods that do not tolerate the NoExecute
 * taint are deleted — at once, or after their tolerationSeconds (300 s by default admission). When the
 * annotation goes, the node is Ready again and the taints are removed.
 */
import type { KubeObject } from '../api/types.js';
import { EventRecorder } from '../api/event-recorder.js';
import { nodeIsDown } from '../node/node-state.js';
import { toleratesTaint, type Toleration } from '../scheduler/tolerations.js';
import { rfc3339 } from '../util/clock.js';
import type { ReconcileContext, ReconcileResult, Reconciler } from './reconciler.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';
const UNKNOWN_MESSAGE = 'Kubelet stopped posting node status.';
const HEALTHY: Record<string, [string, string, string]> = {
  MemoryPressure: ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  DiskPressure: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  PIDPressure: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  Ready: ['True', 'KubeletReady', 'kubelet is posting ready status'],
};

function withConditions(node: KubeObject, down: boolean, now: string): any[] | undefined {
  const before: any[] = node.status?.conditions ?? [];
  let changed = false;
  const after = before.map((c) => {
    const want = down ? ['Unknown', 'NodeStatusUnknown', UNKNOWN_MESSAGE] : HEALTHY[c.type];
    if (!want || (c.status === want[0] && c.reason === want[1])) return c;
    if (!down && c.reason !== 'NodeStatusUnknown') return c;
    changed = true;
    return { ...c, status: want[0], reason: want[1], message: want[2], lastTransitionTime: now, ...(down ? {} : { lastHeartbeatTime: now }) };
  });
  return changed ? after : undefined;
}

function withTaints(node: KubeObject, down: boolean, now: string): any[] | undefined {
  const taints: any[] = node.spec?.taints ?? [];
  const others = taints.filter((t) => t.key !== UNREACHABLE_TAINT);
  if (!down) return others.length === taints.length ? undefined : others;
  const has = (effect: string) => taints.some((t) => t.key === UNREACHABLE_TAINT && t.effect === effect);
  if (has('NoSchedule') && has('NoExecute')) return undefined;
  return [...others, { key: UNREACHABLE_TAINT, effect: 'NoSchedule', timeAdded: now }, { key: UNREACHABLE_TAINT, effect: 'NoExecute', timeAdded: now }];
}

/** ms from the NoExecute taint until the pod must go; undefined = it may stay. */
function evictAfter(pod: KubeObject, taint: any): number | undefined {
  const tolerating = ((pod.spec?.tolerations ?? []) as Toleration[]).filter((t) => toleratesTaint(t, taint));
  if (tolerating.length === 0) return 0;
  const secs = tolerating.map((t) => t.tolerationSeconds);
  if (secs.some((s) => s === undefined || s === null)) return undefined;
  return Math.max(0, Math.min(...(secs as number[]))) * 1000;
}

async function handlePods(node: KubeObject, ctx: ReconcileContext): Promise<ReconcileResult | void> {
  const taint = (node.spec?.taints ?? []).find((t: any) => t.key === UNREACHABLE_TAINT && t.effect === 'NoExecute');
  const taintedAt = new Date(taint?.timeAdded ?? ctx.clock.now()).getTime();
  const now = ctx.clock.now().getTime();
  const nowText = rfc3339(ctx.clock.now());
  const recorder = new EventRecorder(ctx.client, ctx.clock, { component: 'taint-eviction-controller' });
  let next: number | undefined;
  for (const pod of (await ctx.client.list('pods', { fieldSelector: `spec.nodeName=${node.metadata.name}` })).items) {
    if (pod.metadata.deletionTimestamp) continue;
    let current = pod;
    const conds: any[] = pod.status?.conditions ?? [];
    if (conds.some((c) => c.type === 'Ready' && c.status === 'True')) {
      const status = { ...pod.status, conditions: conds.map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: nowText } : c)) };
      current = await ctx.client.updateStatus('pods', { ...pod, status });
    }
    const after = evictAfter(pod, taint ?? { key: UNREACHABLE_TAINT, effect: 'NoExecute' });
    if (after === undefined) continue;
    if (taintedAt + after > now) {
      next = Math.min(next ?? Infinity, taintedAt + after - now);
      continue;
    }
    const status = { ...current.status, conditions: [...(current.status?.conditions ?? []), { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastProbeTime: null, lastTransitionTime: nowText }] };
    current = await ctx.client.updateStatus('pods', { ...current, status });
    await recorder.event(current, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`);
    await ctx.client.delete('pods', pod.metadata.namespace, pod.metadata.name!);
  }
  return next === undefined ? undefined : { requeueAfter: next };
}

export function nodeLifecycleReconciler(): Reconciler {
  return {
    name: 'node-lifecycle',
    watches: [{ resource: 'nodes', keys: (o) => [o.metadata.name ?? ''] }],
    async reconcile(name, ctx): Promise<ReconcileResult | void> {
      let node: KubeObject;
      try {
        node = await ctx.client.get('nodes', undefined, name);
      } catch (e: any) {
        if (e?.code === 404) return;
        throw e;
      }
      const down = nodeIsDown(node);
      const now = rfc3339(ctx.clock.now());
      const conditions = withConditions(node, down, now);
      if (conditions) node = await ctx.client.updateStatus('nodes', { ...node, status: { ...node.status, conditions } });
      const taints = withTaints(node, down, now);
      if (taints) {
        const { taints: _old, ...spec } = node.spec ?? {};
        node = await ctx.client.update('nodes', { ...node, spec: taints.length > 0 ? { ...spec, taints } : spec });
      }
      if (down) return handlePods(node, ctx);
    },
  };
}
