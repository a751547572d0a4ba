/**
 * The objects `-f` files name, for the commands that read existing objects (`get -f`,
 * `describe -f`): each object by kind and name, in its own namespace (or the request's; with `-n`
 * given, a different one is kubectl's error), as kubectl's resource builder reads FilenameParam.
 */
import { statSync } from 'node:fs';
import type { Registry } from '../api/registry.js';
import type { ManifestItem } from './manifests.js';
import { placeObjects } from './object-namespace.js';
import type { ResourceSelection } from './resource-args.js';

export interface FileSelectionOptions {
  registry: Registry;
  recursive: boolean;
  namespace: string;
  /** `-n` was given: a manifest naming another namespace is an error. */
  enforceNamespace: boolean;
  /** Resource arguments given too (kubectl refuses both). */
  args: readonly string[];
}

/** kubectl's visitByPaths: one plain file (not a directory, URL or stdin) implies a single item. */
function singleSource(files: readonly string[]): boolean {
  if (files.length !== 1) return false;
  const [f] = files as [string];
  if (f === '-' || /^https?:\/\//.test(f)) return false;
  try {
    return !statSync(f).isDirectory();
  } catch {
    return false;
  }
}

/** Loaded manifest objects as a selection of named resources, each in its namespace; namespace errors in `errors`. */
export function namedSelection(items: readonly ManifestItem[], namespace: string, enforceNamespace: boolean): { sel: ResourceSelection; errors: Error[] } {
  const errors: unknown[] = [];
  // placed on copies: the items stay as loaded
  const placed = placeObjects(items.map((i) => ({ ...i, obj: { ...i.obj, metadata: { ...i.obj.metadata } } })), namespace, enforceNamespace, errors);
  const named = placed.map((p) => ({ kind: p.kind, name: p.obj.metadata.name ?? '', namespace: p.namespace }));
  const sel = { types: [], named, singleItem: named.length === 1, slashForm: true };
  return { sel, errors: errors.map((e) => (e instanceof Error ? e : new Error(String(e)))) };
}

/** The selection the files name; namespace errors come back in `errors`, a file that cannot be read throws. */
export async function fileSelection(files: readonly string[], opts: FileSelectionOptions): Promise<{ sel: ResourceSelection; errors: Error[] }> {
  if (opts.args.length > 0) throw new Error('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
  // loaded when needed: the YAML parser behind it is no cost of `scale` or `rollout` without -f
  const { loadManifests } = await import('./manifests.js');
  const set = await loadManifests([...files], { recursive: opts.recursive, registry: opts.registry });
  if (set.errors.length > 0) throw set.errors[0];
  const { sel, errors } = namedSelection(set.items, opts.namespace, opts.enforceNamespace);
  return { sel: { ...sel, singleItem: singleSource(files) && sel.singleItem }, errors };
}
