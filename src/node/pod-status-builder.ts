/**
 * Pod phase and conditions from the container statuses, as the kubelet derives them
 * (pkg/kubelet/status/generate.go, reference §7.2). lastTransitionTime is kept while a condition's
 * status stays the same.
 */
import type { Condition, KubeObject } from '../api/types.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

export const isSidecar = (spec: any): boolean => spec?.restartPolicy === 'Always';

/** Whether a container that exited with `exitCode` is started again. */
export function restartsAfterExit(policy: RestartPolicy, exitCode: number, init: boolean, sidecar: boolean): boolean {
  if (sidecar) return true;
  if (init) return exitCode !== 0 && policy !== 'Never';
  return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
}

const exitOf = (cs: any): number | undefined => cs?.state?.terminated?.exitCode;

function initDone(spec: any, cs: any): boolean {
  if (isSidecar(spec)) return !!cs?.state?.running && cs.started !== false;
  return exitOf(cs) === 0;
}

export interface PodProgress {
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  initialized: boolean;
  /** Init containers not (yet) done, by name. */
  incompleteInit: string[];
  /** Regular containers and sidecars that are not ready, by name. */
  unready: string[];
}

/** The container (or container status) named `name` in a list (lists are short: a scan beats building a map). */
export function named(list: any[] | undefined, name: string): any {
  if (list) for (const c of list) if (c.name === name) return c;
  return undefined;
}

const NO_CONTAINERS: readonly any[] = [];

/** Phase and progress of a pod from its container statuses. One pass per list: the kubelet asks after every step. */
export function podProgress(pod: KubeObject): PodProgress {
  const spec = pod.spec ?? {};
  const policy: RestartPolicy = spec.restartPolicy ?? 'Always';
  const initStatuses: any[] | undefined = pod.status?.initContainerStatuses;
  const statuses: any[] | undefined = pod.status?.containerStatuses;
  const incompleteInit: string[] = [];
  const unready: string[] = [];
  let initFailed = false;
  for (const c of (spec.initContainers ?? NO_CONTAINERS) as any[]) {
    const cs = named(initStatuses, c.name);
    if (!initDone(c, cs)) incompleteInit.push(c.name);
    if (isSidecar(c) && !cs?.ready) unready.push(c.name);
    const code = exitOf(cs);
    if (code !== undefined && code !== 0 && !restartsAfterExit(policy, code, true, isSidecar(c))) initFailed = true;
  }
  const containers = (spec.containers ?? NO_CONTAINERS) as any[];
  let finished = true;
  let failed = false;
  let started = false;
  for (const c of containers) {
    const cs = named(statuses, c.name);
    if (!cs?.ready) unready.push(c.name);
    const code = exitOf(cs);
    if (code === undefined || restartsAfterExit(policy, code, false, false)) finished = false;
    else if (code !== 0) failed = true;
    if (cs?.state?.running || cs?.state?.terminated || (cs?.restartCount ?? 0) > 0 || cs?.lastState?.terminated) started = true;
  }
  const initialized = incompleteInit.length === 0;
  let phase: PodProgress['phase'] = 'Pending';
  if (initFailed) phase = 'Failed';
  else if (initialized) {
    if (finished && containers.length > 0) phase = failed ? 'Failed' : 'Succeeded';
    else if (started) phase = 'Running';
  }
  return { phase, initialized, incompleteInit, unready };
}

/**
 * A condition with its fields in the API's order. Built field by field: object spreads with optional
 * parts were most of the time a kubelet sync took (it derives the conditions after every step).
 */
function cond(type: string, ok: boolean, reason?: string, message?: string): Condition {
  const c: Record<string, unknown> = { type, status: ok ? 'True' : 'False' };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c as unknown as Condition;
}

/** The kubelet's conditions, in the order it lists them; PodScheduled (the scheduler's) follows, then any others. */
const KUBELET_CONDITIONS = new Set(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady']);

function readinessGateProblem(pod: KubeObject): string | undefined {
  for (const g of pod.spec?.readinessGates ?? []) {
    const c = (pod.status?.conditions ?? []).find((x: any) => x.type === g.conditionType);
    if (!c) return `corresponding condition of pod readiness gate "${g.conditionType}" does not exist.`;
    if (c.status !== 'True') return `the status of pod readiness gate "${g.conditionType}" is not "True", but ${c.status}`;
  }
  return undefined;
}

/** Sets status.phase and the kubelet-owned conditions of `pod` as of time `at` (RFC 3339). */
export function applyPodConditions(pod: KubeObject, at: string): void {
  const status = (pod.status ??= {});
  const p = podProgress(pod);
  status.phase = p.phase;
  const done = p.phase === 'Succeeded' || p.phase === 'Failed';
  const gate = readinessGateProblem(pod);
  const before: Condition[] = status.conditions ?? [];
  const containersReady = done
    ? stamped(before, at, 'ContainersReady', false, 'PodCompleted')
    : p.unready.length === 0 ? stamped(before, at, 'ContainersReady', true) : stamped(before, at, 'ContainersReady', false, 'ContainersNotReady', `containers with unready status: ${list(p.unready)}`);
  const ready = !done && p.unready.length === 0 && gate
    ? stamped(before, at, 'Ready', false, 'ReadinessGatesNotReady', gate)
    : stamped(before, at, 'Ready', containersReady.status === 'True', containersReady.reason, containersReady.message);
  const out: Condition[] = [
    stamped(before, at, 'PodReadyToStartContainers', !!status.podIP && !done),
    p.initialized ? stamped(before, at, 'Initialized', true, done && (pod.spec?.initContainers ?? []).length > 0 ? 'PodCompleted' : undefined)
      : stamped(before, at, 'Initialized', false, 'ContainersNotInitialized', `containers with incomplete status: ${list(p.incompleteInit)}`),
    ready,
    containersReady,
  ];
  let scheduled = false;
  for (const c of before) {
    if (c.type !== 'PodScheduled') continue;
    out.push(c);
    scheduled = true;
  }
  if (!scheduled) out.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: status.startTime ?? at } as Condition);
  for (const c of before) if (c.type !== 'PodScheduled' && !KUBELET_CONDITIONS.has(c.type)) out.push(c);
  status.conditions = out;
}

const list = (names: string[]) => `[${names.join(' ')}]`;

/**
 * A kubelet condition as of `at`: it keeps its lastTransitionTime while its status stays the same,
 * and is the condition in `before` itself when nothing of it changes (the kubelet derives the
 * conditions after every step of a sync, five times for a pod started at once: a new object each
 * time was a twentieth of a scale-up's garbage).
 */
function stamped(before: readonly Condition[], at: string, type: string, ok: boolean, reason?: string, message?: string): Condition {
  let prev: Condition | undefined;
  for (const b of before) {
    if (b.type === type) {
      prev = b;
      break;
    }
  }
  const status = ok ? 'True' : 'False';
  if (prev && prev.status === status && prev.reason === (reason || undefined) && prev.message === (message || undefined)
    && prev.lastProbeTime === null && prev.observedGeneration === undefined && prev.lastUpdateTime === undefined && prev.lastHeartbeatTime === undefined) return prev;
  const c = cond(type, ok, reason, message) as Condition & Record<string, unknown>;
  c.lastProbeTime = null;
  c.lastTransitionTime = prev && prev.status === c.status ? prev.lastTransitionTime : at;
  return c;
}
