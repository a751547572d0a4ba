/**
 * Where a DaemonSet runs (daemon controller NodeShouldRunDaemonPod): on every node that matches the
 * pod's nodeSelector / required node affinity and whose NoSchedule/NoExecute taints the pod
 * tolerates — counting the tolerations the controller adds to every daemon pod. A pod stays on a
 * node whose new taints are only NoSchedule.
 */
import type { KubeObject } from '../../api/types.js';
import { RequiredNodeAffinity } from '../../scheduler/node-selector.js';
import { findUntoleratedTaint, type Taint, type Toleration } from '../../scheduler/tolerations.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const NO_EXECUTE: [string, string][] = [['node.kubernetes.io/not-ready', 'NoExecute'], ['node.kubernetes.io/unreachable', 'NoExecute']];
const NO_SCHEDULE = ['disk-pressure', 'memory-pressure', 'pid-pressure', 'unschedulable'].map((k): [string, string] => [`node.kubernetes.io/${k}`, 'NoSchedule']);
const NETWORK_UNAVAILABLE: [string, string] = ['node.kubernetes.io/network-unavailable', 'NoSchedule'];

/** AddOrUpdateDaemonPodTolerations: the pod spec with the automatic tolerations appended (once). */
export function withDaemonTolerations(spec: any): any {
  const out = structuredClone(spec ?? {});
  const tolerations: Toleration[] = [...(out.tolerations ?? [])];
  const wanted = [...NO_EXECUTE, ...NO_SCHEDULE, ...(out.hostNetwork ? [NETWORK_UNAVAILABLE] : [])];
  for (const [key, effect] of wanted) {
    const t: Toleration = { key, operator: 'Exists', effect };
    const i = tolerations.findIndex((x) => x.key === key && x.effect === effect);
    if (i < 0) tolerations.push(t);
  }
  out.tolerations = tolerations;
  return out;
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity: the pod may only be scheduled onto `node`. */
export function pinToNode(spec: any, node: string): void {
  const affinity = (spec.affinity ??= {});
  const nodeAffinity = (affinity.nodeAffinity ??= {});
  nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = {
    nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }],
  };
}

/** The node a daemon pod is for: its binding, else the node its affinity pins it to. */
export function daemonPodNode(pod: KubeObject): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const t of terms) {
    for (const f of t.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
  }
  return undefined;
}

export interface Fit {
  /** A daemon pod should be created here. */
  shouldRun: boolean;
  /** An existing daemon pod may stay here. */
  shouldContinueRunning: boolean;
}

export function nodeFit(ds: KubeObject, node: KubeObject): Fit {
  const spec = withDaemonTolerations(ds.spec?.template?.spec);
  const name = node.metadata.name ?? '';
  if (spec.nodeName && spec.nodeName !== name) return { shouldRun: false, shouldContinueRunning: false };
  const affinity = new RequiredNodeAffinity({ apiVersion: 'v1', kind: 'Pod', metadata: {}, spec });
  if (!affinity.matches(node.metadata.labels ?? {}, name)) return { shouldRun: false, shouldContinueRunning: false };
  const taints: Taint[] = node.spec?.taints ?? [];
  if (findUntoleratedTaint(taints, spec.tolerations, (e) => e === 'NoExecute')) return { shouldRun: false, shouldContinueRunning: false };
  if (findUntoleratedTaint(taints, spec.tolerations, (e) => e === 'NoSchedule')) return { shouldRun: false, shouldContinueRunning: true };
  return { shouldRun: true, shouldContinueRunning: true };
}
