import type { KubeObject } from '../../api/types.js';
import { printNames } from './name.js';
import { asList, forDisplay, toJson, toYaml } from './serialize.js';

export { printTable, tableRows, visibleColumns, labelColumnHeader, type TableOptions } from './table.js';
export { printTableGroups, type TableGroup } from './table-groups.js';
export { toYaml, toJson, asList, sortKeys, forDisplay } from './serialize.js';
export { resourceName, kindPrefix, kindOfObject, printNames } from './name.js';
export { tabulate } from './tabwriter.js';

/** The formats that print whole objects (`-o yaml|json|name`). */
export type ObjectFormat = 'yaml' | 'json' | 'name';

export function isObjectFormat(s: string | undefined): s is ObjectFormat {
  return s === 'yaml' || s === 'json' || s === 'name';
}

/**
 * `-o yaml|json|name` of a result, as `kubectl get` prints it: with `single` (one name asked for)
 * and exactly one object, the object itself; otherwise a `kind: List` around all of them.
 * `-o name` prints one `kind.group/name` line per object either way.
 */
export function printObjects(objs: KubeObject[], format: ObjectFormat, opts: { single?: boolean; showManagedFields?: boolean } = {}): string {
  if (format === 'name') return printNames(objs);
  // the items of a List too are printed without their managedFields unless asked for
  const shown = opts.showManagedFields ? objs : objs.map(forDisplay);
  const value = opts.single && shown.length === 1 ? shown[0] : asList(shown);
  return format === 'json' ? toJson(value, { showManagedFields: true }) : toYaml(value, { showManagedFields: true });
}
