/**
 * POST pods/<name>/eviction (pkg/registry/core/pod/storage/eviction.go): a delete that respects
 * PodDisruptionBudgets. A pod already terminating, finished or still Pending is deleted at once; one
 * covered by a budget only while the budget allows a disruption, which the eviction spends
 * (disruptionsAllowed - 1, the pod recorded under disruptedPods until the disruption controller sees
 * it gone). The pod gets the DisruptionTarget condition before it is deleted.
 */
import type { EvictOptions } from '../api/client.js';
import { apiErrors, StatusError } from '../api/errors.js';
import type { KindDef } from '../api/kind.js';
import { budgetSelector } from '../api/kinds/pod-disruption-budget.js';
import { hasTrueCondition, withPodCondition } from '../api/pod-condition.js';
import type { KubeObject } from '../api/types.js';
import { rfc3339 } from '../util/clock.js';
import type { ServerContext } from './context.js';
import { deleteObject } from './deletion.js';
import { listObjects } from './read.js';
import { peekExisting, updateStatus } from './update.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** More evictions awaiting the controller than this and the budget refuses (MaxDisruptedPodSize). */
const MAX_DISRUPTED_PODS = 2000;
const VIOLATION = "Cannot evict pod as it would violate the pod's disruption budget.";

function budgetsOf(ctx: ServerContext, pdbs: KindDef, pod: Readonly<KubeObject>): KubeObject[] {
  const labels = pod.metadata.labels ?? {};
  return listObjects(ctx, pdbs, { namespace: pod.metadata.namespace }).items.filter((pdb) => budgetSelector(pdb).matches(labels));
}

/** checkAndDecrement: the budget with one disruption spent, or the refusal. */
function spend(pdb: KubeObject, podName: string, now: string): KubeObject {
  const name = pdb.metadata.name ?? '';
  const status = pdb.status ?? {};
  if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) throw apiErrors.tooManyRequests(VIOLATION);
  const allowed: number = status.disruptionsAllowed ?? 0;
  if (allowed < 0) throw apiErrors.forbidden('poddisruptionbudgets', 'policy', name, 'pdb disruptions allowed is negative');
  if (Object.keys(status.disruptedPods ?? {}).length > MAX_DISRUPTED_PODS) {
    throw apiErrors.forbidden('poddisruptionbudgets', 'policy', name, 'DisruptedPods map too big - too many evictions not confirmed by PDB controller');
  }
  if (allowed === 0) throw apiErrors.tooManyRequests(VIOLATION);
  const next: any = { ...status, disruptionsAllowed: allowed - 1, disruptedPods: { ...status.disruptedPods, [podName]: now } };
  if (next.disruptionsAllowed === 0) {
    next.conditions = (status.conditions ?? []).map((c: any) => (c.type === 'DisruptionAllowed' && c.status !== 'False'
      ? { ...c, status: 'False', reason: 'InsufficientPods', lastTransitionTime: now } : c));
  }
  return { ...pdb, status: next };
}

/** Whether an unready pod may go without spending the budget (unhealthyPodEvictionPolicy). */
function unhealthyMayGo(pdb: KubeObject): boolean {
  if (pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow') return true;
  const { currentHealthy = 0, desiredHealthy = 0 } = pdb.status ?? {};
  return currentHealthy >= desiredHealthy && desiredHealthy > 0;
}

export function evictPod(ctx: ServerContext, pods: KindDef, pdbs: KindDef, namespace: string, name: string, opts: EvictOptions = {}): void {
  const { old: pod } = peekExisting(ctx, pods, namespace, name);
  const dryRun = opts.dryRun === 'All';
  const now = rfc3339(ctx.clock.now());
  const remove = () => {
    deleteObject(ctx, pods, namespace, name, { dryRun: opts.dryRun, gracePeriodSeconds: opts.gracePeriodSeconds });
  };
  const phase = pod.status?.phase;
  if (pod.metadata.deletionTimestamp || phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending') return remove();
  const markAndRemove = () => {
    const status = withPodCondition(pod.status, { type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' }, now);
    if (status && !dryRun) updateStatus(ctx, pods, { ...pod, status } as KubeObject);
    remove();
  };
  const budgets = budgetsOf(ctx, pdbs, pod);
  if (budgets.length > 1) throw new StatusError(500, '', 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
  if (budgets.length === 0) return markAndRemove();
  const pdb = budgets[0]!;
  if (!hasTrueCondition(pod.status, 'Ready') && unhealthyMayGo(pdb)) return markAndRemove();
  const spent = spend(pdb, name, now);
  if (!dryRun) updateStatus(ctx, pdbs, spent);
  markAndRemove();
}
