/**
 * core/v1 ResourceQuota: hard limits on what a namespace may hold. The ResourceQuota admission
 * plugin (apiserver/admission/resource-quota.ts) refuses what would exceed them and charges what
 * it admits to status.used; the resource quota controller (controllers/resource-quota.ts) copies
 * spec.hard to status.hard and recounts status.used from what the namespace holds.
 */
import { DescribeWriter } from '../describe-writer.js';
import type { KindDef } from '../kind.js';
import { formatNanos, parseQuantityExact } from '../quantity.js';
import { scopeHelpText } from '../quota/scopes.js';
import type { KubeObject } from '../types.js';
import { ageColumn, nameColumn } from './meta-columns.js';
import { validateResourceQuota, validateResourceQuotaUpdate } from './resource-quota-validation.js';
import { canonicalizeList, quantityText } from './storage-helpers.js';

/** The tracked resources of a quota, in name order (SortableResourceNames): status.hard's, as the printers read them. */
const hardNames = (q: KubeObject): string[] => Object.keys(q.status?.hard ?? {}).sort();

/** `resource: used/hard, …` of the resources a column takes (limits.* go to LIMIT, the rest to REQUEST). */
function usageCell(q: KubeObject, limits: boolean): string {
  return hardNames(q)
    .filter((r) => (r.split('.').length > 1 && r.split('.')[0] === 'limits') === limits)
    .map((r) => `${r}: ${quantityText(q.status?.used?.[r])}/${quantityText(q.status.hard[r])}`)
    .join(', ');
}

/** Sorted scopes and their help lines, at `indent`. */
function writeScopes(w: DescribeWriter, q: KubeObject, level: number, bullet: string): void {
  const scopes: string[] = [...(q.spec?.scopes ?? [])].sort();
  if (scopes.length === 0) return;
  w.write(level, 'Scopes:', scopes.join(', '));
  for (const s of scopes) {
    const help = scopeHelpText(s);
    if (help) w.write(level, `${bullet}${help}`);
  }
}

/** describeQuota shows used in hard's format when they differ (resource.NewQuantity(used.Value(), hard.Format)). */
function usedInHardFormat(used: unknown, hard: unknown): string {
  try {
    const h = parseQuantityExact(String(hard));
    const u = parseQuantityExact(used === undefined ? '0' : String(used));
    if (u.format === h.format) return quantityText(used);
    const whole = u.nanos % 1_000_000_000n === 0n || u.nanos < 0n ? u.nanos / 1_000_000_000n : u.nanos / 1_000_000_000n + 1n;
    return formatNanos(whole * 1_000_000_000n, h.format);
  } catch {
    return quantityText(used);
  }
}

/** kubectl's describeQuota. */
function describe(q: KubeObject): string {
  const w = new DescribeWriter();
  w.write(0, 'Name:', q.metadata.name ?? '');
  w.write(0, 'Namespace:', q.metadata.namespace ?? '');
  writeScopes(w, q, 0, ' * ');
  w.write(0, 'Resource', 'Used', 'Hard');
  w.write(0, '--------', '----', '----');
  for (const r of hardNames(q)) w.write(0, r, usedInHardFormat(q.status?.used?.[r], q.status.hard[r]), quantityText(q.status.hard[r]));
  return w.toString();
}

/** kubectl's DescribeResourceQuotas (describe namespace): every quota of the namespace, by name. */
export function writeQuotas(w: DescribeWriter, quotas: KubeObject[]): void {
  if (quotas.length === 0) {
    w.write(0, 'No resource quota.');
    return;
  }
  w.write(0, 'Resource Quotas');
  for (const q of [...quotas].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1))) {
    w.write(1, 'Name:', q.metadata.name ?? '');
    writeScopes(w, q, 1, '* ');
    w.write(1, 'Resource', 'Used', 'Hard');
    w.write(1, '--------', '---', '---');
    for (const r of hardNames(q)) w.write(1, r, quantityText(q.status?.used?.[r]), quantityText(q.status.hard[r]));
  }
}

export const resourceQuotaKind: KindDef = {
  group: '',
  version: 'v1',
  kind: 'ResourceQuota',
  plural: 'resourcequotas',
  singular: 'resourcequota',
  shortNames: ['quota'],
  categories: [],
  namespaced: true,
  schemaType: 'V1ResourceQuota',
  statusSubresource: true,
  bumpsGeneration: false,
  nameRule: 'subdomain',
  defaults(q) {
    canonicalizeList(q.spec?.hard);
    canonicalizeList(q.status?.hard);
    canonicalizeList(q.status?.used);
  },
  prepareForCreate(q) {
    // resourcequotaStrategy.PrepareForCreate: the controller fills the status in
    q.status = {};
  },
  validate: validateResourceQuota,
  validateUpdate: validateResourceQuotaUpdate,
  columns: [
    nameColumn,
    ageColumn,
    { name: 'REQUEST', cell: (q) => usageCell(q, false) },
    { name: 'LIMIT', cell: (q) => usageCell(q, true) },
  ],
  describe,
  describeEvents: false,
};
