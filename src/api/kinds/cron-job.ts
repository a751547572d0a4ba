/** batch/v1 CronJob. */
import { DescribeWriter } from '../describe-writer.js';
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { age } from '../../util/human-duration.js';
import { CronParseError, isKnownTimeZone, parseSchedule } from './cron-schedule.js';
import { goLabelSelector, invalidRaw } from './go-render.js';
import { validateJobSpecCommon } from './job-spec.js';
import { ageColumn, nameColumn, printBool, rfc1123z, writeAnnotations } from './meta-columns.js';
import { defaultPodTemplateSpec } from './pod-spec.js';
import { describePodTemplate } from './pod-template-describe.js';
import { containerColumns, selectorColumn, selectorString } from './workload-columns.js';
import { nonNegative } from './workload-validation.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Names a CronJob may have: the controller appends an 11-character `-<minutes>` suffix to Job names. */
const MAX_NAME_LENGTH = 52;
const TIME_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

function defaults(cj: KubeObject): void {
  const spec = (cj.spec ??= {});
  if (!spec.concurrencyPolicy) spec.concurrencyPolicy = 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  const jobTemplate = (spec.jobTemplate ??= {});
  jobTemplate.metadata ??= {};
  if (!('creationTimestamp' in jobTemplate.metadata)) jobTemplate.metadata.creationTimestamp = null;
  const jobSpec = (jobTemplate.spec ??= {});
  defaultPodTemplateSpec((jobSpec.template ??= {}));
}

