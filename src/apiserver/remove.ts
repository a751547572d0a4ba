import type { KindDef } from '../api/kind.js';
import type { KubeObject } from '../api/types.js';
import { admissionPlugins } from './admission/index.js';
import type { ServerContext } from './context.js';

/** Takes an object out of the store for good: frees its allocations and tells the change feed. */
export function removeObject(ctx: ServerContext, kind: KindDef, key: string): KubeObject | undefined {
  const removed = ctx.store.delete(key);
  if (!removed) return undefined;
  for (const p of admissionPlugins) p.release?.(removed, kind, ctx);
  ctx.onRemoved?.(key, removed, ctx.store.revision());
  return removed;
}

/**
 * An object marked for deletion goes once nothing holds it: no finalizers left (namespaces also
 * wait for spec.finalizers) and no graceful period pending (deletionGracePeriodSeconds 0 or unset).
 */
export function readyToRemove(kind: KindDef, obj: KubeObject): boolean {
  const meta = obj.metadata;
  if (!meta.deletionTimestamp) return false;
  if ((meta.finalizers ?? []).length > 0) return false;
  if (meta.deletionGracePeriodSeconds !== undefined && meta.deletionGracePeriodSeconds > 0) return false;
  if (kind.group === '' && kind.plural === 'namespaces' && (obj.spec?.finalizers ?? []).length > 0) return false;
  return true;
}
