/**
 * What the simulated runtime's containers printed: each run of a container prints the lines its
 * `pocketkube.io/logs` annotation names, stamped with the run's start. Derived from the pod (its
 * container statuses say which runs happened), so any reader of the API sees the same logs.
 * The options are the kubelet's (PodLogOptions): tail, then since, then the byte limit.
 */
import { apiErrors } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import { containerBehaviour } from '../runtime-config.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface LogOptions {
  previous?: boolean;
  /** Last N lines (negative = all). */
  tail?: number;
  timestamps?: boolean;
  /** Only lines stamped at or after this epoch ms (sinceTime / now - sinceSeconds). */
  sinceMs?: number;
  /** At most this many bytes of output (0 or undefined = no limit). */
  limitBytes?: number;
}

/** RFC 3339 with nanoseconds, as the runtime stamps log lines; line i gets i ns so order is kept. */
function stamp(startedAt: string, i: number): string {
  return `${startedAt.replace(/Z$/, '')}.${String(i).padStart(9, '0')}Z`;
}

/** The status of a container (init or regular) of the pod, by name. */
export function containerStatus(pod: KubeObject, container: string): any {
  return [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].find((c: any) => c.name === container);
}

/** The start of the container run whose logs are asked for; the API server's error when there is none. */
export function runStart(pod: KubeObject, container: string, previous = false): string {
  const podName = pod.metadata.name ?? '';
  const cs = containerStatus(pod, container);
  const state = cs?.state ?? {};
  if (previous) {
    const startedAt = cs?.lastState?.terminated?.startedAt;
    if (!startedAt) throw apiErrors.badRequest(`previous terminated container "${container}" in pod "${podName}" not found`);
    return startedAt;
  }
  const startedAt = state.running?.startedAt ?? state.terminated?.startedAt ?? cs?.lastState?.terminated?.startedAt;
  if (!startedAt) {
    const reason = state.waiting?.reason ?? 'ContainerCreating';
    throw apiErrors.badRequest(`container "${container}" in pod "${podName}" is waiting to start: ${reason}`);
  }
  return startedAt;
}

/** The log text of one container (kubectl's order: oldest first), every line ending in a newline unless cut by limitBytes. */
export function containerLogText(pod: KubeObject, container: string, opts: LogOptions = {}): string {
  const startedAt = runStart(pod, container, opts.previous);
  const init = (pod.spec?.initContainers ?? []).some((c: any) => c.name === container);
  const lines = containerBehaviour(pod, container, init).logLines;
  const tail = opts.tail ?? -1;
  const first = tail >= 0 ? Math.max(0, lines.length - tail) : 0;
  // every line of a run is stamped at its start (plus i ns): since keeps a run whole or drops it
  const started = new Date(startedAt).getTime();
  if (opts.sinceMs !== undefined && started < opts.sinceMs) return '';
  let text = '';
  for (let i = first; i < lines.length; i++) text += `${opts.timestamps ? `${stamp(startedAt, i)} ` : ''}${lines[i]}\n`;
  if (opts.limitBytes && opts.limitBytes > 0) {
    const bytes = Buffer.from(text);
    if (bytes.length > opts.limitBytes) text = bytes.subarray(0, opts.limitBytes).toString();
  }
  return text;
}