/** validateScheduleFormat. */
function scheduleErrors(schedule: string, oldSchedule: string | undefined, timeZone: unknown): FieldError[] {
  const errs: FieldError[] = [];
  try {
    parseSchedule(schedule);
  } catch (e) {
    if (!(e instanceof CronParseError)) throw e;
    errs.push(fe.invalid('spec.schedule', schedule, e.message));
  }
  const allowTZ = oldSchedule !== undefined && oldSchedule.includes('TZ');
  if (allowTZ && schedule.includes('TZ') && timeZone != null) {
    errs.push(fe.invalid('spec.schedule', schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
  } else if (!allowTZ && schedule.includes('TZ')) {
    errs.push(fe.invalid('spec.schedule', schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  return errs;
}

/** validateTimeZone. */
function timeZoneErrors(tz: unknown): FieldError[] {
  if (tz === undefined || tz === null) return [];
  const zone = String(tz);
  if (zone.length === 0) return [fe.invalid('spec.timeZone', zone, 'timeZone must be nil or non-empty string')];
  for (const part of zone.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !TIME_ZONE_PART.test(part)) {
      return [fe.invalid('spec.timeZone', zone, `unknown time zone ${zone}`)];
    }
  }
  const errs: FieldError[] = [];
  if (zone.toLowerCase() === 'local') {
    errs.push(fe.invalid('spec.timeZone', zone, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'));
  }
  if (!isKnownTimeZone(zone)) errs.push(fe.invalid('spec.timeZone', zone, `unknown time zone ${zone}`));
  return errs;
}

/** validateCronJobSpec (`old` is the previous spec on update). */
function specErrors(spec: any, old: any | undefined): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec?.schedule) errs.push(fe.required('spec.schedule'));
  else errs.push(...scheduleErrors(spec.schedule, old?.schedule, spec.timeZone));
  errs.push(...nonNegative(spec?.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  if (!old || old.timeZone !== spec?.timeZone) errs.push(...timeZoneErrors(spec?.timeZone));
  const policy = spec?.concurrencyPolicy ?? '';
  if (policy === '') errs.push(fe.required('spec.concurrencyPolicy'));
  else if (!['Allow', 'Forbid', 'Replace'].includes(policy)) errs.push(fe.unsupported('spec.concurrencyPolicy', policy, ['Allow', 'Forbid', 'Replace']));
  const jobSpec = spec?.jobTemplate?.spec ?? {};
  errs.push(...validateJobSpecCommon(jobSpec, 'spec.jobTemplate.spec'));
  if (jobSpec.selector) errs.push(invalidRaw('spec.jobTemplate.spec.selector', goLabelSelector(jobSpec.selector), '`selector` will be auto-generated'));
  if (jobSpec.manualSelector === true) errs.push(fe.unsupported('spec.jobTemplate.spec.manualSelector', true, ['nil', 'false']));
  errs.push(...nonNegative(spec?.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  errs.push(...nonNegative(spec?.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  return errs;
}

/**
 * validateCronJobCreate. (On update Kubernetes passes the old spec so a schedule that already had
 * a TZ prefix stays accepted; such schedules can never be created here, so create rules suffice.)
 */
function validate(cj: KubeObject): FieldError[] {
  const errs = specErrors(cj.spec, undefined);
  const name = cj.metadata.name ?? '';
  if (name.length > MAX_NAME_LENGTH) errs.push(fe.invalid('metadata.name', name, `must be no more than ${MAX_NAME_LENGTH} characters`));
  return errs;
}

function describe(cj: KubeObject): string {
  const spec = cj.spec ?? {};
  const jobSpec = spec.jobTemplate?.spec ?? {};
  const w = new DescribeWriter();
  w.write(0, 'Name:', cj.metadata.name ?? '');
  w.write(0, 'Namespace:', cj.metadata.namespace ?? '');
  w.writeMap(0, 'Labels', cj.metadata.labels);
  writeAnnotations(w, 0, 'Annotations', cj.metadata.annotations);
  w.write(0, 'Schedule:', spec.schedule ?? '');
  w.write(0, 'Concurrency Policy:', spec.concurrencyPolicy ?? '');
  w.write(0, 'Suspend:', spec.suspend == null ? '<unset>' : printBool(spec.suspend));
  w.write(0, 'Successful Job History Limit:', spec.successfulJobsHistoryLimit == null ? '<unset>' : String(spec.successfulJobsHistoryLimit));
  w.write(0, 'Failed Job History Limit:', spec.failedJobsHistoryLimit == null ? '<unset>' : String(spec.failedJobsHistoryLimit));
  w.write(0, 'Starting Deadline Seconds:', spec.startingDeadlineSeconds == null ? '<unset>' : `${spec.startingDeadlineSeconds}s`);
  w.write(0, 'Selector:', jobSpec.selector ? selectorString(jobSpec.selector) : '<unset>');
  w.write(0, 'Parallelism:', jobSpec.parallelism == null ? '<unset>' : String(jobSpec.parallelism));
  w.write(0, 'Completions:', jobSpec.completions == null ? '<unset>' : String(jobSpec.completions));
  if (jobSpec.activeDeadlineSeconds != null) w.write(0, 'Active Deadline Seconds:', `${jobSpec.activeDeadlineSeconds}s`);
  describePodTemplate(w, jobSpec.template);
  const last = cj.status?.lastScheduleTime;
  w.write(0, 'Last Schedule Time:', last ? rfc1123z(last) : '<unset>');
  const active: any[] = cj.status?.active ?? [];
  w.write(0, 'Active Jobs:', active.length === 0 ? '<none>' : active.map((j) => j.name).join(', '));
  return w.toString();
}

export const cronJobKind: KindDef = {
  group: 'batch',
  version: 'v1',
  kind: 'CronJob',
  plural: 'cronjobs',
  singular: 'cronjob',
  shortNames: ['cj'],
  categories: ['all'],
  namespaced: true,
  schemaType: 'V1CronJob',
  statusSubresource: true,
  bumpsGeneration: true,
  nameRule: 'subdomain',
  defaults,
  prepareForCreate(cj) {
    cj.status = {};
  },
  validate,
  columns: [
    nameColumn,
    { name: 'SCHEDULE', cell: (o) => o.spec?.schedule ?? '' },
    { name: 'TIMEZONE', cell: (o) => (o.spec?.timeZone != null ? String(o.spec.timeZone) : '<none>') },
    { name: 'SUSPEND', cell: (o) => (o.spec?.suspend == null ? '<unset>' : printBool(o.spec.suspend)) },
    { name: 'ACTIVE', cell: (o) => String((o.status?.active ?? []).length) },
    { name: 'LAST SCHEDULE', cell: (o, now) => (o.status?.lastScheduleTime ? age(o.status.lastScheduleTime, now) : '<none>') },
    ageColumn,
    ...containerColumns((o) => o.spec?.jobTemplate?.spec?.template),
    selectorColumn((o) => o.spec?.jobTemplate?.spec?.selector),
  ],
  describe,
  describeEvents: true,
};
