/**
 * What the simulated runtime's containers printed: each run of a container prints the lines its
 * `pocketkube.io/logs` annotation names, stamped with the run's start. Derived from the pod (its
 * container statuses say which runs happened), so any reader of the API sees the same logs.
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
}

/** RFC 3339 with nanoseconds, as the runtime stamps log lines; line i gets i ns so order is kept. */
function stamp(startedAt: string, i: number): string {
  return `${startedAt.replace(/Z$/, '')}.${String(i).padStart(9, '0')}Z`;
}

/** The log lines of one container (kubectl's order: oldest first). Errors are the API server's. */
export function containerLogs(pod: KubeObject, container: string, opts: LogOptions = {}): string[] {
  const podName = pod.metadata.name ?? '';
  const init = (pod.spec?.initContainers ?? []).some((c: any) => c.name === container);
  const cs = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].find((c: any) => c.name === container);
  const state = cs?.state ?? {};
  let startedAt: string | undefined;
  if (opts.previous) {
    startedAt = cs?.lastState?.terminated?.startedAt;
    if (!startedAt) throw apiErrors.badRequest(`previous terminated container "${container}" in pod "${podName}" not found`);
  } else {
    startedAt = state.running?.startedAt ?? state.terminated?.startedAt ?? cs?.lastState?.terminated?.startedAt;
    if (!startedAt) {
      const reason = state.waiting?.reason ?? 'ContainerCreating';
      throw apiErrors.badRequest(`container "${container}" in pod "${podName}" is waiting to start: ${reason}`);
    }
  }
  const lines = containerBehaviour(pod, container, init).logLines;
  const out = lines.map((l, i) => (opts.timestamps ? `${stamp(startedAt!, i)} ${l}` : l));
  const tail = opts.tail ?? -1;
  return tail >= 0 ? out.slice(Math.max(0, out.length - tail)) : out;
}
