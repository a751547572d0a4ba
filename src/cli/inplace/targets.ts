/**
 * The objects an in-place command (label, annotate, patch, set …, edit) works on, as kubectl's
 * builder finds them with `ResourceTypeOrNameArgs(all, args…).Latest()`: `TYPE NAME…`, `TYPE/NAME…`,
 * `TYPE -l SELECTOR`, `TYPE --all` (`-A` across namespaces) and `-f FILE` (each object read back
 * from the server). Errors (not found …) do not stop the others; they come back in order.
 */
import type { Client } from '../../api/client.js';
import type { Registry } from '../../api/registry.js';
import { loadManifests } from '../manifests.js';
import { placeObjects } from '../object-namespace.js';
import { checkNamedSelection, fetchSelection, parseResourceArgs, selectorParam } from '../resource-args.js';
import type { Target } from '../rollout/targets.js';
import { resourceOf } from '../../api/kind.js';

export type { Target };

export interface InplaceSelection {
  args: string[];
  filenames?: string[];
  recursive?: boolean;
  selector?: string;
  fieldSelector?: string;
  all?: boolean;
  allNamespaces?: boolean;
  /** The request's namespace and whether `-n` was given (kubectl's enforceNamespace). */
  namespace: string;
  enforceNamespace: boolean;
  bin: string;
}

export interface InplaceTargets {
  targets: (Target & { source?: string })[];
  errors: unknown[];
  /** kubectl's "single item implied": exactly one object was named. */
  singleItem: boolean;
}

export async function findTargets(client: Client, registry: Registry, sel: InplaceSelection): Promise<InplaceTargets> {
  const out: InplaceTargets = { targets: [], errors: [], singleItem: false };
  const files = sel.filenames ?? [];
  if (files.length > 0) {
    const set = await loadManifests(files, { recursive: sel.recursive, registry });
    out.errors.push(...set.errors);
    const placed = placeObjects(set.items, sel.namespace, sel.enforceNamespace, out.errors);
    for (const item of placed) {
      try {
        const live = await client.get(resourceOf(item.kind), item.namespace, item.obj.metadata.name ?? '');
        out.targets.push({ kind: item.kind, obj: live, source: item.source });
      } catch (err) {
        out.errors.push(err);
      }
    }
    out.singleItem = placed.length === 1 && sel.args.length === 0;
  }
  if (sel.args.length === 0) return out;
  if (sel.all && sel.selector) throw new Error('cannot set --all and --selector at the same time');
  const parsed = parseResourceArgs(sel.args, registry, sel.bin);
  const selector = selectorParam(sel.selector);
  checkNamedSelection(parsed, { selector: Boolean(selector) || sel.all, allNamespaces: sel.allNamespaces });
  if (parsed.types.length > 0 && !selector && !sel.all && !sel.fieldSelector) {
    throw new Error('resource(s) were provided, but no name was specified');
  }
  const { groups, errors } = await fetchSelection(client, parsed, {
    namespace: sel.namespace,
    allNamespaces: sel.allNamespaces,
    labelSelector: selector,
    fieldSelector: sel.fieldSelector,
  });
  out.targets.push(...groups.flatMap((g) => g.objects.map((obj) => ({ kind: g.kind, obj }))));
  out.errors.push(...errors);
  out.singleItem = files.length === 0 && parsed.singleItem;
  return out;
}
