import type { Client } from '../../api/client.js';
import { type KindDef, resourceOf } from '../../api/kind.js';
import type { ResourceSelection } from '../resource-args.js';

/** One object `delete` will act on. */
export interface DeleteTarget {
  kind: KindDef;
  namespace: string | undefined;
  name: string;
  /** The file it came from (`''` for arguments), for kubectl's `error when deleting "f.yaml": …`. */
  source: string;
}

export interface ArgTargetOptions {
  namespace: string;
  allNamespaces: boolean;
  selector?: string;
  fieldSelector?: string;
  all: boolean;
}

/**
 * The objects chosen by resource arguments: named ones as given (kubectl does not read them first),
 * whole types through a list with the label and field selectors (`-l`, `--field-selector`) or everything (`--all`), in the
 * namespace or across all of them (`-A`).
 */
export async function argTargets(client: Client, sel: ResourceSelection, opts: ArgTargetOptions): Promise<DeleteTarget[]> {
  const out: DeleteTarget[] = sel.named.map((n) => ({
    kind: n.kind,
    namespace: n.kind.namespaced ? opts.namespace : undefined,
    name: n.name,
    source: '',
  }));
  for (const kind of sel.types) {
    const namespace = kind.namespaced && !opts.allNamespaces ? opts.namespace : undefined;
    const list = await client.list(resourceOf(kind), { namespace, labelSelector: opts.selector || undefined, fieldSelector: opts.fieldSelector || undefined });
    for (const item of list.items) {
      out.push({ kind, namespace: kind.namespaced ? item.metadata.namespace : undefined, name: item.metadata.name ?? '', source: '' });
    }
  }
  return out;
}

/** kubectl's checks on how delete was asked to choose objects, before anything is read. */
export function checkDeleteSelection(
  files: string[],
  args: string[],
  sel: ResourceSelection | undefined,
  opts: { all: boolean; selector?: string; fieldSelector?: string },
): void {
  if (files.length > 0 && args.length > 0) {
    throw new Error('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
  }
  if (opts.all && (opts.selector || opts.fieldSelector)) throw new Error("setting 'all' parameter but found a non empty selector. ");
  if (files.length === 0 && args.length === 0) {
    throw new Error(
      "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
  if (sel && sel.types.length > 0 && !opts.all && !opts.selector && !opts.fieldSelector) {
    throw new Error('resource(s) were provided, but no name was specified');
  }
}
