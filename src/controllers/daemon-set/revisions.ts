/**
 * DaemonSet history (daemon controller constructHistory / cleanupHistory): one ControllerRevision
 * `<ds>-<hash>` per distinct template, the current one holding the highest revision number; old
 * ones no live pod uses are trimmed to revisionHistoryLimit.
 */
import type { Client } from '../../api/client.js';
import { isStatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import { ownerRefTo } from '../controller-ref.js';
import { podTemplateHash } from '../deployment/hash.js';
import { controllerRef } from '../owner-index.js';

export const REVISION_HASH_LABEL = 'controller-revision-hash';

export function templateHash(ds: KubeObject): string {
  return podTemplateHash(ds.spec?.template ?? {}, ds.status?.collisionCount);
}

/** Makes the current template's ControllerRevision exist with the highest revision; returns its number. */
export async function ensureCurrentRevision(client: Client, ds: KubeObject, hash: string): Promise<{ revision: number; all: KubeObject[] }> {
  const ns = ds.metadata.namespace;
  const all = (await client.list('controllerrevisions', { namespace: ns })).items.filter((r) => controllerRef(r)?.uid === ds.metadata.uid);
  const max = all.reduce((m, r) => Math.max(m, r.revision ?? 0), 0);
  const name = `${ds.metadata.name}-${hash}`;
  const current = all.find((r) => r.metadata.name === name);
  if (current) {
    if ((current.revision ?? 0) >= max) return { revision: current.revision ?? 0, all };
    const bumped = await client.update('controllerrevisions', { ...current, revision: max + 1 });
    return { revision: max + 1, all: all.map((r) => (r.metadata.name === name ? bumped : r)) };
  }
  const created = await client.create('controllerrevisions', {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name, namespace: ns,
      labels: { ...(ds.spec?.template?.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash },
      // the set's annotations as they are now (snapshot(): `rollout history` reads the change cause here)
      ...(ds.metadata.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
      ownerReferences: [ownerRefTo(ds)],
    },
    data: { spec: { template: { ...structuredClone(ds.spec?.template ?? {}), $patch: 'replace' } } },
    revision: max + 1,
  });
  return { revision: max + 1, all: [...all, created] };
}

/** Deletes the oldest revisions beyond revisionHistoryLimit that neither the current template nor a live pod uses. */
export async function cleanupHistory(client: Client, ds: KubeObject, revisions: KubeObject[], hash: string, pods: KubeObject[]): Promise<void> {
  const limit: number = ds.spec?.revisionHistoryLimit ?? 10;
  const live = new Set(pods.map((p) => p.metadata.labels?.[REVISION_HASH_LABEL]));
  const old = revisions
    .filter((r) => r.metadata.labels?.[REVISION_HASH_LABEL] !== hash && r.metadata.name !== `${ds.metadata.name}-${hash}` && !live.has(r.metadata.labels?.[REVISION_HASH_LABEL]))
    .sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));
  for (const r of old.slice(0, Math.max(0, old.length - limit))) {
    try {
      await client.delete('controllerrevisions', r.metadata.namespace, r.metadata.name ?? '');
    } catch (e) {
      if (!isStatusError(e) || e.code !== 404) throw e;
    }
  }
}
