/**
 * `kubectl get` cells shared by the workload kinds: CONTAINERS / IMAGES of a pod template and the
 * SELECTOR rendering (metav1.FormatLabelSelector), as pkg/printers/internalversion prints them.
 */
import type { Column } from '../kind.js';
import { formatLabelSelector } from '../label-selector.js';
import type { KubeObject, LabelSelector } from '../types.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

type TemplateOf = (obj: KubeObject) => any;

/** layoutContainerCells: names and images joined with `,`, in spec order. */
export function containerCells(template: any): { names: string; images: string } {
  const containers: any[] = template?.spec?.containers ?? [];
  return { names: containers.map((c) => c?.name ?? '').join(','), images: containers.map((c) => c?.image ?? '').join(',') };
}

/** metav1.FormatLabelSelector: `<none>` for an empty or nil selector, `<error>` when it cannot be converted. */
export function formatSelector(sel: LabelSelector | undefined | null): string {
  if (!sel) return '<none>';
  try {
    return formatLabelSelector(sel);
  } catch {
    return '<error>';
  }
}

/** labels.Selector.String() of LabelSelectorAsSelector: '' for nil/empty, `<invalid>` on error (Deployment cells). */
export function selectorString(sel: LabelSelector | undefined | null): string {
  const s = formatSelector(sel);
  if (s === '<none>') return '';
  return s === '<error>' ? '<invalid>' : s;
}

/** The wide CONTAINERS and IMAGES columns of a kind whose pod template `templateOf` returns. */
export function containerColumns(templateOf: TemplateOf): Column[] {
  return [
    { name: 'CONTAINERS', priority: 1, cell: (o) => containerCells(templateOf(o)).names },
    { name: 'IMAGES', priority: 1, cell: (o) => containerCells(templateOf(o)).images },
  ];
}

/** The wide SELECTOR column in FormatLabelSelector form. */
export function selectorColumn(selectorOf: (obj: KubeObject) => LabelSelector | undefined): Column {
  return { name: 'SELECTOR', priority: 1, cell: (o) => formatSelector(selectorOf(o)) };
}

/** An integer cell (Go prints int64 cells with %v; absent fields are 0). */
export function intCell(v: unknown): string {
  return typeof v === 'number' ? String(v) : '0';
}
