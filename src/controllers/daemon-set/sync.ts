/**
 * The DaemonSet controller (pkg/controller/daemon): one pod per eligible node, pinned there by node
 * affinity (the default scheduler binds it); pods leave nodes that no longer fit or are gone; a new
 * template rolls out within maxUnavailable; ControllerRevisions record the templates; status counts
 * nodes. A node added, removed, relabelled or retainted wakes every DaemonSet.
 */
import { EventRecorder } from '../../api/event-recorder.js';
import { isStatusError } from '../../api/errors.js';
import { getOptional } from '../../api/get-optional.js';
import type { KubeObject } from '../../api/types.js';
import { controllerRef, OwnerIndex, ownedByKind } from '../owner-index.js';
import { keyOf, type ReconcileContext, type ReconcileResult, type Reconciler, splitKey } from '../reconciler.js';
import { daemonPod, planDaemonPods } from './daemon-pods.js';
import { type Fit, nodeFit } from './node-fit.js';
import { cleanupHistory, ensureCurrentRevision, templateHash } from './revisions.js';

/** Key for "the set of nodes changed": every DaemonSet is synced. */
const NODES = '\u0000nodes';
const BURST = 500;

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** What about a node matters to DaemonSets. */
function nodeFingerprint(node: KubeObject): string {
  return JSON.stringify([node.metadata.labels ?? {}, node.spec?.taints ?? [], node.spec?.unschedulable ?? false]);
}

export function daemonSetReconciler(): Reconciler {
  const pods = new OwnerIndex('pods', (o) => o, ownedByKind('DaemonSet'));
  const seenNodes = new Map<string, string>();

  async function sync(ds: KubeObject, nodes: KubeObject[], ctx: ReconcileContext): Promise<ReconcileResult | void> {
    const { client } = ctx;
    const ns = ds.metadata.namespace ?? 'default';
    const uid = ds.metadata.uid ?? '';
    const now = ctx.clock.now().getTime();
    const events = new EventRecorder(client, ctx.clock, { component: 'daemonset-controller' });
    await pods.prime(client, ns);
    const own = pods.ownedBy(uid).filter((p) => controllerRef(p)?.uid === uid);
    if (ds.metadata.deletionTimestamp) return;
    const hash = templateHash(ds);
    const { all: revisions } = await ensureCurrentRevision(client, ds, hash);
    const fits = new Map<string, Fit>(nodes.map((n) => [n.metadata.name ?? '', nodeFit(ds, n)]));
    const plan = planDaemonPods(ds, fits, own, hash, now);

    let failure: unknown;
    for (const { pod, reason } of plan.delete.slice(0, BURST)) {
      if (reason === 'failed') {
        await events.event(ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${ns}/${pod.metadata.name} on node ${pod.spec?.nodeName ?? ''}, will try to kill it`);
      }
      try {
        await client.delete('pods', ns, pod.metadata.name ?? '', { preconditions: { uid: pod.metadata.uid } });
        await events.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
      } catch (e) {
        if (isStatusError(e) && e.code === 404) continue;
        await events.event(ds, 'Warning', 'FailedDelete', `Error deleting: ${errorMessage(e)}`);
        failure ??= e;
      }
    }
    for (const node of plan.create.slice(0, BURST)) {
      try {
        const pod = await client.create('pods', daemonPod(ds, node, hash));
        await events.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
      } catch (e) {
        await events.event(ds, 'Warning', 'FailedCreate', `Error creating: ${errorMessage(e)}`);
        failure ??= e;
        break;
      }
    }
    await cleanupHistory(client, ds, revisions, hash, own);

    const status: Record<string, unknown> = { ...plan.status, observedGeneration: ds.metadata.generation };
    if (!status.numberUnavailable) delete status.numberUnavailable;
    if (!status.numberAvailable) delete status.numberAvailable;
    if (!status.updatedNumberScheduled) delete status.updatedNumberScheduled;
    if (ds.status?.collisionCount !== undefined) status.collisionCount = ds.status.collisionCount;
    if (JSON.stringify(sortKeys(ds.status ?? {})) !== JSON.stringify(sortKeys(status))) {
      const fresh = await getOptional(client, 'daemonsets', ns, ds.metadata.name ?? '');
      if (fresh && fresh.metadata.uid === uid) await client.updateStatus('daemonsets', { ...fresh, status });
    }
    if (failure !== undefined) throw failure;
    if (plan.nextAvailable !== undefined) return { requeueAfter: Math.max(0, plan.nextAvailable - now) };
  }

  const listNodes = async (ctx: ReconcileContext) => (await ctx.client.list('nodes')).items;

  return {
    name: 'daemonset',
    watches: [
      { resource: 'daemonsets', keys: (o, type) => (type === 'put' ? [keyOf(o)] : []) },
      {
        resource: 'pods',
        keys: (o, type) => pods.controllerKeys(o, type, 'DaemonSet'),
      },
      {
        resource: 'nodes',
        keys: (o, type) => {
          const name = o.metadata.name ?? '';
          const print = type === 'delete' ? undefined : nodeFingerprint(o);
          if (seenNodes.get(name) === print && print !== undefined) return [];
          if (print === undefined) seenNodes.delete(name);
          else seenNodes.set(name, print);
          return [NODES];
        },
      },
    ],
    async reconcile(key, ctx) {
      if (key === NODES) {
        // the DaemonSets first: without any (most clusters), a node's change lists no nodes
        const sets = (await ctx.client.list('daemonsets')).items;
        if (sets.length === 0) return;
        const nodes = await listNodes(ctx);
        for (const ds of sets) await sync(ds, nodes, ctx);
        return;
      }
      const { namespace, name } = splitKey(key);
      const ds = await getOptional(ctx.client, 'daemonsets', namespace, name);
      if (!ds) return;
      return sync(ds, await listNodes(ctx), ctx);
    },
  };
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)));
}
