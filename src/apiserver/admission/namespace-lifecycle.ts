/**
 * NamespaceLifecycle: no new content in a namespace that does not exist or is being terminated, and
 * the system namespaces can never be deleted.
 */
import { apiErrors } from '../../api/errors.js';
import { registryKey } from '../../store/store.js';
import type { AdmissionPlugin } from '../context.js';

const IMMORTAL = new Set(['default', 'kube-system', 'kube-public']);

export const namespaceLifecycle: AdmissionPlugin = {
  name: 'NamespaceLifecycle',
  admit({ operation, kind, obj, ctx }) {
    if (kind.group === '' && kind.plural === 'namespaces') {
      const name = obj.metadata.name ?? '';
      if (operation === 'DELETE' && IMMORTAL.has(name)) throw apiErrors.forbidden('namespaces', '', name, 'this namespace may not be deleted');
      return;
    }
    if (operation !== 'CREATE' || !kind.namespaced) return;
    const ns = obj.metadata.namespace ?? '';
    const namespace = ctx.store.peek(registryKey('namespaces', undefined, ns)); // read only: no copy
    if (!namespace) throw apiErrors.notFound('namespaces', '', ns);
    if (namespace.metadata.deletionTimestamp || namespace.status?.phase === 'Terminating') {
      throw apiErrors.forbidden(kind.plural, kind.group, obj.metadata.name ?? '', `unable to create new content in namespace ${ns} because it is being terminated`);
    }
  },
};
