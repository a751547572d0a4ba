/**
 * The node lifecycle controller with taint-based eviction, for simulated nodes.
 *
 * A node annotated `pocketkube.io/node-state: down` has stopped posting status: its conditions turn
 * Unknown (`Kubelet stopped posting node status.`), it gets the `node.kubernetes.io/unreachable`
 * taints (NoSchedule, NoExecute) and its pods are marked not Ready. When the annotation goes, the
 * node is Ready again and those taints are removed.
 *
 * A cordoned node (spec.unschedulable) carries the `node.kubernetes.io/unschedulable:NoSchedule`
 * taint (TaintNodesByCondition), removed when it is uncordoned.
 *
 * Any NoExecute taint (the unreachable one, or one a user added with `taint`) evicts the node's pods
 * that do not tolerate it — at once, or after the shortest tolerationSeconds of the tolerations
 * that let them stay (counted from the taint's timeAdded, or from the binding of a pod that came
 * later), as the taint eviction controller does.
 */
import type { KubeObject } from '../api/types.js';
import { EventRecorder } from '../api/event-recorder.js';
import { nodeIsDown } from '../node/node-state.js';
import { toleratesTaint, type Toleration } from '../scheduler/tolerations.js';
import { rfc3339 } from '../util/clock.js';
import type { ReconcileContext, ReconcileResult, Reconciler } from './reconciler.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';
export const UNSCHEDULABLE_TAINT = 'node.kubernetes.io/unschedulable';
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

/**
 * The node's taints as the controller keeps them (unreachable while down, unschedulable while
 * cordoned), each NoExecute taint with the time it was first seen (its timeAdded, which `taint`
 * does not write: tolerationSeconds count from it); undefined = unchanged.
 */
function withTaints(node: KubeObject, down: boolean, now: string): any[] | undefined {
  const taints: any[] = node.spec?.taints ?? [];
  const want: [string, string, boolean][] = [
    [UNREACHABLE_TAINT, 'NoSchedule', down],
    [UNREACHABLE_TAINT, 'NoExecute', down],
    [UNSCHEDULABLE_TAINT, 'NoSchedule', Boolean(node.spec?.unschedulable)],
  ];
  let after = taints;
  for (const [key, effect, present] of want) {
    const has = after.some((t) => t.key === key && t.effect === effect);
    if (present && !has) after = [...after, { key, effect, timeAdded: now }];
    else if (!present && has) after = after.filter((t) => !(t.key === key && t.effect === effect));
  }
  if (after.some((t) => t.effect === 'NoExecute' && !t.timeAdded)) {
    after = after.map((t) => (t.effect === 'NoExecute' && !t.timeAdded ? { ...t, timeAdded: now } : t));
  }
  return after === taints ? undefined : after;
}

/**
 * ms from the NoExecute taints' time until the pod must go (0: now); undefined = it may stay.
 * Untolerated: now; tolerated: the shortest tolerationSeconds of the tolerations used, none = forever.
 */
function evictAfter(pod: KubeObject, taints: readonly any[]): number | undefined {
  const tolerations = (pod.spec?.tolerations ?? []) as Toleration[];
  const secs: number[] = [];
  for (const taint of taints) {
    const used = tolerations.filter((t) => toleratesTaint(t, taint));
    if (used.length === 0) return 0;
    for (const t of used) if (typeof t.tolerationSeconds === 'number') secs.push(t.tolerationSeconds);
  }
  return secs.length === 0 ? undefined : Math.max(0, Math.min(...secs)) * 1000;
}

/** A down node's pods are not Ready (the node lifecycle controller's MarkPodsNotReady). */
async function markPodsNotReady(pods: KubeObject[], ctx: ReconcileContext): Promise<KubeObject[]> {
  const nowText = rfc3339(ctx.clock.now());
  const out: KubeObject[] = [];
  for (const pod of pods) {
    const conds: any[] = pod.status?.conditions ?? [];
    if (!conds.some((c) => c.type === 'Ready' && c.status === 'True')) {
      out.push(pod);
      continue;
    }
    const status = { ...pod.status, conditions: conds.map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: nowText } : c)) };
    out.push(await ctx.client.updateStatus('pods', { ...pod, status }));
  }
  return out;
}

/**
 * When the pod was bound to its node, in epoch ms: its PodScheduled condition's time, else (created
 * with spec.nodeName, not yet started) its creation; 0 when unknown.
 */
