/**
 * The objects `wait` looks at, read the way kubectl's resource builder reads them with Latest():
 * named objects (`TYPE/NAME`, `TYPE NAME…`) and objects from `-f` are fetched by name; whole types
 * are listed with `-l`/`--field-selector`/`--all`, in the namespace or across all (`-A`).
 * Errors (NotFound…) come back in order; reading goes on (ContinueOnError).
 */
import type { Client } from '../../api/client.js';
import type { KindDef } from '../../api/kind.js';
import type { Registry } from '../../api/registry.js';
import type { KubeObject } from '../../api/types.js';
import type { ManifestItem } from '../manifests.js';
import { checkNamedSelection, fetchSelection, parseResourceArgs } from '../resource-args.js';
import { NO_RESOURCES } from '../rollout/targets.js';
import { namedSelection } from '../file-selection.js';

export interface WaitTarget {
  kind: KindDef;
  obj: KubeObject;
}

export interface WaitSelection {
  args: string[];
  /** Objects loaded from `-f`. */
  files: ManifestItem[];
  namespace: string;
  allNamespaces: boolean;
  labelSelector?: string;
  fieldSelector?: string;
  all: boolean;
  bin?: string;
}

/** kubectl's checks on the arguments, before anything is read. */
export function checkWaitSelection(sel: WaitSelection, registry: Registry): void {
  if (sel.args.length === 0 && sel.files.length === 0) throw new Error(NO_RESOURCES);
  if (sel.args.length === 0) return;
  const parsed = parseResourceArgs(sel.args, registry, sel.bin);
  checkNamedSelection(parsed, { selector: Boolean(sel.labelSelector || sel.fieldSelector) || sel.all, allNamespaces: sel.allNamespaces });
  if (parsed.types.length > 0 && !sel.labelSelector && !sel.fieldSelector && !sel.all) {
    throw new Error('resource(s) were provided, but no name was specified');
  }
}

export async function readWaitTargets(client: Client, registry: Registry, sel: WaitSelection): Promise<{ targets: WaitTarget[]; errors: Error[] }> {
  const named = namedSelection(sel.files, sel.namespace, false);
  const fromFiles = await fetchSelection(client, named.sel, { namespace: sel.namespace });
  const targets: WaitTarget[] = fromFiles.groups.flatMap((g) => g.objects.map((obj) => ({ kind: g.kind, obj })));
  const errors: Error[] = [...named.errors, ...fromFiles.errors];
  if (sel.args.length > 0) {
    const parsed = parseResourceArgs(sel.args, registry, sel.bin);
    const fetched = await fetchSelection(client, parsed, {
      namespace: sel.namespace,
      allNamespaces: sel.allNamespaces,
      labelSelector: sel.labelSelector,
      fieldSelector: sel.fieldSelector,
    });
    for (const g of fetched.groups) for (const obj of g.objects) targets.push({ kind: g.kind, obj });
    errors.push(...fetched.errors);
  }
  return { targets, errors };
}
