/**
 * StorageObjectInUseProtection: every PersistentVolumeClaim is created with the finalizer
 * `kubernetes.io/pvc-protection` and every PersistentVolume with `kubernetes.io/pv-protection`, so
 * that deleting one in use only marks it; the protection controllers remove the finalizer once it
 * is no longer used.
 */
import type { AdmissionPlugin } from '../context.js';

export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';

export const storageObjectInUseProtection: AdmissionPlugin = {
  name: 'StorageObjectInUseProtection',
  admit({ operation, kind, obj }) {
    if (operation !== 'CREATE' || kind.group !== '') return;
    const finalizer = kind.plural === 'persistentvolumeclaims' ? PVC_PROTECTION_FINALIZER : kind.plural === 'persistentvolumes' ? PV_PROTECTION_FINALIZER : undefined;
    if (!finalizer) return;
    const list = obj.metadata.finalizers ?? [];
    if (!list.includes(finalizer)) obj.metadata.finalizers = [...list, finalizer];
  },
};
