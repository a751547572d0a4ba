/**
 * Server-side printing (meta.k8s.io/v1 Table), which `kubectl get` asks for in its Accept header
 * (`application/json;as=Table;v=v1;g=meta.k8s.io`): the kind's columns (KindDef.columns, the same
 * ones pocketkube's own `get` prints), every column with its priority (kubectl shows priority 1
 * only with `-o wide`), and each row's object as PartialObjectMetadata unless the request's
 * includeObject says Object or None (kubectl reads namespaces and labels from it).
 */
import { inOwnVersion, type KindDef } from '../api/kind.js';
import type { KubeObject } from '../api/types.js';

export type IncludeObject = 'Metadata' | 'Object' | 'None';

export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface TableRow {
  cells: string[];
  object?: unknown;
}

export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion?: string };
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

/** Whether an Accept header asks for a Table (kubectl lists it first, with JSON as the fallback). */
export function wantsTable(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((media) => {
    const params = media.split(';').map((p) => p.trim());
    return params.includes('as=Table') && params.includes('g=meta.k8s.io') && params.includes('v=v1');
  });
}

export function parseIncludeObject(value: string | null): IncludeObject {
  return value === 'Object' || value === 'None' ? value : 'Metadata';
}

function rowObject(obj: KubeObject, include: IncludeObject): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return obj;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

export function toTable(objs: readonly KubeObject[], kind: KindDef, now: Date, opts: { resourceVersion?: string; include?: IncludeObject } = {}): Table {
  const include = opts.include ?? 'Metadata';
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: opts.resourceVersion === undefined ? {} : { resourceVersion: opts.resourceVersion },
    columnDefinitions: kind.columns.map((c, i) => ({
      name: c.name,
      type: 'string',
      format: i === 0 ? 'name' : '',
      description: '',
      priority: c.priority ?? 0,
    })),
    rows: objs.map((obj) => {
      // the columns read the kind's own version; the row's object stays in the request's
      const own = inOwnVersion(kind, obj);
      const row: TableRow = { cells: kind.columns.map((c) => c.cell(own, now)) };
      const object = rowObject(obj, include);
      if (object !== undefined) row.object = object;
      return row;
    }),
  };
}
