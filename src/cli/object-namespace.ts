import type { KindDef } from '../api/kind.js';
import type { KubeObject } from '../api/types.js';

/**
 * kubectl's builder namespace rules for `-f` objects: a namespaced object without a namespace gets
 * the command's; with `-n` given explicitly, a different namespace in the manifest is an error.
 * Cluster-scoped objects keep what they have (the server ignores it). Sets it on obj; returns the
 * namespace to address the object in (undefined for cluster-scoped kinds).
 */
export function resolveObjectNamespace(obj: KubeObject, kind: KindDef, namespace: string, enforce: boolean): string | undefined {
  if (!kind.namespaced) return undefined;
  obj.metadata ??= {};
  const own = obj.metadata.namespace;
  if (own && enforce && own !== namespace) {
    throw new Error(
      `the namespace from the provided object "${own}" does not match the namespace "${namespace}". You must pass '--namespace=${own}' to perform this operation.`,
    );
  }
  if (!own) obj.metadata.namespace = namespace;
  return obj.metadata.namespace;
}

/** resolveObjectNamespace over loaded manifests: the placed ones, with each failure pushed to errors. */
export function placeObjects<T extends { obj: KubeObject; kind: KindDef }>(
  items: T[],
  namespace: string,
  enforce: boolean,
  errors: unknown[],
): (T & { namespace: string | undefined })[] {
  const placed: (T & { namespace: string | undefined })[] = [];
  for (const item of items) {
    try {
      placed.push({ ...item, namespace: resolveObjectNamespace(item.obj, item.kind, namespace, enforce) });
    } catch (err) {
      errors.push(err);
    }
  }
  return placed;
}
