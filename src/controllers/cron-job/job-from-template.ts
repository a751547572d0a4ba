/** getJobFromTemplate2: the Job a CronJob starts for one scheduled time. */
import type { KubeObject } from '../../api/types.js';
import { ownerRefTo } from '../controller-ref.js';

export const SCHEDULED_TIMESTAMP = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

/** `<cronjob>-<scheduled time in Unix minutes>`. */
export function jobNameFor(cj: KubeObject, scheduled: number): string {
  return `${cj.metadata.name}-${Math.floor(scheduled / 60_000)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** RFC 3339 of an instant as seen in a time zone (Go's `t.In(loc).Format(time.RFC3339)`). */
export function rfc3339In(ms: number, zone: string | undefined): string {
  if (!zone || zone === 'UTC') return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour) % 24, Number(parts.minute), Number(parts.second));
  const offsetMin = Math.round((local - Math.floor(ms / 1000) * 1000) / 60_000);
  if (offsetMin === 0) return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const date = new Date(local).toISOString().slice(0, 19);
  return `${date}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function jobFromTemplate(cj: KubeObject, scheduled: number): KubeObject {
  const template = cj.spec?.jobTemplate ?? {};
  const meta = template.metadata ?? {};
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobNameFor(cj, scheduled),
      namespace: cj.metadata.namespace,
      ...(meta.labels ? { labels: { ...meta.labels } } : {}),
      annotations: { ...(meta.annotations ?? {}), [SCHEDULED_TIMESTAMP]: rfc3339In(scheduled, cj.spec?.timeZone ?? undefined) },
      ownerReferences: [ownerRefTo(cj)],
    },
    spec: structuredClone(template.spec ?? {}),
  };
}
