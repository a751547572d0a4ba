import type { KindDef } from '../api/kind.js';
import type { KubeObject } from '../api/types.js';
import type { WriteOutput } from './flags.js';
import { resourceName } from './printers/name.js';
import { asList, toJson, toYaml } from './printers/serialize.js';

/**
 * What apply/create print per object: kubectl's name printer with the operation
 * (`deployment.apps/web created (dry run)`), or only the name for `-o name`. With `-o yaml|json`
 * nothing is printed per object; the objects are collected and printed at the end (printCollected).
 */
export function successLine(obj: KubeObject, kind: KindDef, operation: string, format: WriteOutput, suffix: string): string {
  const name = resourceName(obj, kind);
  if (format === 'name') return `${name}\n`;
  return `${name} ${operation}${suffix}\n`;
}

/** `-o yaml|json` of the collected objects: the object itself when there is one, else a List. */
export function printCollected(objs: KubeObject[], format: 'json' | 'yaml'): string {
  if (objs.length === 0) return '';
  const value = objs.length === 1 ? objs[0] : asList(objs);
  return format === 'json' ? toJson(value) : toYaml(value);
}
