/**
 * StatefulSet history as ControllerRevisions `<set>-<hash>`: each holds the pod template as a
 * `$patch: replace` patch, owned by the set and labelled with the template's labels. The revision
 * matching the current template is the update revision (re-numbered as newest when an older one is
 * rolled back to); history beyond revisionHistoryLimit that no pod uses is deleted.
 */
import { deepEqual } from '../../api/patch/json-value.js';
import type { KubeObject } from '../../api/types.js';
import { ownerRefTo } from '../controller-ref.js';
import { fnv1a32, safeEncode } from '../deployment/hash.js';
import type { ReconcileContext } from '../reconciler.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export function revisionData(set: KubeObject): any {
  return { spec: { template: { ...JSON.parse(JSON.stringify(set.spec?.template ?? {})), $patch: 'replace' } } };
}

/** ControllerRevisionHash: FNV-1a of the revision data (and collision count), safe-encoded. */
export function revisionHash(data: unknown, collisionCount = 0): string {
  const text = JSON.stringify(data) + (collisionCount ? String(collisionCount) : '');
  return safeEncode(String(fnv1a32(text)));
}

export const revisionOf = (r: KubeObject): number => Number(r.revision ?? 0);

/** The set's revisions, oldest first. */
export async function listRevisions(set: KubeObject, ctx: ReconcileContext): Promise<KubeObject[]> {
  const all = await ctx.client.list('controllerrevisions', { namespace: set.metadata.namespace });
  return all.items
    .filter((r) => r.metadata.ownerReferences?.some((o) => o.uid === set.metadata.uid && o.controller))
    .sort((a, b) => revisionOf(a) - revisionOf(b) || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
}

/** Finds or creates the revision of the set's current template; `revisions` is updated in place. */
export async function ensureUpdateRevision(set: KubeObject, revisions: KubeObject[], ctx: ReconcileContext): Promise<KubeObject> {
  const data = revisionData(set);
  const max = revisions.reduce((m, r) => Math.max(m, revisionOf(r)), 0);
  const equal = revisions.filter((r) => deepEqual(r.data, data));
  if (equal.length > 0) {
    const found = equal[equal.length - 1]!;
    if (revisionOf(found) === max) return found;
    const updated = await ctx.client.update('controllerrevisions', { ...found, revision: max + 1 });
    revisions.splice(revisions.indexOf(found), 1, updated);
    return updated;
  }
  const collisionCount = set.status?.collisionCount ?? 0;
  const created = await ctx.client.create('controllerrevisions', {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${set.metadata.name}-${revisionHash(data, collisionCount)}`,
      namespace: set.metadata.namespace,
      ...(set.spec?.template?.metadata?.labels ? { labels: { ...set.spec.template.metadata.labels } } : {}),
      // the set's annotations as they are now (newRevision: `rollout history` reads the change cause here)
      ...(set.metadata.annotations ? { annotations: { ...set.metadata.annotations } } : {}),
      ownerReferences: [ownerRefTo(set)],
    },
    data,
    revision: max + 1,
  });
  revisions.push(created);
  return created;
}

/** Deletes the oldest revisions beyond revisionHistoryLimit that are neither current, update nor in use. */
export async function truncateHistory(set: KubeObject, revisions: KubeObject[], live: Set<string>, ctx: ReconcileContext): Promise<void> {
  const limit = set.spec?.revisionHistoryLimit ?? 10;
  const history = revisions.filter((r) => !live.has(r.metadata.name ?? ''));
  for (const r of history.slice(0, Math.max(0, history.length - limit))) {
    await ctx.client.delete('controllerrevisions', r.metadata.namespace, r.metadata.name!);
  }
}
