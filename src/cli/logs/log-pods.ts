/**
 * Which pods `logs` reads: a pod by name, TYPE/NAME (the pods its selector picks: the first by
 * kubectl's ByLogging order, or all with --all-pods, waiting up to --pod-running-timeout for one to
 * exist), or every pod of a label selector (-l).
 */
import type { Client } from '../../api/client.js';
import { formatLabelSelector } from '../../api/label-selector.js';
import type { Registry } from '../../api/registry.js';
import type { KubeObject } from '../../api/types.js';
import type { Connection } from '../../client/embedded.js';
import { PlainError } from '../errors.js';
import { resolveType } from '../resource-args.js';
import { type TickLoopOptions, tickUntil } from '../watch/tick-loop.js';
import { resourceOf } from '../../api/kind.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface LogPodQuery {
  namespace: string;
  /** POD or TYPE/NAME; undefined with a selector. */
  target?: string;
  selector?: string;
  allPods: boolean;
  /** Wall ms to wait for a pod of TYPE/NAME to exist. */
  podRunningTimeoutMs: number;
  /** Told "Found N pods, using pod/X" (kubectl prints it on stderr). */
  note: (text: string) => void;
  loop?: Omit<TickLoopOptions, 'deadline'>;
}

/** kubectl's podutils.ByLogging order: scheduled, then running, then ready, then older first. */
function loggingRank(p: KubeObject): number[] {
  const phase = { Running: 0, Pending: 1, Unknown: 2 }[p.status?.phase as string] ?? 3;
  const ready = (p.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True') ? 0 : 1;
  return [p.spec?.nodeName ? 0 : 1, phase, ready, new Date(p.metadata.creationTimestamp ?? 0).getTime()];
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** The label selector of a workload or service whose pods' logs are asked for. */
async function selectorOf(client: Client, registry: Registry, type: string, namespace: string, name: string): Promise<string | KubeObject> {
  const [kind] = resolveType(registry, type);
  if (kind!.plural === 'pods') return client.get('pods', namespace, name);
  const owner = await client.get(resourceOf(kind), namespace, name);
  const selector = owner.spec?.selector;
  const labelSelector = kind!.plural === 'services' || kind!.plural === 'replicationcontrollers'
    ? Object.entries(selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',')
    : formatLabelSelector(selector);
  if (!labelSelector) throw new PlainError(`error: cannot get the logs from ${kind!.plural}.${kind!.group || ''}`.replace(/\.$/, ''));
  return labelSelector;
}

/** The pods to read, in the order their logs are printed. */
export async function logPods(conn: Connection, q: LogPodQuery): Promise<KubeObject[]> {
  const { client, registry } = conn;
  const list = async (labelSelector: string) => (await client.list('pods', { namespace: q.namespace, labelSelector })).items;
  if (q.target === undefined) return list(q.selector ?? '');
  const slash = q.target.indexOf('/');
  if (slash < 0) return [await client.get('pods', q.namespace, q.target)];
  const found = await selectorOf(client, registry, q.target.slice(0, slash), q.namespace, q.target.slice(slash + 1));
  if (typeof found !== 'string') return [found];
  let pods = await list(found);
  if (pods.length === 0) {
    const outcome = await tickUntil(conn, async () => (pods = await list(found)).length > 0, { ...q.loop, deadline: Date.now() + q.podRunningTimeoutMs });
    if (outcome !== 'done') throw new Error('timed out waiting for the condition');
  }
  pods.sort((a, b) => compareRank(loggingRank(a), loggingRank(b)));
  if (q.allPods) return pods;
  if (pods.length > 1) q.note(`Found ${pods.length} pods, using pod/${pods[0]!.metadata.name}`);
  return [pods[0]!];
}
