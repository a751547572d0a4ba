/**
 * The run of `drain` (kubectl's drain command over pkg/drain): cordon every node, then per node
 * list its pods, filter them (drain-filters.ts) and evict them — each eviction refused by a
 * PodDisruptionBudget (429) is retried 5 s later — or delete them (--disable-eviction), waiting
 * until they are gone. The cluster follows wall time meanwhile (tick-loop.ts): the controllers
 * replace the pods elsewhere and the budgets' status catches up. A node that cannot be drained is
 * reported and the others go on; the command then lists the nodes still pending and exits 1.
 */
import type { KubeObject } from '../../api/types.js';
import { isStatusError } from '../../api/errors.js';
import { parseSelector } from '../../api/label-selector.js';
import type { Connection } from '../../client/embedded.js';
import { goDurationString } from '../../util/go-duration.js';
import { ReportedError } from '../errors.js';
import { apiDryRun, type DryRunStrategy, dryRunSuffix } from '../flags.js';
import type { CommandIO } from '../inplace/print.js';
import { settle, tickUntil } from '../watch/tick-loop.js';
import { cordonNodes } from './cordon.js';
import { type DrainFilterOptions, podsForDeletion } from './drain-filters.js';
import { findNodes } from './node-targets.js';

export interface DrainRequest extends Omit<DrainFilterOptions, 'now'> {
  args: string[];
  selector?: string;
  podSelector?: string;
  /** Seconds; negative: each pod's own terminationGracePeriodSeconds. */
  gracePeriod: number;
  /** Wall ms; 0: no limit. */
  timeoutMs: number;
  disableEviction: boolean;
  dryRun: DryRunStrategy;
  commandLine: string;
}

/** Why a node was not drained: the text of `due to error: …`, and the lines the command ends with. */
interface NodeFailure {
  text: string;
  lines: string[];
}

/** kubectl's 429 retry interval. */
export const EVICTION_RETRY_MS = 5000;

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
/** The grace period a request carries: none when negative (each pod's own then). */
const graceOf = (req: DrainRequest) => (req.gracePeriod >= 0 ? req.gracePeriod : undefined);
const podRef = (pod: KubeObject) => ({ ns: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '', uid: pod.metadata.uid });

export async function runDrain(conn: Connection, req: DrainRequest, io: CommandIO): Promise<void> {
  const nodes = await findNodes(conn.client, conn.registry, { args: req.args, selector: req.selector, usage: 'drain NODE', commandLine: req.commandLine });
  if (req.podSelector) {
    try {
      parseSelector(req.podSelector);
    } catch {
      throw new Error('--pod-selector=<pod_selector> must be a valid label selector');
    }
  }
  await cordonNodes(conn.client, nodes, 'cordon', req.dryRun, io);
  const pending: string[] = [];
  const failures: NodeFailure[] = [];
  for (const node of nodes) {
    const name = node.metadata.name ?? '';
    const failure = await drainNode(conn, name, req, io);
    if (!failure) {
      io.out(`node/${name} drained${dryRunSuffix(req.dryRun)}\n`);
      continue;
    }
    io.err(`error: unable to drain node ${JSON.stringify(name)} due to error: ${failure.text}, continuing command...`);
    pending.push(name);
    failures.push(failure);
  }
  if (pending.length === 0) return;
  io.err(`There are pending nodes to be drained:\n${pending.map((n) => ` ${n}\n`).join('')}`);
  io.err(failures.length === 1 ? failures[0]!.lines.join('\n') : failures.map((f) => f.text).join('\n'));
  throw new ReportedError(1);
}

