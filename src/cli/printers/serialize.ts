import type { KubeObject } from '../../api/types.js';
import { emitYaml } from './yaml-emit.js';

/**
 * `-o yaml` / `-o json` as kubectl prints objects that came from the server: keys in alphabetical
 * order at every level, managedFields hidden; JSON indented by 4 with Go's HTML-safe escapes and a
 * final newline; YAML indented by 2 with sequences at their parent's column, go-yaml's quoting.
 */

/** A deep copy with keys sorted at every level (what a Go map[string]interface{} marshals to). */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value as object).sort(byteOrder)) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out as T;
  }
  return value;
}

/** Go compares strings by bytes; for the keys we meet (ASCII) that is code-unit order. */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The object as kubectl shows it: without metadata.managedFields (--show-managed-fields=false). */
export function forDisplay(obj: KubeObject): KubeObject {
  const meta = obj.metadata as Record<string, unknown> | undefined;
  if (!meta || !('managedFields' in meta)) return obj;
  const { managedFields: _hidden, ...rest } = meta;
  void _hidden;
  return { ...obj, metadata: rest };
}

/** kubectl's List wrapper around several objects (`get` of a collection, several names…). */
export function asList(objs: KubeObject[]): KubeObject {
  return { apiVersion: 'v1', items: objs, kind: 'List', metadata: { resourceVersion: '' } } as KubeObject;
}

const HTML_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** How an object is printed: `--show-managed-fields` keeps metadata.managedFields. */
export interface SerializeOptions {
  showManagedFields?: boolean;
}

/** json.MarshalIndent(obj, "", "    ") of an unstructured object, plus the newline kubectl adds. */
export function toJson(obj: unknown, opts: SerializeOptions = {}): string {
  const value = isKubeObject(obj) && !opts.showManagedFields ? forDisplay(obj) : obj;
  const text = JSON.stringify(sortKeys(value), null, 4);
  // Structural JSON characters never include these, so every match is inside a string.
  return text.replace(/[<>&\u2028\u2029]/g, (c) => HTML_ESCAPES[c]) + '\n';
}

/** sigs.k8s.io/yaml Marshal of an unstructured object (ends with a newline). */
export function toYaml(obj: unknown, opts: SerializeOptions = {}): string {
  const value = isKubeObject(obj) && !opts.showManagedFields ? forDisplay(obj) : obj;
  return emitYaml(sortKeys(value));
}

function isKubeObject(obj: unknown): obj is KubeObject {
  return obj !== null && typeof obj === 'object' && 'metadata' in (obj as object) && 'kind' in (obj as object);
}
