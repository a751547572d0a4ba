/**
 * What a pod's annotations ask of the simulated runtime (README "Simulated runtime"). A key
 * `pocketkube.io/<setting>.<container>` overrides `pocketkube.io/<setting>` for that container.
 * Init containers take only their own `.<container>` settings (plus `image-pull`), so a pod-wide
 * `crash-after` does not stop a pod from initialising.
 */
import type { KubeObject } from '../api/types.js';
import { parseGoDuration } from '../util/go-duration.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const ANNOTATION_PREFIX = 'pocketkube.io/';

/** Per-container behaviour, all durations in ms of simulated time. */
export interface ContainerBehaviour {
  /** How long after it starts the container exits; undefined = runs until stopped. */
  runFor?: number;
  exitCode: number;
  /** Extra time after start before the container reports ready. */
  readyDelay: number;
  imagePullFails: boolean;
  readinessFails: boolean;
  livenessFails: boolean;
  /** Lines the container prints each time it starts. */
  logLines: string[];
}

export interface PodBehaviour {
  /** Between binding and the sandbox (pod IP) being ready. */
  startDelay: number;
  /** How long containers take to stop once asked (bounded by the grace period). */
  stopDelay: number;
}

/** Whether any annotation speaks to the runtime (most pods have none: no key is built for them). */
export function hasRuntimeSettings(pod: KubeObject): boolean {
  const a = pod.metadata.annotations;
  if (a) for (const k in a) if (k.startsWith(ANNOTATION_PREFIX)) return true;
  return false;
}

/** A setting's annotation value; callers check hasRuntimeSettings() once first. */
function raw(pod: KubeObject, setting: string, container?: string, podWide = true): string | undefined {
  const a = pod.metadata.annotations ?? {};
  if (container !== undefined) {
    const own = a[`${ANNOTATION_PREFIX}${setting}.${container}`];
    if (own !== undefined) return own;
  }
  return podWide ? a[`${ANNOTATION_PREFIX}${setting}`] : undefined;
}

function duration(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  const ms = /^\d+$/.test(v) ? Number(v) * 1000 : parseGoDuration(v);
  return ms === undefined || ms < 0 ? undefined : ms;
}

const isFail = (v: string | undefined) => v?.trim().toLowerCase() === 'fail';

/** A pod owned by a Job runs to completion by default; anything else runs until stopped. */
export function ownedByJob(pod: KubeObject): boolean {
  return (pod.metadata.ownerReferences ?? []).some((r: any) => r.kind === 'Job');
}

export function podBehaviour(pod: KubeObject): PodBehaviour {
  if (!hasRuntimeSettings(pod)) return { startDelay: 0, stopDelay: 0 };
  return {
    startDelay: duration(raw(pod, 'start-delay')) ?? 0,
    stopDelay: duration(raw(pod, 'stop-delay')) ?? 0,
  };
}

export function containerBehaviour(pod: KubeObject, container: string, init: boolean): ContainerBehaviour {
  const podWide = !init;
  const settings = hasRuntimeSettings(pod);
  const get = (s: string) => (settings ? raw(pod, s, container, podWide) : undefined);
  const crashAfter = duration(get('crash-after'));
  const runDuration = duration(get('run-duration'));
  const exitText = get('exit-code');
  const exitCode = exitText !== undefined && /^\d+$/.test(exitText.trim()) ? Number(exitText.trim()) : undefined;
  let runFor: number | undefined;
  if (crashAfter !== undefined) runFor = crashAfter;
  else if (runDuration !== undefined) runFor = runDuration;
  else if (init || ownedByJob(pod) || exitCode !== undefined) runFor = 0;
  const logs = get('logs');
  return {
    runFor,
    exitCode: exitCode ?? (crashAfter !== undefined ? 1 : 0),
    readyDelay: duration(get('ready-delay')) ?? 0,
    imagePullFails: settings && isFail(raw(pod, 'image-pull', container, true)),
    readinessFails: isFail(get('readiness')),
    livenessFails: isFail(get('liveness')),
    logLines: logs === undefined ? [] : logs.replace(/\n$/, '').split('\n'),
  };
}
