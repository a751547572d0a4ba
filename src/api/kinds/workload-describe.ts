/** Describe helpers shared by the workload kinds: pod phase counts of a controller and condition tables. */
import type { DescribeWriter } from '../describe-writer.js';
import type { DescribeContext } from '../kind.js';
import type { KubeObject, LabelSelector } from '../types.js';
import { formatSelector } from './workload-columns.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface PodCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

/**
 * getPodStatusForController: pods matching the selector in the object's namespace whose controller
 * reference is the object, counted by phase.
 */
export async function podCountsFor(obj: KubeObject, selector: LabelSelector | undefined, ctx: DescribeContext): Promise<PodCounts> {
  const counts: PodCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  const labelSelector = formatSelector(selector);
  if (!selector || labelSelector === '<error>') return counts;
  const list = await ctx.client.list('pods', {
    namespace: obj.metadata.namespace,
    labelSelector: labelSelector === '<none>' ? undefined : labelSelector,
  });
  for (const pod of list.items) {
    const owner = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (!owner || owner.uid !== obj.metadata.uid) continue;
    switch (pod.status?.phase) {
      case 'Running': counts.running++; break;
      case 'Pending': counts.waiting++; break;
      case 'Succeeded': counts.succeeded++; break;
      case 'Failed': counts.failed++; break;
      default: break;
    }
  }
  return counts;
}

export function podCountsText(c: PodCounts): string {
  return `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;
}

/** The `Conditions:` table of Deployments and ReplicaSets (Type, Status, Reason; note Go's `%v \t`). */
export function writeReasonConditions(w: DescribeWriter, conditions: any[] | undefined): void {
  if (!conditions?.length) return;
  w.write(0, 'Conditions:');
  w.write(1, 'Type', 'Status', 'Reason');
  w.write(1, '----', '------', '------');
  for (const c of conditions) w.write(1, `${c.type ?? ''} `, String(c.status ?? ''), String(c.reason ?? ''));
}
