/**
 * The lifecycle rules of the simulated runtime, as data (in the spirit of KWOK's stages): each
 * stage names the container state it applies to, when it fires (simulated ms), and the action
 * the runtime takes. container-runtime.ts carries the actions out; the kubelet runs the stages in
 * time order until none is due, so a late reconcile replays exactly what happened in between.
 */
import type { ContainerBehaviour } from './runtime-config.js';
import { parseTime } from '../util/clock.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Restart back-off: 10 s doubling to 5 min, reset after 10 min of running (kubelet defaults). */
export const BACKOFF_STEPS_S = [10, 20, 40, 80, 160, 300];
export const BACKOFF_RESET_MS = 600_000;
/** How long a just-exited container (or a failed pull) is shown before the back-off state (one sync). */
export const SYNC_LAG_MS = 1_000;

/** Probe settings with the API defaults (reference §7.1). */
export interface ProbeTiming {
  initialDelayMs: number;
  periodMs: number;
  failureThreshold: number;
}

export function probeTiming(probe: any): ProbeTiming {
  return {
    initialDelayMs: (probe?.initialDelaySeconds ?? 0) * 1000,
    periodMs: (probe?.periodSeconds ?? 10) * 1000,
    failureThreshold: probe?.failureThreshold ?? 3,
  };
}

export type StageAction = 'start' | 'retry' | 'pullBackOff' | 'ready' | 'exit' | 'livenessKill' | 'crashBackOff' | 'restart';

/** What a stage sees of one container. */
export interface StageView {
  spec: any;
  status: any;
  behaviour: ContainerBehaviour;
  /** When the container may (first) start; undefined = not its turn yet. */
  turnAt?: number;
  /** Whether an exit of this container leads to a restart. */
  restarts: boolean;
  /** Whether a blocked start (config, image) is worth another try now: the cause is gone or changed. */
  unblocked: boolean;
  /** When the current ErrImagePull was entered, if during this reconcile. */
  pullFailedAt?: number;
  now: number;
}

export interface Stage {
  action: StageAction;
  /** The time the stage fires, or undefined when it does not apply. */
  due(v: StageView): number | undefined;
}

const time = (t: string | undefined) => (t ? parseTime(t) : 0);
const waiting = (v: StageView) => v.status.state?.waiting?.reason as string | undefined;
const running = (v: StageView) => v.status.state?.running as { startedAt: string } | undefined;
const terminated = (v: StageView) => v.status.state?.terminated as any;

/** The delay a back-off message names (`back-off 2m40s restarting …`), in ms. */
export function backOffFromMessage(message: string | undefined): number {
  const m = /^back-off (?:(\d+)m)?(\d+)s/.exec(message ?? '');
  return m ? (Number(m[1] ?? 0) * 60 + Number(m[2])) * 1000 : BACKOFF_STEPS_S[0]! * 1000;
}

/** The back-off before restarting a container that just terminated (its previous run is lastState). */
export function nextBackOffMs(status: any): number {
  const term = status.state?.terminated;
  const prev = status.lastState?.terminated;
  if (!term || !prev || (status.restartCount ?? 0) === 0) return BACKOFF_STEPS_S[0]! * 1000;
  if (time(term.finishedAt) - time(term.startedAt) >= BACKOFF_RESET_MS) return BACKOFF_STEPS_S[0]! * 1000;
  const prevDelayS = (time(term.startedAt) - time(prev.finishedAt)) / 1000;
  let i = 0;
  while (i < BACKOFF_STEPS_S.length - 1 && BACKOFF_STEPS_S[i]! < prevDelayS - 0.5) i++;
  return BACKOFF_STEPS_S[Math.min(i + 1, BACKOFF_STEPS_S.length - 1)]! * 1000;
}

export const CONTAINER_STAGES: readonly Stage[] = [
  // first start once it is the container's turn (sandbox ready, earlier init containers done)
  { action: 'start', due: (v) => (v.turnAt !== undefined && (waiting(v) === 'ContainerCreating' || waiting(v) === 'PodInitializing') ? v.turnAt : undefined) },
  // a start blocked by configuration or a failing image pull is tried again once the cause is gone
  { action: 'retry', due: (v) => (v.turnAt !== undefined && v.unblocked && (waiting(v) === 'CreateContainerConfigError' || waiting(v) === 'ImagePullBackOff') ? v.now : undefined) },
  { action: 'pullBackOff', due: (v) => (waiting(v) === 'ErrImagePull' ? (v.pullFailedAt ?? v.now - SYNC_LAG_MS) + SYNC_LAG_MS : undefined) },
  {
    action: 'ready',
    due: (v) => {
      const r = running(v);
      if (!r || v.status.ready || v.behaviour.readinessFails) return undefined;
      const probeDelay = Math.max(probeTiming(v.spec.readinessProbe).initialDelayMs * (v.spec.readinessProbe ? 1 : 0), v.spec.startupProbe ? probeTiming(v.spec.startupProbe).initialDelayMs : 0);
      return time(r.startedAt) + Math.max(v.behaviour.readyDelay, probeDelay);
    },
  },
  { action: 'exit', due: (v) => (running(v) && v.behaviour.runFor !== undefined ? time(running(v)!.startedAt) + v.behaviour.runFor : undefined) },
  {
    action: 'livenessKill',
    due: (v) => {
      const r = running(v);
      if (!r || !v.behaviour.livenessFails) return undefined;
      const p = probeTiming(v.spec.livenessProbe);
      return time(r.startedAt) + p.initialDelayMs + p.periodMs * p.failureThreshold;
    },
  },
  { action: 'crashBackOff', due: (v) => (terminated(v) && v.restarts ? time(terminated(v).finishedAt) + SYNC_LAG_MS : undefined) },
  {
    action: 'restart',
    due: (v) => (waiting(v) === 'CrashLoopBackOff' ? time(v.status.lastState?.terminated?.finishedAt) + backOffFromMessage(v.status.state.waiting.message) : undefined),
  },
];

/** The earliest due stage of a container (ties: table order). */
export function nextStage(v: StageView): { action: StageAction; at: number } | undefined {
  let best: { action: StageAction; at: number } | undefined;
  for (const s of CONTAINER_STAGES) {
    const at = s.due(v);
    if (at !== undefined && (!best || at < best.at)) best = { action: s.action, at };
  }
  return best;
}
