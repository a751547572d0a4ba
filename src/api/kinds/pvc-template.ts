/** StatefulSet volumeClaimTemplates: their defaults and kubectl's `Volume Claims:` describe block. */
import type { DescribeWriter } from '../describe-writer.js';
import { defaultClaimSpec, quantityText, storageClassOf } from './storage-helpers.js';
import { goList } from './go-render.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** What the API server stores for one claim template (apiVersion/kind, volumeMode, phase Pending). */
export function defaultClaimTemplate(claim: any): void {
  if (!claim || typeof claim !== 'object') return;
  claim.apiVersion ??= 'v1';
  claim.kind ??= 'PersistentVolumeClaim';
  claim.metadata ??= {};
  if (!('creationTimestamp' in claim.metadata)) claim.metadata.creationTimestamp = null;
  defaultClaimSpec((claim.spec ??= {}));
  claim.status ??= {};
  claim.status.phase ??= 'Pending';
}

/** describeVolumeClaimTemplates. */
export function describeClaimTemplates(w: DescribeWriter, templates: any[] | undefined): void {
  if (!templates?.length) {
    w.write(0, 'Volume Claims:', '<none>');
    return;
  }
  w.write(0, 'Volume Claims:');
  for (const pvc of templates) {
    w.write(1, 'Name:', pvc.metadata?.name ?? '');
    w.write(1, 'StorageClass:', storageClassOf(pvc));
    w.writeMap(1, 'Labels', pvc.metadata?.labels);
    w.writeMap(1, 'Annotations', pvc.metadata?.annotations);
    const storage = pvc.spec?.resources?.requests?.storage;
    w.write(1, 'Capacity:', storage === undefined ? '<default>' : quantityText(storage));
    w.write(1, 'Access Modes:', goList(pvc.spec?.accessModes));
  }
}
