import type { Client } from '../api/client.js';
import { isStatusError } from '../api/errors.js';
import { type KindDef, resourceOf } from '../api/kind.js';
import type { Registry } from '../api/registry.js';
import type { KubeObject } from '../api/types.js';
import { LAST_APPLIED } from './apply/last-applied.js';
import { type DryRunStrategy, apiDryRun } from './flags.js';

/**
 * `kubectl apply --prune`: after applying, delete the objects that carry the selector's labels, are
 * of an allowlisted kind, were created by apply (have the last-applied annotation), live in a
 * namespace the manifests touched (or are cluster-scoped), and were not among the applied objects.
 */

/** kubectl's default allowlist (`group/version/Kind`, `core` for the core group). */
export const DEFAULT_PRUNE_ALLOWLIST = [
  'core/v1/ConfigMap', 'core/v1/Endpoints', 'core/v1/Namespace', 'core/v1/PersistentVolumeClaim', 'core/v1/PersistentVolume',
  'core/v1/Pod', 'core/v1/ReplicationController', 'core/v1/Secret', 'core/v1/Service', 'batch/v1/Job', 'batch/v1/CronJob',
  'networking.k8s.io/v1/Ingress', 'apps/v1/DaemonSet', 'apps/v1/Deployment', 'apps/v1/ReplicaSet', 'apps/v1/StatefulSet',
];

/** The kinds an allowlist names (kinds this cluster does not serve are skipped, as discovery would). */
export function pruneKinds(registry: Registry, allowlist: string[]): KindDef[] {
  const kinds: KindDef[] = [];
  for (const entry of allowlist.length > 0 ? allowlist : DEFAULT_PRUNE_ALLOWLIST) {
    const parts = entry.split('/');
    if (parts.length !== 3) throw new Error(`invalid GroupVersionKind format: ${entry}, please follow <group/version/kind>`);
    const [group, version, kind] = parts;
    const apiVersion = group === 'core' || group === '' ? version : `${group}/${version}`;
    const def = registry.forManifest(apiVersion, kind);
    if (def && !kinds.includes(def)) kinds.push(def);
  }
  return kinds;
}

/** A key naming an object: `plural/namespace/name`. */
export function objectKey(kind: Pick<KindDef, 'plural'>, namespace: string | undefined, name: string): string {
  return `${kind.plural}/${namespace ?? ''}/${name}`;
}

export interface PruneOptions {
  kinds: KindDef[];
  selector?: string;
  /** Namespaces the applied manifests were in. */
  namespaces: Set<string>;
  /** objectKey of every applied object. */
  applied: Set<string>;
  dryRun: DryRunStrategy;
}

export interface Pruned {
  object: KubeObject;
  kind: KindDef;
}

/** Finds and deletes the objects to prune, in kubectl's order (namespaced kinds per namespace, then cluster-scoped). */
export async function prune(client: Client, opts: PruneOptions): Promise<Pruned[]> {
  const out: Pruned[] = [];
  const scopes: { kind: KindDef; namespace: string | undefined }[] = [];
  for (const ns of opts.namespaces) for (const kind of opts.kinds) if (kind.namespaced) scopes.push({ kind, namespace: ns });
  for (const kind of opts.kinds) if (!kind.namespaced) scopes.push({ kind, namespace: undefined });
  for (const { kind, namespace } of scopes) {
    const list = await client.list(resourceOf(kind), { namespace, labelSelector: opts.selector || undefined });
    for (const obj of list.items) {
      const name = obj.metadata.name ?? '';
      if (!obj.metadata.annotations?.[LAST_APPLIED]) continue;
      if (opts.applied.has(objectKey(kind, obj.metadata.namespace, name))) continue;
      if (opts.dryRun !== 'client') {
        try {
          await client.delete(resourceOf(kind), obj.metadata.namespace, name, { dryRun: apiDryRun(opts.dryRun), propagationPolicy: 'Background' });
        } catch (err) {
          if (isStatusError(err) && err.reason === 'NotFound') continue;
          throw err;
        }
      }
      out.push({ object: obj, kind });
    }
  }
  return out;
}

/** kubectl's checks of `--prune` with `-l` / `--all`. */
export function checkPruneFlags(f: { prune: boolean; selector?: string; all: boolean; allowlist: string[] }): void {
  if (f.all && f.selector) throw new Error('cannot set --all and --selector at the same time');
  if (!f.prune) {
    if (f.allowlist.length > 0) throw new Error('--prune-allowlist must be used with --prune');
    return;
  }
  if (!f.all && !f.selector) {
    throw new Error('all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector');
  }
}
