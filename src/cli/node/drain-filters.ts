/**
 * Which of a node's pods `drain` deletes (kubectl's pkg/drain filters.go): each pod goes through
 * skipDeleted, daemonSet, mirror, localStorage and unreplicated in turn, stopping at the first that
 * keeps it; the last filter's verdict is the pod's. Errors and warnings are then grouped by message,
 * in the order first seen (kubectl's come out of a Go map, in no set order).
 */
import type { Client } from '../../api/client.js';
import { isStatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface DrainFilterOptions {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  /** --skip-wait-for-delete-timeout in seconds (0: off). */
  skipWaitForDeleteTimeout: number;
  /** Cluster time, ms. */
  now: number;
}

type Verdict = { delete: boolean; error?: string; warning?: string };

const OKAY: Verdict = { delete: true };
const SKIP: Verdict = { delete: false };

export const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
export const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
export const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
export const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
export const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
export const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

const isFinished = (pod: KubeObject) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
const controllerRef = (pod: KubeObject): any => (pod.metadata.ownerReferences ?? []).find((o: any) => o.controller);

function skipDeleted(pod: KubeObject, o: DrainFilterOptions): Verdict {
  const ts = pod.metadata.deletionTimestamp;
  if (o.skipWaitForDeleteTimeout > 0 && ts && o.now - Date.parse(ts) > o.skipWaitForDeleteTimeout * 1000) return SKIP;
  return OKAY;
}

async function daemonSet(pod: KubeObject, o: DrainFilterOptions, client: Client): Promise<Verdict> {
  const ref = controllerRef(pod);
  if (!ref || ref.kind !== 'DaemonSet' || isFinished(pod)) return OKAY;
  try {
    await client.get('daemonsets', pod.metadata.namespace, ref.name);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // an orphaned pod goes, with a warning, under --force
    if (isStatusError(err) && err.reason === 'NotFound' && o.force) return { delete: true, warning: message };
    return { delete: false, error: message };
  }
  return o.ignoreDaemonSets ? { delete: false, warning: DAEMONSET_WARNING } : { delete: false, error: DAEMONSET_FATAL };
}

function mirror(pod: KubeObject): Verdict {
  return pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined ? SKIP : OKAY;
}

function localStorage(pod: KubeObject, o: DrainFilterOptions): Verdict {
  if (isFinished(pod) || !(pod.spec?.volumes ?? []).some((v: any) => v.emptyDir)) return OKAY;
  return o.deleteEmptyDirData ? { delete: true, warning: LOCAL_STORAGE_WARNING } : { delete: false, error: LOCAL_STORAGE_FATAL };
}

function unreplicated(pod: KubeObject, o: DrainFilterOptions): Verdict {
  if (isFinished(pod) || controllerRef(pod)) return OKAY;
  return o.force ? { delete: true, warning: UNMANAGED_WARNING } : { delete: false, error: UNMANAGED_FATAL };
}

export interface PodsToDelete {
  pods: KubeObject[];
  /** `msg: ns/a, ns/b; msg2: …`, or '' */
  warnings: string;
  /** `cannot delete msg: ns/a, ns/b`, one per message. */
  errors: string[];
}

/** GetPodsForDeletion over a node's pods. */
export async function podsForDeletion(client: Client, pods: readonly KubeObject[], o: DrainFilterOptions): Promise<PodsToDelete> {
  const warnings = new Map<string, string[]>();
  const errors = new Map<string, string[]>();
  const kept: KubeObject[] = [];
  for (const pod of pods) {
    let verdict = OKAY;
    for (const filter of [skipDeleted, daemonSet, mirror, localStorage, unreplicated]) {
      verdict = await filter(pod, o, client);
      if (!verdict.delete) break;
    }
    const ref = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (verdict.error !== undefined) add(errors, verdict.error || 'unexpected error', ref);
    else if (verdict.warning !== undefined) add(warnings, verdict.warning, ref);
    if (verdict.delete) kept.push(pod);
  }
  return {
    pods: kept,
    warnings: [...warnings].map(([msg, refs]) => `${msg}: ${refs.join(', ')}`).join('; '),
    errors: [...errors].map(([msg, refs]) => `${msg.startsWith('cannot delete ') ? msg : `cannot delete ${msg}`}: ${refs.join(', ')}`),
  };
}

function add(m: Map<string, string[]>, key: string, value: string): void {
  const list = m.get(key);
  if (list) list.push(value);
  else m.set(key, [value]);
}
