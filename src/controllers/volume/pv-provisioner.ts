/**
 * pocketkube's own dynamic provisioner (`pocketkube.io/hostpath`, the provisioner of the default class
 * `standard`), shaped like an external provisioner: it serves claims the PV controller annotated with
 * its name, creating a hostPath volume `pvc-<claim uid>` under /var/pocketkube/hostpath, pre-bound to
 * the claim, with the class's reclaim policy and mount options (and, for a claim whose binding waited
 * for its first consumer, node affinity to the chosen node). The binder then completes the bind.
 * Deleting such a volume (reclaim policy Delete) is the PV controller's part: the backing directory
 * is simulated, so nothing outside the store needs removing.
 */
import { STORAGE_PROVISIONER as OUR_PROVISIONER } from '../../apiserver/bootstrap.js';
import { EventRecorder } from '../../api/event-recorder.js';
import { storageClassOf } from '../../api/kinds/storage-helpers.js';
import type { KubeObject } from '../../api/types.js';
import type { ReconcileContext, Reconciler } from '../reconciler.js';
import { splitKey } from '../reconciler.js';
import { claimRefFor } from './binding.js';
import { getOptional } from '../../api/get-optional.js';
import { PROVISIONED_BY, SELECTED_NODE, STORAGE_PROVISIONER } from './claim-matching.js';

export const HOSTPATH_ROOT = '/var/pocketkube/hostpath';

export function provisionedVolume(claim: KubeObject, cls: KubeObject): KubeObject {
  const ns = claim.metadata.namespace ?? 'default';
  const name = `pvc-${claim.metadata.uid}`;
  const node = claim.metadata.annotations?.[SELECTED_NODE];
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, annotations: { [PROVISIONED_BY]: OUR_PROVISIONER } },
    spec: {
      accessModes: [...(claim.spec?.accessModes ?? [])],
      capacity: { storage: claim.spec?.resources?.requests?.storage },
      claimRef: claimRefFor(claim),
      hostPath: { path: `${HOSTPATH_ROOT}/${name}_${ns}_${claim.metadata.name}`, type: 'DirectoryOrCreate' },
      ...(cls.mountOptions ? { mountOptions: [...cls.mountOptions] } : {}),
      ...(node
        ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } } }
        : {}),
      persistentVolumeReclaimPolicy: cls.reclaimPolicy ?? 'Delete',
      storageClassName: cls.metadata.name,
      volumeMode: claim.spec?.volumeMode ?? 'Filesystem',
    },
  };
}

async function reconcile(key: string, ctx: ReconcileContext): Promise<void> {
  const { namespace, name } = splitKey(key);
  const claim = await getOptional(ctx.client, 'persistentvolumeclaims', namespace, name);
  if (!claim || claim.metadata.deletionTimestamp || claim.spec?.volumeName) return;
  if (claim.metadata.annotations?.[STORAGE_PROVISIONER] !== OUR_PROVISIONER) return;
  const cls = await getOptional(ctx.client, 'storageclasses', undefined, storageClassOf(claim));
  if (!cls || cls.provisioner !== OUR_PROVISIONER) return;
  if (cls.volumeBindingMode === 'WaitForFirstConsumer' && !claim.metadata.annotations?.[SELECTED_NODE]) return;
  const pv = provisionedVolume(claim, cls);
  if (await getOptional(ctx.client, 'persistentvolumes', undefined, pv.metadata.name!)) return;
  const rec = new EventRecorder(ctx.client, ctx.clock, { component: OUR_PROVISIONER });
  await rec.event(claim, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${namespace}/${name}"`);
  await ctx.client.create('persistentvolumes', pv);
  await rec.event(claim, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pv.metadata.name}`);
}

export function pvProvisionerReconciler(): Reconciler {
  return {
    name: 'hostpath-provisioner',
    watches: [
      {
        resource: 'persistentvolumeclaims',
        keys: (o) => (o.metadata.annotations?.[STORAGE_PROVISIONER] === OUR_PROVISIONER && !o.spec?.volumeName ? [`${o.metadata.namespace}/${o.metadata.name}`] : []),
      },
    ],
    reconcile,
  };
}
