/** Deployment revisions as kubectl reads them (polymorphichelpers/history.go, rollback.go); DaemonSets and StatefulSets: controller-history.ts. */
import type { Client } from '../../api/client.js';
import { DescribeWriter } from '../../api/describe-writer.js';
import { describePodTemplate } from '../../api/kinds/pod-template-describe.js';
import type { KubeObject } from '../../api/types.js';
import { CHANGE_CAUSE, HASH_LABEL, revisionOf } from '../../controllers/deployment/replica-sets.js';
import { tabulate } from '../printers/tabwriter.js';

/** The ReplicaSets a Deployment controls (GetAllReplicaSets). */
export async function replicaSetsOf(client: Client, d: KubeObject): Promise<KubeObject[]> {
  const list = await client.list('replicasets', { namespace: d.metadata.namespace });
  return list.items.filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
}

/** One revision of a workload: its pod template and the change cause recorded with it. */
export interface Revision {
  template: KubeObject['spec'];
  cause?: string;
}

/** revision → the pod template of that revision, with the change cause as a template annotation (as kubectl prints a Deployment's). */
export function historyOf(sets: KubeObject[]): Map<number, Revision> {
  const out = new Map<number, Revision>();
  for (const rs of sets) {
    const rev = revisionOf(rs);
    if (rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === undefined) continue;
    const template = structuredClone(rs.spec?.template ?? {});
    const cause = rs.metadata.annotations?.[CHANGE_CAUSE];
    template.metadata ??= {};
    template.metadata.annotations ??= {};
    if (cause) template.metadata.annotations[CHANGE_CAUSE] = cause;
    out.set(rev, { template, cause });
  }
  return out;
}

/** printTemplate: the describe layout of a pod template. */
export function templateText(template: KubeObject['spec']): string {
  const w = new DescribeWriter();
  describePodTemplate(w, template);
  return w.toString();
}

/** ViewHistory: the REVISION / CHANGE-CAUSE table, or one revision's template. */
export function historyText(history: Map<number, Revision>, revision: number): string {
  if (revision > 0) {
    const r = history.get(revision);
    if (!r) throw new Error('unable to find the specified revision');
    return templateText(r.template);
  }
  if (history.size === 0) return 'No rollout history found.';
  const rows = [['REVISION', 'CHANGE-CAUSE']];
  for (const r of [...history.keys()].sort((a, b) => a - b)) {
    rows.push([String(r), history.get(r)?.cause || '<none>']);
  }
  return tabulate(rows, { minWidth: 0, padding: 2 });
}

/** deploymentRevision: the ReplicaSet of a revision (0: the one before the newest). */
export function replicaSetForRevision(d: KubeObject, sets: KubeObject[], toRevision: number): KubeObject {
  let latest: KubeObject | undefined;
  let latestRev = -1;
  let previous: KubeObject | undefined;
  let previousRev = -1;
  for (const rs of sets) {
    if (rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === undefined) continue;
    const v = revisionOf(rs);
    if (toRevision === 0) {
      if (latestRev < v) {
        previousRev = latestRev;
        previous = latest;
        latestRev = v;
        latest = rs;
      } else if (previousRev < v) {
        previousRev = v;
        previous = rs;
      }
    } else if (toRevision === v) return rs;
  }
  if (toRevision > 0) throw new Error(`unable to find specified revision ${toRevision} in history`);
  if (!previous) throw new Error(`no rollout history found for deployment "${d.metadata.name}"`);
  return previous;
}

/** The template of a ReplicaSet without pod-template-hash (what undo writes back). */
export function templateForRollback(rs: KubeObject): KubeObject['spec'] {
  const t = structuredClone(rs.spec?.template ?? {});
  if (t.metadata?.labels) delete t.metadata.labels[HASH_LABEL];
  return t;
}
