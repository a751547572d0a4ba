/** core/v1 Node (cluster-scoped). */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { validateQualifiedName } from '../validation/labels.js';
import { ageColumn, nameColumn } from './meta-columns.js';
import { describeNode, nodeRoles } from './node-describe.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const EFFECTS = ['NoExecute', 'NoSchedule', 'PreferNoSchedule'];

/** STATUS: Ready / NotReady / Unknown, plus `,SchedulingDisabled` for a cordoned node. */
export function nodeStatusText(node: KubeObject): string {
  const ready = (node.status?.conditions ?? []).find((c: any) => c.type === 'Ready');
  const parts = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

function address(node: KubeObject, type: string): string {
  return (node.status?.addresses ?? []).find((a: any) => a.type === type)?.address ?? '<none>';
}

const orUnknown = (s: unknown): string => (s ? String(s) : '<unknown>');

function validateNode(node: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (node.spec?.taints ?? []).forEach((t: any, i: number) => {
    const path = `spec.taints[${i}]`;
    errs.push(...validateQualifiedName(t?.key ?? '', `${path}.key`));
    if (!t?.effect) errs.push(fe.required(`${path}.effect`));
    else if (!EFFECTS.includes(t.effect)) errs.push(fe.unsupported(`${path}.effect`, t.effect, EFFECTS));
    const k = `${t?.key}:${t?.effect}`;
    if (seen.has(k)) errs.push(fe.duplicate(path, `${t?.key}=${t?.value ?? ''}:${t?.effect}`));
    seen.add(k);
  });
  return errs;
}

export const nodeKind: KindDef = {
  group: '',
  version: 'v1',
  kind: 'Node',
  plural: 'nodes',
  singular: 'node',
  shortNames: ['no'],
  categories: [],
  namespaced: false,
  schemaType: 'V1Node',
  statusSubresource: true,
  bumpsGeneration: false,
  nameRule: 'subdomain',

  defaults(obj) {
    const status = obj.status;
    if (status?.capacity && status.allocatable === undefined) status.allocatable = { ...status.capacity };
  },
  validate: validateNode,

  columns: [
    nameColumn,
    { name: 'STATUS', cell: (o) => nodeStatusText(o) },
    { name: 'ROLES', cell: (o) => nodeRoles(o).join(',') || '<none>' },
    ageColumn,
    { name: 'VERSION', cell: (o) => o.status?.nodeInfo?.kubeletVersion ?? '' },
    { name: 'INTERNAL-IP', priority: 1, cell: (o) => address(o, 'InternalIP') },
    { name: 'EXTERNAL-IP', priority: 1, cell: (o) => address(o, 'ExternalIP') },
    { name: 'OS-IMAGE', priority: 1, cell: (o) => orUnknown(o.status?.nodeInfo?.osImage) },
    { name: 'KERNEL-VERSION', priority: 1, cell: (o) => orUnknown(o.status?.nodeInfo?.kernelVersion) },
    { name: 'CONTAINER-RUNTIME', priority: 1, cell: (o) => orUnknown(o.status?.nodeInfo?.containerRuntimeVersion) },
  ],
  fieldSelectors: { 'spec.unschedulable': (o) => String(!!o.spec?.unschedulable) },
  describe: describeNode,
  describeEvents: true,
};
