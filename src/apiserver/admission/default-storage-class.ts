/**
 * DefaultStorageClass: a PersistentVolumeClaim created without spec.storageClassName (absent, not
 * "") gets the default class — the newest class annotated storageclass.kubernetes.io/is-default-class.
 */
import { registryPrefix } from '../../store/store.js';
import type { AdmissionPlugin } from '../context.js';

export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

export const defaultStorageClass: AdmissionPlugin = {
  name: 'DefaultStorageClass',
  admit({ operation, kind, obj, ctx }) {
    if (operation !== 'CREATE' || kind.group !== '' || kind.plural !== 'persistentvolumeclaims') return;
    const spec = (obj.spec ??= {});
    if (spec.storageClassName !== undefined && spec.storageClassName !== null) return;
    const defaults = ctx.store
      .range(registryPrefix('storageclasses'))
      .filter((sc) => sc.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true')
      .sort((a, b) => (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
    if (defaults[0]) spec.storageClassName = defaults[0].metadata.name;
  },
};
