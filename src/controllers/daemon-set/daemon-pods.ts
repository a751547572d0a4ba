/**
 * The daemon pods of one DaemonSet, node by node: the pod to create for a node, which pods to delete
 * (on nodes they should not run on, duplicates, failed ones, old revisions within maxUnavailable),
 * and the status counts.
 */
import { TEMPLATE_GENERATION_ANNOTATION } from '../../api/kinds/daemon-set.js';
import { intOrPercentValue } from '../../api/kinds/int-or-percent.js';
import type { KubeObject } from '../../api/types.js';
import { ownerRefTo } from '../controller-ref.js';
import { availableFrom, isPodReady } from '../pod-state.js';
import { daemonPodNode, type Fit, pinToNode, withDaemonTolerations } from './node-fit.js';
import { REVISION_HASH_LABEL } from './revisions.js';

export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

export function daemonPod(ds: KubeObject, node: string, hash: string): KubeObject {
  const t = ds.spec?.template ?? {};
  const meta = t.metadata ?? {};
  const spec = withDaemonTolerations(t.spec);
  pinToNode(spec, node);
  const generation = ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? '1';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${ds.metadata.name}-`,
      namespace: ds.metadata.namespace,
      labels: { ...(meta.labels ?? {}), [REVISION_HASH_LABEL]: hash, [TEMPLATE_GENERATION_LABEL]: generation },
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ...(meta.finalizers ? { finalizers: [...meta.finalizers] } : {}),
      ownerReferences: [ownerRefTo(ds)],
    },
    spec,
  };
}

export interface Plan {
  create: string[];
  delete: { pod: KubeObject; reason?: 'failed' }[];
  status: Record<string, number>;
  /** When a ready pod becomes available (minReadySeconds), if later than now. */
  nextAvailable?: number;
}

const created = (p: KubeObject) => new Date(p.metadata.creationTimestamp ?? 0).getTime();

/** `fits` maps every existing node to its fit; `pods` are the DaemonSet's own pods. */
export function planDaemonPods(ds: KubeObject, fits: Map<string, Fit>, pods: KubeObject[], hash: string, now: number): Plan {
  const byNode = new Map<string, KubeObject[]>();
  const plan: Plan = { create: [], delete: [], status: {} };
  for (const p of pods) {
    if (p.metadata.deletionTimestamp) continue;
    const node = daemonPodNode(p) ?? '';
    if (!fits.has(node)) {
      plan.delete.push({ pod: p });
      continue;
    }
    byNode.set(node, [...(byNode.get(node) ?? []), p]);
  }
  const minReady: number = ds.spec?.minReadySeconds ?? 0;
  const available = (p: KubeObject) => (availableFrom(p, minReady) ?? Infinity) <= now;
  let desired = 0, current = 0, misscheduled = 0, ready = 0, updated = 0, avail = 0;
  const old: KubeObject[] = [];
  let unavailable = 0;
  for (const [node, fit] of [...fits.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const here = (byNode.get(node) ?? []).sort((a, b) => created(a) - created(b));
    if (fit.shouldRun) desired++;
    if (!fit.shouldContinueRunning) {
      for (const p of here) plan.delete.push({ pod: p });
      continue;
    }
    if (!fit.shouldRun && here.length > 0) misscheduled++;
    if (!fit.shouldRun) continue;
    const failed = here.filter((p) => p.status?.phase === 'Failed');
    for (const p of failed) plan.delete.push({ pod: p, reason: 'failed' });
    const running = here.filter((p) => p.status?.phase !== 'Failed');
    for (const p of running.slice(1)) plan.delete.push({ pod: p });
    const pod = running[0];
    if (!pod) {
      if (failed.length === 0) plan.create.push(node);
      unavailable++;
      continue;
    }
    current++;
    if (isPodReady(pod)) ready++;
    if (available(pod)) avail++;
    else {
      unavailable++;
      const from = availableFrom(pod, minReady);
      if (from !== undefined && Number.isFinite(from)) plan.nextAvailable = Math.min(plan.nextAvailable ?? Infinity, from);
    }
    if (pod.metadata.labels?.[REVISION_HASH_LABEL] === hash) updated++;
    else old.push(pod);
  }
  if (ds.spec?.updateStrategy?.type !== 'OnDelete') {
    const maxUnavailable = Math.max(1, scaled(ds.spec?.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1, desired));
    for (const p of old) {
      if (!available(p)) plan.delete.push({ pod: p });
      else if (unavailable < maxUnavailable) {
        plan.delete.push({ pod: p });
        unavailable++;
      }
    }
  }
  plan.status = {
    desiredNumberScheduled: desired, currentNumberScheduled: current, numberMisscheduled: misscheduled,
    numberReady: ready, updatedNumberScheduled: updated, numberAvailable: avail, numberUnavailable: desired - avail,
  };
  return plan;
}

/** An int-or-percent against a total, rounding percentages up. */
function scaled(v: number | string, total: number): number {
  if (typeof v === 'string' && v.endsWith('%')) return Math.ceil((Number.parseInt(v, 10) * total) / 100);
  return intOrPercentValue(v);
}
