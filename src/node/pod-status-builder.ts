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

export function podProgress(pod: KubeObject): PodProgress {
  const spec = pod.spec ?? {};
  const policy: RestartPolicy = spec.restartPolicy ?? 'Always';
  const initSpecs: any[] = spec.initContainers ?? [];
  const initStatuses = new Map<string, any>((pod.status?.initContainerStatuses ?? []).map((c: any) => [c.name, c]));
  const statuses = new Map<string, any>((pod.status?.containerStatuses ?? []).map((c: any) => [c.name, c]));
  const incompleteInit = initSpecs.filter((c) => !initDone(c, initStatuses.get(c.name))).map((c) => c.name);
  const unready = [
    ...initSpecs.filter((c) => isSidecar(c) && !initStatuses.get(c.name)?.ready).map((c) => c.name),
    ...(spec.containers ?? []).filter((c: any) => !statuses.get(c.name)?.ready).map((c: any) => c.name),
  ];
  const initialized = incompleteInit.length === 0;
  const initFailed = initSpecs.some((c) => {
    const code = exitOf(initStatuses.get(c.name));
    return code !== undefined && code !== 0 && !restartsAfterExit(policy, code, true, isSidecar(c));
  });
  let phase: PodProgress['phase'] = 'Pending';
  if (initFailed) phase = 'Failed';
  else if (initialized) {
    const regular: any[] = (spec.containers ?? []).map((c: any) => statuses.get(c.name));
    const finished = regular.every((cs) => {
      const code = exitOf(cs);
      return code !== undefined && !restartsAfterExit(policy, code, false, false);
    });
    if (finished && regular.length > 0) phase = regular.some((cs) => exitOf(cs) !== 0) ? 'Failed' : 'Succeeded';
    else if (regular.some((cs) => cs?.state?.running || cs?.state?.terminated || (cs?.restartCount ?? 0) > 0 || cs?.lastState?.terminated)) phase = 'Running';
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

const RANK = new Map(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((t, i) => [t, i]));
const rank = (type: string) => RANK.get(type) ?? RANK.size;

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
  const list = (names: string[]) => `[${names.join(' ')}]`;
  const gate = readinessGateProblem(pod);
  const containersReady = done
    ? cond('ContainersReady', false, 'PodCompleted')
    : p.unready.length === 0 ? cond('ContainersReady', true) : cond('ContainersReady', false, 'ContainersNotReady', `containers with unready status: ${list(p.unready)}`);
  let ready = cond('Ready', containersReady.status === 'True', containersReady.reason, containersReady.message);
  if (!done && p.unready.length === 0 && gate) ready = cond('Ready', false, 'ReadinessGatesNotReady', gate);
  const computed: Condition[] = [
    cond('PodReadyToStartContainers', !!status.podIP && !done),
    p.initialized ? cond('Initialized', true, done && (pod.spec?.initContainers ?? []).length > 0 ? 'PodCompleted' : undefined)
      : cond('Initialized', false, 'ContainersNotInitialized', `containers with incomplete status: ${list(p.incompleteInit)}`),
    ready,
    containersReady,
  ];
  const before: Condition[] = status.conditions ?? [];
  const out: Condition[] = before.filter((c) => !computed.some((n) => n.type === c.type));
  if (!out.some((c) => c.type === 'PodScheduled')) out.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: status.startTime ?? at } as Condition);
  for (const c of computed) {
    const prev = before.find((b) => b.type === c.type);
    const stamped = cond(c.type, c.status === 'True', c.reason, c.message) as Condition & Record<string, unknown>;
    stamped.lastProbeTime = null;
    stamped.lastTransitionTime = prev && prev.status === c.status ? prev.lastTransitionTime : at;
    out.push(stamped);
  }
  status.conditions = out.sort((a, b) => rank(a.type) - rank(b.type));
}