function boundAt(pod: KubeObject): number {
  const scheduled = ((pod.status?.conditions ?? []) as any[]).find((c) => c.type === 'PodScheduled' && c.status === 'True');
  const ms = new Date(scheduled?.lastTransitionTime ?? pod.metadata.creationTimestamp ?? NaN).getTime();
  return Number.isNaN(ms) ? 0 : ms;
}

/** Deletes the pods the node's NoExecute taints no longer let stay; when the next one must go. */
async function evictPods(pods: KubeObject[], taints: readonly any[], ctx: ReconcileContext): Promise<number | undefined> {
  // the newest NoExecute taint starts the clock (withTaints gave each one its timeAdded), or, for a
  // pod bound to the node after it, the binding (the taint manager times a pod from when it sees it)
  const now = ctx.clock.now().getTime();
  const taintedAt = Math.max(...taints.map((t) => (t.timeAdded ? new Date(t.timeAdded).getTime() : now)));
  const nowText = rfc3339(ctx.clock.now());
  const recorder = new EventRecorder(ctx.client, ctx.clock, { component: 'taint-eviction-controller' });
  let next: number | undefined;
  for (const pod of pods) {
    const after = evictAfter(pod, taints);
    if (after === undefined) continue;
    const from = Math.max(taintedAt, boundAt(pod));
    if (from + after > now) {
      next = Math.min(next ?? Infinity, from + after - now);
      continue;
    }
    const status = { ...pod.status, conditions: [...(pod.status?.conditions ?? []), { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastProbeTime: null, lastTransitionTime: nowText }] };
    const current = await ctx.client.updateStatus('pods', { ...pod, status });
    await recorder.event(current, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`);
    await ctx.client.delete('pods', pod.metadata.namespace, pod.metadata.name!);
  }
  return next;
}

async function handlePods(node: KubeObject, down: boolean, ctx: ReconcileContext): Promise<ReconcileResult | void> {
  const noExecute = ((node.spec?.taints ?? []) as any[]).filter((t) => t.effect === 'NoExecute');
  if (!down && noExecute.length === 0) return;
  const listed = (await ctx.client.list('pods', { fieldSelector: `spec.nodeName=${node.metadata.name}` })).items;
  let pods = listed.filter((p) => !p.metadata.deletionTimestamp);
  if (down) pods = await markPodsNotReady(pods, ctx);
  if (noExecute.length === 0) return;
  const next = await evictPods(pods, noExecute, ctx);
  return next === undefined ? undefined : { requeueAfter: next };
}

/** The tolerations DefaultTolerationSeconds gives every pod: they matter only on a node that goes down. */
const DEFAULT_TOLERATED = new Set(['node.kubernetes.io/not-ready', UNREACHABLE_TAINT]);

/** Whether a pod tolerates some NoExecute taint for a while (a toleration other than the defaults with tolerationSeconds). */
function toleratesForAWhile(pod: KubeObject): boolean {
  for (const t of (pod.spec?.tolerations ?? []) as Toleration[]) {
    if (typeof t.tolerationSeconds === 'number' && (t.effect === undefined || t.effect === '' || t.effect === 'NoExecute') && !DEFAULT_TOLERATED.has(t.key ?? '')) return true;
  }
  return false;
}

export function nodeLifecycleReconciler(): Reconciler {
  // nodes seen with a NoExecute taint in this process: a pod bound to one is timed from its binding
  const tainted = new Set<string>();
  const nodeKeys = (node: KubeObject, type: 'put' | 'delete'): string[] => {
    const name = node.metadata.name ?? '';
    if (type === 'put' && ((node.spec?.taints ?? []) as any[]).some((t) => t.effect === 'NoExecute')) tainted.add(name);
    else tainted.delete(name);
    return [name];
  };
  // A pod bound to a node after its NoExecute taint came (the scheduler lets only pods that
  // tolerate it land there) must go when its tolerationSeconds run out: such a pod queues its node.
  // Pods with only the default tolerations queue it only when this process saw the node tainted,
  // so a scale-up queues no node for its pods.
  const podKeys = (pod: KubeObject, type: 'put' | 'delete'): string[] => {
    const node = pod.spec?.nodeName as string | undefined;
    if (type !== 'put' || !node || pod.metadata.deletionTimestamp) return [];
    return tainted.has(node) || toleratesForAWhile(pod) ? [node] : [];
  };
  return {
    name: 'node-lifecycle',
    watches: [
      { resource: 'nodes', keys: nodeKeys },
      { resource: 'pods', keys: podKeys },
    ],
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
      return handlePods(node, down, ctx);
    },
  };
}
