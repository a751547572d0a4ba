/**
 * The pod READY / STATUS / RESTARTS cells exactly as the v1.32 server printer computes them
 * (reference §1.4). The kubelet and the printers reuse these.
 */
import type { KubeObject } from '../types.js';
import { humanDuration } from '../../util/human-duration.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type ContainerStatus = any;

interface PodSummary {
  ready: number;
  total: number;
  reason: string;
  restarts: number;
  /** epoch ms of the most recent lastState.terminated.finishedAt counted, 0 if none */
  lastRestart: number;
}

function isRestartableInit(c: any): boolean {
  return !!c && c.restartPolicy === 'Always';
}

function finishedAt(cs: ContainerStatus): number {
  const t = cs?.lastState?.terminated?.finishedAt;
  return t ? new Date(t).getTime() : 0;
}

function terminatedText(term: any, prefix: string): string {
  if (term.reason) return prefix + term.reason;
  if (term.signal) return `${prefix}Signal:${term.signal}`;
  return `${prefix}ExitCode:${term.exitCode ?? 0}`;
}

function conditionTrue(pod: KubeObject, type: string): boolean {
  return (pod.status?.conditions ?? []).some((c: any) => c.type === type && c.status === 'True');
}

export function summarizePod(pod: KubeObject): PodSummary {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  const initSpecs: any[] = spec.initContainers ?? [];
  const total = (spec.containers ?? []).length + initSpecs.filter(isRestartableInit).length;
  let ready = 0;
  let restarts = 0;
  let lastRestart = 0;
  let sidecarRestarts = 0;
  let sidecarLastRestart = 0;
  const phase: string = status.phase ?? '';
  let reason: string = status.reason || phase;

  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initByName = new Map(initSpecs.map((c) => [c.name, c]));
  let initializing = false;
  const initStatuses: ContainerStatus[] = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    restarts += cs.restartCount ?? 0;
    lastRestart = Math.max(lastRestart, finishedAt(cs));
    const sidecar = isRestartableInit(initByName.get(cs.name));
    if (sidecar) {
      sidecarRestarts += cs.restartCount ?? 0;
      sidecarLastRestart = Math.max(sidecarLastRestart, finishedAt(cs));
    }
    const term = cs.state?.terminated;
    if (term && (term.exitCode ?? 0) === 0) continue;
    if (sidecar && cs.started) {
      if (cs.ready) ready++;
      continue;
    }
    if (term) reason = terminatedText(term, 'Init:');
    else if (cs.state?.waiting?.reason && cs.state.waiting.reason !== 'PodInitializing') reason = `Init:${cs.state.waiting.reason}`;
    else reason = `Init:${i}/${initSpecs.length}`;
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(pod, 'Initialized')) {
    restarts = sidecarRestarts;
    lastRestart = sidecarLastRestart;
    let hasRunning = false;
    const statuses: ContainerStatus[] = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += cs.restartCount ?? 0;
      lastRestart = Math.max(lastRestart, finishedAt(cs));
      const st = cs.state ?? {};
      if (st.waiting?.reason) reason = st.waiting.reason;
      else if (st.terminated) reason = terminatedText(st.terminated, '');
      else if (cs.ready && st.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = conditionTrue(pod, 'Ready') ? 'Running' : 'NotReady';
  }

  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  return { ready, total, reason, restarts, lastRestart };
}

/** STATUS column. */
export function podStatusText(pod: KubeObject): string {
  return summarizePod(pod).reason;
}

/** READY column: `ready/total`. */
export function podReadyText(pod: KubeObject): string {
  const s = summarizePod(pod);
  return `${s.ready}/${s.total}`;
}

/** RESTARTS column: `N` or `N (45s ago)` when a previous termination time is known. */
export function podRestartsText(pod: KubeObject, now: Date): string {
  const s = summarizePod(pod);
  if (s.restarts !== 0 && s.lastRestart !== 0) return `${s.restarts} (${humanDuration(now.getTime() - s.lastRestart)} ago)`;
  return String(s.restarts);
}
