import { registryPrefix } from '../../store/store.js';
import type { ServerContext } from '../context.js';

/**
 * The name of the class a defaulting plugin gives (DefaultStorageClass, DefaultIngressClass): the
 * newest of the resource's objects whose `annotation` is "true", by name when two are as new.
 */
export function newestDefault(ctx: ServerContext, resource: string, annotation: string): string | undefined {
  return ctx.store
    .range(registryPrefix(resource))
    .filter((o) => o.metadata.annotations?.[annotation] === 'true')
    .sort((a, b) => (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''))[0]
    ?.metadata.name;
}
