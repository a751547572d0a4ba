/** Values of downward-API env vars as kubectl describe resolves them (fieldpath.ExtractFieldPathAsString). */
import type { KubeObject } from '../types.js';
import { parseQuantity } from '../quantity.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

function subscript(path: string, prefix: string): string | undefined {
  const m = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\['(.*)'\\]$`).exec(path);
  return m ? m[1] : undefined;
}

/** The value of a pod field path (`metadata.name`, `status.podIP`, `metadata.labels['app']`…), '' if unknown. */
export function envFieldValue(pod: KubeObject, fieldPath: string): string {
  const label = subscript(fieldPath, 'metadata.labels');
  if (label !== undefined) return pod.metadata.labels?.[label] ?? '';
  const annotation = subscript(fieldPath, 'metadata.annotations');
  if (annotation !== undefined) return pod.metadata.annotations?.[annotation] ?? '';
  switch (fieldPath) {
    case 'metadata.name': return pod.metadata.name ?? '';
    case 'metadata.namespace': return pod.metadata.namespace ?? '';
    case 'metadata.uid': return pod.metadata.uid ?? '';
    case 'metadata.labels': return Object.keys(pod.metadata.labels ?? {}).sort().map((k) => `${k}="${pod.metadata.labels![k]}"`).join('\n');
    case 'metadata.annotations': return Object.keys(pod.metadata.annotations ?? {}).sort().map((k) => `${k}="${pod.metadata.annotations![k]}"`).join('\n');
    case 'spec.nodeName': return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName': return pod.spec?.serviceAccountName ?? '';
    case 'status.hostIP': return pod.status?.hostIP ?? '';
    case 'status.hostIPs': return (pod.status?.hostIPs ?? []).map((i: any) => i.ip).join(',');
    case 'status.podIP': return pod.status?.podIP ?? '';
    case 'status.podIPs': return (pod.status?.podIPs ?? []).map((i: any) => i.ip).join(',');
    default: return '';
  }
}

/**
 * A resourceFieldRef value (ExtractContainerResourceValue): limits/requests of cpu (ceil of cores /
 * divisor), memory and ephemeral-storage (ceil of bytes / divisor); `node allocatable` when a cpu or
 * memory limit is unset.
 */
export function envResourceValue(container: any, ref: any): string {
  const [kind, name] = String(ref.resource ?? '').split('.');
  const list = kind === 'limits' ? container?.resources?.limits : container?.resources?.requests;
  let divisor = 1;
  try {
    const d = ref.divisor === undefined || String(ref.divisor) === '0' ? 1 : parseQuantity(ref.divisor);
    if (d > 0) divisor = d;
  } catch {
    divisor = 1;
  }
  let value = 0;
  try {
    value = list?.[name] === undefined ? 0 : parseQuantity(list[name]);
  } catch {
    value = 0;
  }
  const out = String(Math.ceil(value / divisor));
  if (out === '0' && (ref.resource === 'limits.cpu' || ref.resource === 'limits.memory')) return 'node allocatable';
  return out;
}
