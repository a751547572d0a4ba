/**
 * One kubelet sync of a pod through the simulated runtime: admits it (startTime, hostIP, waiting
 * container statuses), brings the sandbox up (pod IP) once volumes mount, then runs the container
 * stages (stages.ts) in time order until none is due at `now`. Pure: the caller reads the pod and
 * writes the returned status and events.
 */
import type { KubeObject } from '../api/types.js';
import { cloneJson } from '../util/json-clone.js';
import { parseTime } from '../util/clock.js';
import { applyPodConditions, isSidecar, named, restartsAfterExit, type RestartPolicy } from './pod-status-builder.js';
import { applyAction, readinessFailureMessage, waitingStatus, type SimEvent } from './runtime/container-actions.js';
import { containerBehaviour, hasRuntimeSettings, podBehaviour } from './runtime-config.js';
import { nextStage, probeTiming, type StageAction, type StageView } from './stages.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface PodSyncEnv {
  now: number;
  hostIP: string;
  /** The IP the sandbox gets when it comes up (allocated by the caller). */
  podIP?: string;
  /** Why volumes cannot be mounted (FailedMount messages); the sandbox waits meanwhile. */
  mountErrors?: string[];
  configError(spec: any): string | undefined;
  /** Images on the node (normalized names); pulls add to it. */
  images: Set<string>;
  rfc(ms: number): string;
}

export interface PodSyncResult {
  status: any;
  events: SimEvent[];
  /** When the next stage is due (ms), if any. */
  nextDue?: number;
}

/** Upper bound of stages replayed in one sync (a crash loop over days of simulated time stays bounded). */
const MAX_STEPS = 10_000;

const time = (t: string | undefined) => (t ? parseTime(t) : undefined);

/** When the sandbox is wanted up: admission time + the pod's start delay. */
export function sandboxDueAt(pod: KubeObject, now: number): number {
  return (time(pod.status?.startTime) ?? now) + podBehaviour(pod).startDelay;
}

