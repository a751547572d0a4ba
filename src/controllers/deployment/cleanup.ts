/** cleanupDeployment: old, empty ReplicaSets beyond revisionHistoryLimit are deleted, lowest revision first. */
import { isStatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import type { DeploymentSync } from './context.js';
import { byRevision, specReplicas, statusReplicas } from './replica-sets.js';

export async function cleanupOld(dc: DeploymentSync, oldRSs: KubeObject[]): Promise<void> {
  const limit = dc.d.spec?.revisionHistoryLimit;
  if (typeof limit !== 'number') return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp).sort(byRevision);
  const diff = cleanable.length - limit;
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i]!;
    if (statusReplicas(rs) !== 0 || specReplicas(rs) !== 0) continue;
    if ((rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
    try {
      await dc.client.delete('replicasets', rs.metadata.namespace, rs.metadata.name ?? '', { preconditions: { uid: rs.metadata.uid } });
    } catch (e) {
      if (!isStatusError(e) || e.code !== 404) throw e;
    }
  }
}
