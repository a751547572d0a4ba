/**
 * The `kubectl get` columns of a custom resource: NAME, then its CRD version's
 * additionalPrinterColumns, or AGE when it names none (apiextensions-apiserver's tableconvertor and
 * serveDefaultColumnsIfEmpty). Each cell is the first value its JSONPath finds, shown as the
 * column's type says (cellForJSONValue); a path that finds nothing, or a value of another type,
 * is a nil cell, which kubectl prints as nothing (an empty column, not custom-columns' `<none>`).
 */
import type { Column } from '../kind.js';
import type { KubeObject } from '../types.js';
import { ageColumn, nameColumn } from '../kinds/meta-columns.js';
import { JsonPath } from '../../util/jsonpath/index.js';
import { goFloat, goSprint } from '../../util/jsonpath/format.js';
import { age } from '../../util/human-duration.js';

export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  format?: string;
  description?: string;
  priority?: number;
}

const NONE = '';

/** One printed cell of a value, as the server types it and kubectl prints the typed cell. */
function cell(type: string, value: unknown, now: Date): string {
  if (value === null || value === undefined) return NONE;
  switch (type) {
    case 'integer':
      return typeof value === 'number' ? String(Math.trunc(value)) : NONE;
    case 'number':
      return typeof value === 'number' ? goFloat(value) : NONE;
    case 'boolean':
      return typeof value === 'boolean' ? String(value) : NONE;
    case 'date': {
      if (typeof value !== 'string') return NONE;
      return Number.isNaN(Date.parse(value)) ? '<invalid>' : age(value, now);
    }
    default:
      // string columns print whatever the path finds, as a JSONPath template would
      if (typeof value === 'object') return JSON.stringify(value);
      return goSprint(value);
  }
}

/** A column of a custom resource's table, its path compiled once. */
function printerColumn(col: PrinterColumn): Column {
  let path: JsonPath | undefined;
  try {
    // relaxedJSONPathExpression: `.spec.size` is the template `{.spec.size}`
    path = new JsonPath(col.jsonPath.startsWith('{') ? col.jsonPath : `{${col.jsonPath}}`, { allowMissingKeys: true });
  } catch {
    path = undefined;
  }
  return {
    name: col.name.toUpperCase(),
    priority: (col.priority ?? 0) > 0 ? 1 : 0,
    cell(obj: KubeObject, now: Date): string {
      if (!path) return NONE;
      let found: unknown[][];
      try {
        found = path.findResults(obj);
      } catch {
        return NONE;
      }
      const first = found[0];
      return first && first.length > 0 ? cell(col.type, first[0], now) : NONE;
    },
  };
}

export function printerColumns(columns: readonly PrinterColumn[] | undefined): Column[] {
  if (!columns || columns.length === 0) return [nameColumn, ageColumn];
  return [nameColumn, ...columns.map(printerColumn)];
}
