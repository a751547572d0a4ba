import { type Column, type KindDef, inOwnVersion } from '../../api/kind.js';
import type { KubeObject } from '../../api/types.js';
import { formatLabels } from '../../api/kinds/meta-columns.js';
import { kindPrefix } from './name.js';
import { KUBECTL_TABLE_LAYOUT, tabulate } from './tabwriter.js';
import { statusPainter } from '../colors.js';

export interface TableOptions {
  /** `-o wide`: also the priority-1 columns. */
  wide?: boolean;
  noHeaders?: boolean;
  /** `-A`: a NAMESPACE column first (ignored for cluster-scoped kinds, as kubectl does). */
  withNamespace?: boolean;
  /** Several types, or `--show-kind`: the first cell becomes `kind.group/name`. */
  withKind?: boolean;
  /** `--show-labels`: a final LABELS column. */
  showLabels?: boolean;
  /** `-L key`: one column per label key, before LABELS. */
  labelColumns?: string[];
  now: Date;
  /** Colour status cells (only for people at a terminal; see src/cli/colors.ts). */
  colour?: boolean;
}

/** The header of a `-L` column: the part after the last `/`, upper-cased. */
export function labelColumnHeader(key: string): string {
  return (key.split('/').pop() ?? key).toUpperCase();
}

/** The columns a table shows with these options. */
export function visibleColumns(kind: KindDef, wide: boolean | undefined): Column[] {
  return kind.columns.filter((c) => wide || (c.priority ?? 0) === 0);
}

/** kubectl's table cells hold one line: a multi-line value is cut at its first newline and marked `...`. */
function oneLine(cell: string): string {
  const nl = cell.indexOf('\n');
  return nl < 0 ? cell : cell.slice(0, nl) + '...';
}

/** The header row and one row of cells per object, before layout. */
export function tableRows(objs: KubeObject[], kind: KindDef, opts: TableOptions): string[][] {
  const columns = visibleColumns(kind, opts.wide);
  const withNamespace = Boolean(opts.withNamespace && kind.namespaced);
  const labelKeys = opts.labelColumns ?? [];
  const header = [
    ...(withNamespace ? ['NAMESPACE'] : []),
    ...columns.map((c) => c.name.toUpperCase()),
    ...labelKeys.map(labelColumnHeader),
    ...(opts.showLabels ? ['LABELS'] : []),
  ];
  const prefix = opts.withKind ? `${kindPrefix(kind)}/` : '';
  const body = objs.map((obj) => {
    // the columns read the kind's own version (an object read in another served one is converted)
    const own = inOwnVersion(kind, obj);
    const cells = columns.map((c, i) => (i === 0 ? prefix : '') + oneLine(c.cell(own, opts.now)));
    const labels = obj.metadata.labels ?? {};
    return [
      ...(withNamespace ? [obj.metadata.namespace ?? ''] : []),
      ...cells,
      ...labelKeys.map((k) => oneLine(labels[k] ?? '')),
      ...(opts.showLabels ? [formatLabels(labels)] : []),
    ];
  });
  return opts.noHeaders ? body : [header, ...body];
}

/**
 * `kubectl get` as a table for objects of one kind. Nothing at all (not even the header) when
 * there are no objects.
 */
export function printTable(objs: KubeObject[], kind: KindDef, opts: TableOptions): string {
  if (objs.length === 0) return '';
  const rows = tableRows(objs, kind, opts);
  if (!opts.colour) return tabulate(rows);
  const header = opts.noHeaders ? tableRows(objs.slice(0, 1), kind, { ...opts, noHeaders: false })[0] : rows[0];
  return tabulate(rows, KUBECTL_TABLE_LAYOUT, statusPainter(header, opts.noHeaders ? 0 : 1));
}