function admit(pod: KubeObject, env: PodSyncEnv): void {
  const status = pod.status!;
  status.startTime = env.rfc(env.now);
  status.hostIP = env.hostIP;
  status.hostIPs = [{ ip: env.hostIP }];
  const inits: any[] = pod.spec?.initContainers ?? [];
  if (inits.length > 0) status.initContainerStatuses = inits.map((c) => waitingStatus(c, 'PodInitializing'));
  const regular = inits.length > 0 ? 'PodInitializing' : 'ContainerCreating';
  status.containerStatuses = (pod.spec?.containers ?? []).map((c: any) => waitingStatus(c, regular)).sort((a: any, b: any) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A container held by a configuration error whose cause changed (e.g. the Secret now exists but lacks the key). */
function configChanged(cs: any, err: string | undefined): boolean {
  const w = cs.state?.waiting;
  return w?.reason === 'CreateContainerConfigError' && err !== undefined && w.message !== err;
}

interface Slot {
  view: StageView;
  init: boolean;
}

/** The stage views of all containers, with each one's turn (init containers in order, then the rest). */
function slots(pod: KubeObject, env: PodSyncEnv, pullFailedAt: Map<string, number>): Slot[] {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  const policy: RestartPolicy = spec.restartPolicy ?? 'Always';
  const sandboxAt = time((status.conditions ?? []).find((c: any) => c.type === 'PodReadyToStartContainers' && c.status === 'True')?.lastTransitionTime);
  const out: Slot[] = [];
  let turn: number | undefined = status.podIP ? sandboxAt ?? env.now : undefined;
  const mk = (c: any, cs: any, init: boolean, turnAt: number | undefined): Slot => {
    const behaviour = containerBehaviour(pod, c.name, init);
    const code = cs.state?.terminated?.exitCode;
    const view: StageView = {
      spec: c, status: cs, behaviour, turnAt, now: env.now,
      restarts: code !== undefined && restartsAfterExit(policy, code, init, init && isSidecar(c)),
      unblocked: (!env.configError(c) && !behaviour.imagePullFails) || configChanged(cs, env.configError(c)),
      pullFailedAt: pullFailedAt.get(`${init}/${c.name}`),
    };
    return { view, init };
  };
  for (const c of spec.initContainers ?? []) {
    const cs = named(status.initContainerStatuses, c.name);
    if (!cs) continue;
    out.push(mk(c, cs, true, turn));
    if (isSidecar(c)) turn = cs.state?.running && cs.started !== false ? Math.max(turn ?? 0, time(cs.state.running.startedAt)!) : undefined;
    else turn = cs.state?.terminated?.exitCode === 0 ? time(cs.state.terminated.finishedAt) : undefined;
  }
  for (const cs of status.containerStatuses ?? []) {
    const c = named(spec.containers, cs.name);
    if (c) out.push(mk(c, cs, false, turn));
  }
  return out;
}

const finished = (pod: KubeObject) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

export function syncPod(input: KubeObject, env: PodSyncEnv): PodSyncResult {
  // only the status is worked on: the rest is input's, read and never changed
  const pod: KubeObject = { ...input, status: cloneJson(input.status ?? {}) };
  const events: SimEvent[] = [];
  if (finished(pod)) return { status: pod.status, events };
  if (!pod.status.startTime) {
    admit(pod, env);
    applyPodConditions(pod, env.rfc(env.now));
  }
  const pullFailedAt = new Map<string, number>();
  let nextDue: number | undefined;
  for (let step = 0; step < MAX_STEPS && !finished(pod); step++) {
    if (!pod.status.podIP) {
      if (env.mountErrors?.length) {
        for (const message of env.mountErrors) events.push({ type: 'Warning', reason: 'FailedMount', message, at: env.now });
        break;
      }
      const at = sandboxDueAt(pod, env.now);
      if (at > env.now || !env.podIP) {
        nextDue = at > env.now ? at : undefined;
        break;
      }
      pod.status.podIP = env.podIP;
      pod.status.podIPs = [{ ip: env.podIP }];
      applyPodConditions(pod, env.rfc(at));
      continue;
    }
    let best: { slot: Slot; action: StageAction; at: number } | undefined;
    for (const slot of slots(pod, env, pullFailedAt)) {
      const s = nextStage(slot.view);
      if (s && (!best || s.at < best.at)) best = { slot, ...s };
    }
    if (!best) break;
    if (best.at > env.now) {
      nextDue = best.at;
      break;
    }
    const { slot, action, at } = best;
    applyAction(action, slot.view, at, { pod, podIP: pod.status.podIP, init: slot.init, configError: env.configError(slot.view.spec), events, images: env.images, rfc: env.rfc });
    if (slot.view.status.state?.waiting?.reason === 'ErrImagePull') pullFailedAt.set(`${slot.init}/${slot.view.spec.name}`, at);
    applyPodConditions(pod, env.rfc(at));
  }
  nextDue = readinessFailures(pod, env, events, nextDue);
  applyPodConditions(pod, env.rfc(env.now));
  return { status: pod.status, events, nextDue };
}

/** Containers whose readiness probe fails report Unhealthy each period; the next probe is a due time. */
function readinessFailures(pod: KubeObject, env: PodSyncEnv, events: SimEvent[], nextDue: number | undefined): number | undefined {
  // only an annotation makes a readiness probe fail
  if (finished(pod) || !hasRuntimeSettings(pod)) return nextDue;
  let due = nextDue;
  for (const slot of slots(pod, env, new Map())) {
    const { spec, status: cs, behaviour } = slot.view;
    if (!behaviour.readinessFails || !cs.state?.running) continue;
    const p = probeTiming(spec.readinessProbe);
    const first = time(cs.state.running.startedAt)! + p.initialDelayMs + p.periodMs;
    if (env.now >= first) {
      events.push({ type: 'Warning', reason: 'Unhealthy', message: readinessFailureMessage(spec, pod.status.podIP), fieldPath: `spec.containers{${spec.name}}`, at: env.now });
    }
    const next = env.now < first ? first : first + (Math.floor((env.now - first) / p.periodMs) + 1) * p.periodMs;
    due = due === undefined ? next : Math.min(due, next);
  }
  return due;
}
