/** core/v1 Namespace (cluster-scoped). */
import { DescribeWriter } from '../describe-writer.js';
import type { DescribeContext, KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { LIMIT_TABLE_HEADER, LIMIT_TABLE_RULE, writeLimitRows } from './limit-range.js';
import { writeQuotas } from './resource-quota.js';
import { ageColumn, nameColumn, rfc1123z, writeAnnotations } from './meta-columns.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** kubectl's DescribeLimitRanges: every range of the namespace in one table, rows indented by a space. */
function writeLimitRanges(w: DescribeWriter, ranges: KubeObject[]): void {
  if (ranges.length === 0) {
    w.write(0, 'No LimitRange resource.');
    return;
  }
  w.write(0, 'Resource Limits');
  w.write(0, ...LIMIT_TABLE_HEADER.map((h, i) => (i === 0 ? ` ${h}` : h)));
  w.write(0, ...LIMIT_TABLE_RULE.map((h, i) => (i === 0 ? ` ${h}` : h)));
  for (const lr of ranges) writeLimitRows(w, lr, ' ');
}

async function describeNamespace(ns: KubeObject, ctx: DescribeContext): Promise<string> {
  const name = ns.metadata.name ?? '';
  const quotas = (await ctx.client.list('resourcequotas', { namespace: name })).items;
  const limitRanges = (await ctx.client.list('limitranges', { namespace: name })).items;
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
  w.write(0, '');
  writeQuotas(w, quotas);
  w.write(0, '');
  writeLimitRanges(w, limitRanges);
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
