import { createHash } from 'node:crypto';
import type { KubeObject } from '../../api/types.js';
import { sortedJson } from '../json-sort.js';

/**
 * `--append-hash` of `create configmap|secret`: kubectl's hash.ConfigMapHash / SecretHash — the
 * sha256 of a small sorted JSON document, its first ten hex digits with 0,1,3,a,e swapped for
 * g,h,k,m,t (so the suffix never looks like a number), appended to the name with a dash.
 */
const SWAP: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };

function encodeHash(doc: unknown): string {
  const hex = createHash('sha256').update(sortedJson(doc), 'utf8').digest('hex');
  return [...hex.slice(0, 10)].map((c) => SWAP[c] ?? c).join('');
}

export function nameHash(obj: KubeObject): string {
  const name = obj.metadata.name ?? '';
  if (obj.kind === 'Secret') return encodeHash({ kind: 'Secret', type: obj.type ?? '', name, data: obj.data ?? {} });
  const doc: Record<string, unknown> = { kind: 'ConfigMap', name, data: obj.data ?? {} };
  if (obj.binaryData && Object.keys(obj.binaryData).length > 0) doc.binaryData = obj.binaryData;
  return encodeHash(doc);
}

/** The object with `-<hash>` appended to its name. */
export function appendHash(obj: KubeObject): KubeObject {
  const copy = structuredClone(obj);
  copy.metadata.name = `${obj.metadata.name ?? ''}-${nameHash(obj)}`;
  return copy;
}
