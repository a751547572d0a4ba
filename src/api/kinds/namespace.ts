/** core/v1 Namespace (cluster-scoped). */
import { DescribeWriter } from '../describe-writer.js';
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { ageColumn, nameColumn, rfc1123z, writeAnnotations } from './meta-columns.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

function describeNamespace(ns: KubeObject): string {
  const w = new DescribeWriter();
  w.write(0, 'Name:', ns.metadata.name ?? '');
  w.writeMap(0, 'Labels', ns.metadata.labels);
  writeAnnotations(w, 0, 'Annotations', ns.metadata.annotations);
  w.write(0, 'Status:', ns.status?.phase ?? '');
  const conditions: any[] = ns.status?.conditions ?? [];
  if (conditions.length) {
    w.write(0, 'Conditions:');
    w.write(1, 'Type', 'Status', 'LastTransitionTime', 'Reason', 'Message');
    w.write(1, '----', '------', '------------------', '------', '-------');
    for (const c of conditions) w.write(1, c.type ?? '', c.status ?? '', rfc1123z(c.lastTransitionTime), c.reason ?? '', c.message ?? '');
  }
  // pocketkube serves no ResourceQuota or LimitRange objects, so a namespace never has any.
  w.write(0, '');
  w.write(0, 'No resource quota.');
  w.write(0, '');
  w.write(0, 'No LimitRange resource.');
  return w.toString();
}

export const namespaceKind: KindDef = {
  group: '',
  version: 'v1',
  kind: 'Namespace',
  plural: 'namespaces',
  singular: 'namespace',
  shortNames: ['ns'],
  categories: [],
  namespaced: false,
  schemaType: 'V1Namespace',
  statusSubresource: true,
  bumpsGeneration: false,
  nameRule: 'label',

  defaults(obj) {
    if (obj.metadata.name) obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': obj.metadata.name };
  },
  prepareForCreate(obj) {
    obj.status = { phase: 'Active' };
    const finalizers: string[] = Array.isArray(obj.spec?.finalizers) ? obj.spec.finalizers : [];
    if (!finalizers.includes('kubernetes')) finalizers.push('kubernetes');
    obj.spec = { ...(obj.spec ?? {}), finalizers };
  },

  columns: [nameColumn, { name: 'STATUS', cell: (o) => o.status?.phase ?? '' }, ageColumn],
  fieldSelectors: { 'status.phase': (o) => o.status?.phase ?? '' },
  describe: describeNamespace,
  describeEvents: false,
};
