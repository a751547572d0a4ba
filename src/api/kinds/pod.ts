/** core/v1 Pod. */
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { ageColumn, nameColumn } from './meta-columns.js';
import { describePod } from './pod-describe.js';
import { podQosClass } from './pod-qos.js';
import { defaultPodOnly, defaultPodSpec, validatePodSpec } from './pod-spec.js';
import { podReadyText, podRestartsText, podStatusText } from './pod-status.js';
import { validatePodUpdate } from './pod-update.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const orNone = (s: unknown): string => (s ? String(s) : '<none>');

function readinessGates(pod: KubeObject): string {
  const gates: any[] = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  const conditions: any[] = pod.status?.conditions ?? [];
  const ok = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${ok}/${gates.length}`;
}

export const podKind: KindDef = {
  group: '',
  version: 'v1',
  kind: 'Pod',
  plural: 'pods',
  singular: 'pod',
  shortNames: ['po'],
  categories: ['all'],
  namespaced: true,
  schemaType: 'V1Pod',
  statusSubresource: true,
  // Pods carry metadata.generation only from 1.33 (PodObservedGenerationTracking).
  bumpsGeneration: false,
  nameRule: 'subdomain',

  defaults(obj) {
    obj.spec ??= {};
    defaultPodSpec(obj.spec);
    defaultPodOnly(obj.spec);
  },

  prepareForCreate(obj) {
    const status: any = { phase: 'Pending', qosClass: podQosClass(obj.spec) };
    if (obj.spec?.schedulingGates?.length) {
      status.conditions = [{
        type: 'PodScheduled',
        status: 'False',
        reason: 'SchedulingGated',
        message: 'Scheduling is blocked due to non-empty scheduling gates',
        lastProbeTime: null,
        lastTransitionTime: obj.metadata.creationTimestamp ?? null,
      }];
    }
    obj.status = status;
  },

  validate(obj) {
    return validatePodSpec(obj.spec, 'spec');
  },

  validateUpdate(obj, old) {
    return validatePodUpdate(obj, old);
  },

  columns: [
    nameColumn,
    { name: 'READY', cell: (o) => podReadyText(o) },
    { name: 'STATUS', cell: (o) => podStatusText(o) },
    { name: 'RESTARTS', cell: (o, now) => podRestartsText(o, now) },
    ageColumn,
    { name: 'IP', priority: 1, cell: (o) => orNone(o.status?.podIPs?.[0]?.ip) },
    { name: 'NODE', priority: 1, cell: (o) => orNone(o.spec?.nodeName) },
    { name: 'NOMINATED NODE', priority: 1, cell: (o) => orNone(o.status?.nominatedNodeName) },
    { name: 'READINESS GATES', priority: 1, cell: (o) => readinessGates(o) },
  ],

  fieldSelectors: {
    'spec.nodeName': (o) => o.spec?.nodeName ?? '',
    'spec.host': (o) => o.spec?.nodeName ?? '',
    'spec.restartPolicy': (o) => o.spec?.restartPolicy ?? '',
    'spec.schedulerName': (o) => o.spec?.schedulerName ?? '',
    'spec.serviceAccountName': (o) => o.spec?.serviceAccountName ?? '',
    'spec.hostNetwork': (o) => String(!!o.spec?.hostNetwork),
    'status.phase': (o) => o.status?.phase ?? '',
    'status.podIP': (o) => o.status?.podIPs?.[0]?.ip ?? o.status?.podIP ?? '',
    'status.nominatedNodeName': (o) => o.status?.nominatedNodeName ?? '',
  },

  describe(obj, ctx) {
    return describePod(obj, ctx.now);
  },
  describeEvents: true,
};
