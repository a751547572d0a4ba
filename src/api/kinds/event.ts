/** core/v1 Event. */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { age } from '../../util/human-duration.js';
import { describeGeneric } from './generic-describe.js';

/** FIRST SEEN: firstTimestamp, else eventTime. */
function firstSeen(e: KubeObject, now: Date): string {
  return e.firstTimestamp ? age(e.firstTimestamp, now) : age(e.eventTime, now);
}

/** LAST SEEN: series.lastObservedTime, else lastTimestamp, else FIRST SEEN. */
export function eventLastSeen(e: KubeObject, now: Date): string {
  if (e.series) return age(e.series.lastObservedTime, now);
  return e.lastTimestamp ? age(e.lastTimestamp, now) : firstSeen(e, now);
}

export function eventCount(e: KubeObject): number {
  if (e.series) return e.series.count ?? 0;
  return e.count ? e.count : 1;
}

function target(e: KubeObject): string {
  const kind = String(e.involvedObject?.kind ?? '').toLowerCase();
  return e.involvedObject?.name ? `${kind}/${e.involvedObject.name}` : kind;
}

function source(e: KubeObject): string {
  const component = e.source?.component || e.reportingComponent || '';
  const instance = e.source?.host || e.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

function validateEvent(e: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const ns = e.involvedObject?.namespace;
  if (ns && e.metadata.namespace && ns !== e.metadata.namespace) {
    errs.push(fe.invalid('involvedObject.namespace', ns, 'does not match event.namespace'));
  }
  return errs;
}

export const eventKind: KindDef = {
  group: '',
  version: 'v1',
  kind: 'Event',
  plural: 'events',
  singular: 'event',
  shortNames: ['ev'],
  categories: [],
  namespaced: true,
  schemaType: 'CoreV1Event',
  statusSubresource: false,
  bumpsGeneration: false,
  nameRule: 'subdomain',

  validate: validateEvent,

  columns: [
    { name: 'LAST SEEN', cell: (o, now) => eventLastSeen(o, now) },
    { name: 'TYPE', cell: (o) => o.type ?? '' },
    { name: 'REASON', cell: (o) => o.reason ?? '' },
    { name: 'OBJECT', cell: (o) => target(o) },
    { name: 'SUBOBJECT', priority: 1, cell: (o) => o.involvedObject?.fieldPath ?? '' },
    { name: 'SOURCE', priority: 1, cell: (o) => source(o) },
    { name: 'MESSAGE', cell: (o) => String(o.message ?? '').trim() },
    { name: 'FIRST SEEN', priority: 1, cell: (o, now) => firstSeen(o, now) },
    { name: 'COUNT', priority: 1, cell: (o) => String(eventCount(o)) },
    { name: 'NAME', priority: 1, cell: (o) => o.metadata.name ?? '' },
  ],
  fieldSelectors: {
    'involvedObject.kind': (o) => o.involvedObject?.kind ?? '',
    'involvedObject.namespace': (o) => o.involvedObject?.namespace ?? '',
    'involvedObject.name': (o) => o.involvedObject?.name ?? '',
    'involvedObject.uid': (o) => o.involvedObject?.uid ?? '',
    'involvedObject.apiVersion': (o) => o.involvedObject?.apiVersion ?? '',
    'involvedObject.resourceVersion': (o) => o.involvedObject?.resourceVersion ?? '',
    'involvedObject.fieldPath': (o) => o.involvedObject?.fieldPath ?? '',
    reason: (o) => o.reason ?? '',
    reportingComponent: (o) => o.reportingComponent ?? '',
    source: (o) => o.source?.component ?? '',
    type: (o) => o.type ?? '',
  },
  describe: describeGeneric,
  describeEvents: true,
};