async function drainNode(conn: Connection, node: string, req: DrainRequest, io: CommandIO): Promise<NodeFailure | undefined> {
  const list = await nodePods(conn, node, req);
  if (list.errors.length > 0) {
    return { text: list.errors.length === 1 ? list.errors[0]! : `[${list.errors.join(', ')}]`, lines: list.errors };
  }
  if (list.warnings) io.err(`Warning: ${list.warnings}`);
  if (req.dryRun === 'client') {
    for (const pod of list.pods) io.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name} (dry run)\n`);
    return undefined;
  }
  const error = req.disableEviction ? await deletePods(conn, list.pods, req, io) : await evictPods(conn, list.pods, req, io);
  if (error === undefined) return undefined;
  await settle(conn);
  const left = await nodePods(conn, node, req);
  if (left.pods.length > 0) {
    io.err(`There are pending pods in node ${JSON.stringify(node)} when an error occurred: ${error}\n${left.pods.map((p) => `pod/${p.metadata.name}\n`).join('')}`);
  }
  return { text: error, lines: [`error: ${error}`] };
}

async function nodePods(conn: Connection, node: string, req: DrainRequest) {
  const pods = (await conn.client.list('pods', { fieldSelector: `spec.nodeName=${node}`, labelSelector: req.podSelector || undefined })).items;
  return podsForDeletion(conn.client, pods, { ...req, now: conn.now().getTime() });
}

/** Whether a pod is gone: not found, or a new pod of that name. */
async function gone(conn: Connection, ref: ReturnType<typeof podRef>): Promise<boolean> {
  try {
    return (await conn.client.get('pods', ref.ns, ref.name)).metadata.uid !== ref.uid;
  } catch (err) {
    if (isStatusError(err) && err.reason === 'NotFound') return true;
    throw err;
  }
}

/** Evicts every pod (429s retried every 5 s) and waits for each to go; the error that stopped it, if any. */
async function evictPods(conn: Connection, pods: KubeObject[], req: DrainRequest, io: CommandIO): Promise<string | undefined> {
  const items = pods.map((p) => ({ ref: podRef(p), state: 'evict' as 'evict' | 'wait' | 'done', retryAt: 0 }));
  const suffix = dryRunSuffix(req.dryRun);
  const timeout = goDurationString(req.timeoutMs);
  const deadline = req.timeoutMs > 0 ? Date.now() + req.timeoutMs : undefined;
  let error: string | undefined;
  const step = async (): Promise<boolean> => {
    const now = Date.now();
    for (const it of items) {
      if (it.state !== 'evict' || it.retryAt > now) continue;
      const { ns, name } = it.ref;
      io.out(`evicting pod ${ns}/${name}${suffix}\n`);
      try {
        await conn.client.evict(ns, name, { dryRun: apiDryRun(req.dryRun), gracePeriodSeconds: graceOf(req) });
        it.state = req.dryRun === 'server' ? 'done' : 'wait';
      } catch (err) {
        if (isStatusError(err) && err.reason === 'NotFound') {
          it.state = 'done';
        } else if (isStatusError(err) && err.code === 429) {
          io.err(`error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(ns)} (will retry after 5s): ${errorText(err)}`);
          it.retryAt = now + EVICTION_RETRY_MS;
        } else {
          error = `error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(ns)}: ${errorText(err)}`;
          return true;
        }
      }
    }
    // the evictions take effect (the kubelets stop the pods) before the look
    if (items.some((it) => it.state === 'wait')) await settle(conn);
    for (const it of items) {
      if (it.state !== 'wait' || !(await gone(conn, it.ref))) continue;
      io.out(`pod/${it.ref.name} evicted\n`);
      it.state = 'done';
    }
    return items.every((it) => it.state === 'done');
  };
  const outcome = await tickUntil(conn, step, { deadline });
  if (error !== undefined || outcome === 'done') return error;
  const stuck = items.find((it) => it.state !== 'done')!;
  const { ns, name } = stuck.ref;
  return stuck.state === 'evict'
    ? `error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(ns)}: global timeout reached: ${timeout}`
    : `error when waiting for pod ${JSON.stringify(name)} in namespace ${JSON.stringify(ns)} to terminate: global timeout reached: ${timeout}`;
}

/** --disable-eviction: deletes the pods in turn, then waits for them all; the error that stopped it, if any. */
async function deletePods(conn: Connection, pods: KubeObject[], req: DrainRequest, io: CommandIO): Promise<string | undefined> {
  const waiting: ReturnType<typeof podRef>[] = [];
  for (const pod of pods) {
    const ref = podRef(pod);
    try {
      await conn.client.delete('pods', ref.ns, ref.name, { dryRun: apiDryRun(req.dryRun), gracePeriodSeconds: graceOf(req) });
      waiting.push(ref);
    } catch (err) {
      if (isStatusError(err) && err.reason === 'NotFound') continue;
      return errorText(err);
    }
  }
  // a server dry run deletes nothing: there is nothing to wait for
  if (req.dryRun === 'server') return undefined;
  const step = async (): Promise<boolean> => {
    for (let i = 0; i < waiting.length; ) {
      if (await gone(conn, waiting[i]!)) {
        io.out(`pod/${waiting[i]!.name} deleted\n`);
        waiting.splice(i, 1);
      } else i++;
    }
    return waiting.length === 0;
  };
  const outcome = await tickUntil(conn, step, { deadline: req.timeoutMs > 0 ? Date.now() + req.timeoutMs : undefined });
  return outcome === 'done' ? undefined : 'timed out waiting for the condition';
}
