/**
 * DefaultStorageClass: a PersistentVolumeClaim created without spec.storageClassName (absent, not
 * "") gets the default class — the newest class annotated storageclass.kubernetes.io/is-default-class.
 */
import { newestDefault } from './newest-default.js';
import type { AdmissionPlugin } from '../context.js';

export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

export const defaultStorageClass: AdmissionPlugin = {
  name: 'DefaultStorageClass',
  admit({ operation, kind, obj, ctx }) {
    if (operation !== 'CREATE' || kind.group !== '' || kind.plural !== 'persistentvolumeclaims') return;
    const spec = (obj.spec ??= {});
    if (spec.storageClassName !== undefined && spec.storageClassName !== null) return;
    const name = newestDefault(ctx, 'storageclasses', DEFAULT_CLASS_ANNOTATION);
    if (name) spec.storageClassName = name;
  },
};
