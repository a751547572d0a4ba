import type { KindDef } from '../../api/kind.js';

/** What `get -o` asks for: a table (`undefined`), the wide table, or whole objects. */
export type GetFormat = undefined | 'wide' | 'yaml' | 'json' | 'name';

/** kubectl's full list of printers, for its error message. */
const KNOWN_FORMATS = [
  'custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json',
  'jsonpath-file', 'name', 'template', 'templatefile', 'wide', 'yaml',
];

export function getOutputFormat(value: string | undefined): GetFormat {
  if (value === undefined || value === '') return undefined;
  if (value === 'wide' || value === 'yaml' || value === 'json' || value === 'name') return value;
  const base = value.split('=')[0];
  if (KNOWN_FORMATS.includes(base)) {
    // jsonpath and custom-columns are read before this (script-output.ts); what lands here are the Go templates
    throw new Error(`output format "${base}" is not supported by pocketkube; use one of: json, yaml, name, wide, jsonpath, custom-columns`);
  }
  throw new Error(`unable to match a printer suitable for the output format "${value}", allowed formats are: ${KNOWN_FORMATS.join(',')}`);
}

/** `-L a,b -L c` → `[a, b, c]`. */
export function splitLabelColumns(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
}

/** The stderr line `kubectl get` prints when nothing matched. */
export function noResourcesMessage(kinds: KindDef[], allNamespaces: boolean, namespace: string): string {
  const allNamespaced = !allNamespaces && kinds.every((k) => k.namespaced);
  return allNamespaced ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n';
}
