/**
 * The objects a rollout/scale command works on: `TYPE NAME…`, `TYPE/NAME…`, `TYPE -l SELECTOR`
 * (`--all` for scale), or the objects of `-f` files, read through the API in the request's namespace.
 */
import type { Client } from '../../api/client.js';
import type { KindDef } from '../../api/kind.js';
import type { Registry } from '../../api/registry.js';
import type { KubeObject } from '../../api/types.js';
import { fileSelection } from '../file-selection.js';
import { checkNamedSelection, fetchSelection, parseResourceArgs, selectorParam } from '../resource-args.js';

export const NO_RESOURCES = 'You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'';

export interface Target {
  kind: KindDef;
  obj: KubeObject;
}

export interface TargetOptions {
  namespace: string;
  selector?: string;
  all?: boolean;
  bin?: string;
  /** `-f`: files (directories, URLs, `-`) naming the objects. */
  files?: string[];
  /** `-R`: directories of `-f` read recursively. */
  recursive?: boolean;
}

/** Resolves the arguments and files; errors (not found …) come back in order after what was read. */
export async function resolveTargets(client: Client, registry: Registry, args: string[], opts: TargetOptions): Promise<{ targets: Target[]; errors: Error[] }> {
  const files = opts.files ?? [];
  if (args.length === 0 && files.length === 0) throw new Error(NO_RESOURCES);
  const fromFiles: { targets: Target[]; errors: Error[] } = { targets: [], errors: [] };
  if (files.length > 0) {
    const { sel, errors } = await fileSelection(files, { registry, recursive: Boolean(opts.recursive), namespace: opts.namespace, enforceNamespace: false, args: [] });
    const fetched = await fetchSelection(client, sel, { namespace: opts.namespace });
    fromFiles.targets = fetched.groups.flatMap((g) => g.objects.map((obj) => ({ kind: g.kind, obj })));
    fromFiles.errors = [...errors, ...fetched.errors];
  }
  if (args.length === 0) return fromFiles;
  const sel = parseResourceArgs(args, registry, opts.bin);
  const selector = selectorParam(opts.selector);
  checkNamedSelection(sel, { selector: Boolean(selector) || opts.all });
  if (sel.types.length > 0 && !selector && !opts.all && sel.named.length === 0) {
    throw new Error(`resource(s) were provided, but no name was specified`);
  }
  const { groups, errors } = await fetchSelection(client, sel, { namespace: opts.namespace, labelSelector: selector });
  return {
    targets: [...fromFiles.targets, ...groups.flatMap((g) => g.objects.map((obj) => ({ kind: g.kind, obj })))],
    errors: [...fromFiles.errors, ...errors],
  };
}

/** `deployments.apps`: the resource with its group, as kubectl names it in rollout errors. */
export function groupResource(kind: KindDef): string {
  return kind.group ? `${kind.plural}.${kind.group}` : kind.plural;
}

/** GroupKind.String(): `Deployment.apps`, `Pod`. */
export function groupKind(kind: KindDef): string {
  return kind.group ? `${kind.kind}.${kind.group}` : kind.kind;
}
