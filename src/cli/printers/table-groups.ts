import type { KindDef } from '../../api/kind.js';
import type { KubeObject } from '../../api/types.js';
import { printTable, type TableOptions } from './table.js';

export interface TableGroup {
  kind: KindDef;
  objects: KubeObject[];
}

/**
 * Several result groups as `kubectl get` prints them: one table (own header, own column widths)
 * per run of objects of one kind; the `kind/name` form when objects of more than one kind were
 * found (or `withKind` is asked for); an empty line before a table when something was printed
 * already, unless headers are off.
 */
export function printTableGroups(groups: TableGroup[], opts: TableOptions): string {
  const found = groups.filter((g) => g.objects.length > 0);
  const kinds = new Set(found.map((g) => g.kind));
  const withKind = Boolean(opts.withKind) || kinds.size > 1;
  let out = '';
  for (const g of found) {
    const text = printTable(g.objects, g.kind, { ...opts, withKind });
    if (text && out && !opts.noHeaders) out += '\n';
    out += text;
  }
  return out;
}
