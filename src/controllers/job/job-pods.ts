/**
 * What the Job controller asks of its pods (pkg/controller/job): the pod it creates from the
 * template, whether a pod has finished and how, when it finished, and its completion index.
 */
import { JOB_NAME_LABEL } from '../../api/kinds/job-spec.js';
import type { KubeObject } from '../../api/types.js';
import { ownerRefTo } from '../controller-ref.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
export const COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
const COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';

export function isIndexed(job: KubeObject): boolean {
  return job.spec?.completionMode === 'Indexed';
}

/** A new pod of the Job: template labels/annotations, the tracking finalizer, controller reference; Indexed pods get their index. */
export function podForJob(job: KubeObject, index?: number): KubeObject {
  const t = job.spec?.template ?? {};
  const meta = t.metadata ?? {};
  const labels: Record<string, string> = { ...(meta.labels ?? {}) };
  const annotations: Record<string, string> = { ...(meta.annotations ?? {}) };
  const spec = structuredClone(t.spec ?? {});
  const name = job.metadata.name ?? '';
  let generateName = `${name}-`;
  if (index !== undefined) {
    generateName = `${name}-${index}-`;
    labels[COMPLETION_INDEX] = String(index);
    annotations[COMPLETION_INDEX] = String(index);
    spec.hostname ??= `${name}-${index}`;
    const env = { name: COMPLETION_INDEX_ENV, valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: `metadata.annotations['${COMPLETION_INDEX}']` } } };
    for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
      if (!(c.env ?? []).some((e: any) => e.name === COMPLETION_INDEX_ENV)) c.env = [...(c.env ?? []), env];
    }
  }
  labels[JOB_NAME_LABEL] ??= name;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName,
      namespace: job.metadata.namespace,
      labels,
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
      finalizers: [...new Set([...(meta.finalizers ?? []), TRACKING_FINALIZER])],
      ownerReferences: [ownerRefTo(job)],
    },
    spec,
  };
}

export function hasTrackingFinalizer(pod: KubeObject): boolean {
  return (pod.metadata.finalizers ?? []).includes(TRACKING_FINALIZER);
}

/** isPodFailed with podReplacementPolicy TerminatingOrFailed: Failed, or deleted before it succeeded. */
export function isPodFailed(pod: KubeObject, job: KubeObject): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Failed') return true;
  if (job.spec?.podReplacementPolicy === 'Failed') return false;
  return Boolean(pod.metadata.deletionTimestamp) && phase !== 'Succeeded';
}

/** 'succeeded' | 'failed' once the pod counts as finished, else undefined. */
export function podOutcome(pod: KubeObject, job: KubeObject): 'succeeded' | 'failed' | undefined {
  if (pod.status?.phase === 'Succeeded') return 'succeeded';
  return isPodFailed(pod, job) ? 'failed' : undefined;
}

/** Active: neither finished nor terminating. */
export function isActive(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

export function isTerminating(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return Boolean(pod.metadata.deletionTimestamp) && phase !== 'Succeeded' && phase !== 'Failed';
}

/** getFinishedTime: the latest container finish, else the Ready=False transition, else the deletion time. */
export function finishedAt(pod: KubeObject, fallback: number): number {
  let latest: number | undefined;
  for (const cs of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])] as any[]) {
    const at = cs.state?.terminated?.finishedAt;
    if (at) latest = Math.max(latest ?? 0, new Date(at).getTime());
  }
  if (latest !== undefined) return latest;
  const ready = (pod.status?.conditions ?? []).find((c: any) => c.type === 'Ready' && c.status === 'False');
  if (ready?.lastTransitionTime) return new Date(ready.lastTransitionTime).getTime();
  if (pod.metadata.deletionTimestamp) return new Date(pod.metadata.deletionTimestamp).getTime();
  return fallback;
}

/** The pod's completion index, if it has a valid one below `completions`. */
export function completionIndex(pod: KubeObject, completions: number): number | undefined {
  const raw = pod.metadata.annotations?.[COMPLETION_INDEX] ?? pod.metadata.labels?.[COMPLETION_INDEX];
  if (raw === undefined || !/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n < completions ? n : undefined;
}

/** Container restarts of the pods still running or pending (pastBackoffLimitOnFailure). */
export function restartsOf(pods: KubeObject[]): number {
  let total = 0;
  for (const p of pods) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    for (const cs of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])] as any[]) total += cs.restartCount ?? 0;
  }
  return total;
}
