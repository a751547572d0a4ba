/** batch/v1 Job. */
import { DescribeWriter } from '../describe-writer.js';
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { humanDuration } from '../../util/human-duration.js';
import { renderValue } from '../field-error.js';
import { goLabelSelector, invalidRaw } from './go-render.js';
import { ageColumn, controllerOf, nameColumn, rfc1123z, writeAnnotations } from './meta-columns.js';
import { defaultPodTemplateSpec } from './pod-spec.js';
import { describePodTemplate } from './pod-template-describe.js';
import { generateSelector, validateGeneratedSelector, validateIndexedName, validateJobSpec } from './job-spec.js';
import { containerColumns, selectorColumn, selectorString } from './workload-columns.js';
import { deepEqual } from './workload-validation.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** SetDefaults_Job. */
function defaults(job: KubeObject): void {
  const spec = (job.spec ??= {});
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex != null ? 2147483647 : 6;
  copyTemplateLabels(job);
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  spec.manualSelector ??= false;
  defaultPodTemplateSpec((spec.template ??= {}));
}

/** A Job without labels takes its template's labels (batch/v1 defaulting, re-applied on every read). */
function copyTemplateLabels(job: KubeObject): void {
  const labels = job.spec?.template?.metadata?.labels;
  if (labels && Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...labels };
}

function hasCondition(job: KubeObject, type: string): boolean {
  return (job.status?.conditions ?? []).some((c: any) => c.type === type && c.status === 'True');
}

/** The STATUS column (v1.32): Complete > Failed > Terminating > Suspended > FailureTarget > Running. */
export function jobStatusText(job: KubeObject): string {
  if (hasCondition(job, 'Complete')) return 'Complete';
  if (hasCondition(job, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(job, 'Suspended')) return 'Suspended';
  if (hasCondition(job, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

export function jobCompletionsText(job: KubeObject): string {
  const succeeded = job.status?.succeeded ?? 0;
  const { completions, parallelism } = job.spec ?? {};
  if (completions != null) return `${succeeded}/${completions}`;
  if (parallelism != null && parallelism > 1) return `${succeeded}/1 of ${parallelism}`;
  return `${succeeded}/1`;
}

function jobDurationText(job: KubeObject, now: Date): string {
  const start = job.status?.startTime;
  if (!start) return '';
  const end = job.status?.completionTime ? new Date(job.status.completionTime) : now;
  return humanDuration(end.getTime() - new Date(start).getTime());
}

/** ValidateJobSpecUpdate's immutable fields (completions, selector, template, completionMode, …). */
function validateUpdate(job: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const spec = job.spec ?? {};
  const prev = old.spec ?? {};
  const immutable = (key: string): void => {
    if (deepEqual(spec[key], prev[key])) return;
    errs.push(spec[key] == null ? invalidRaw(`spec.${key}`, '"null"', 'field is immutable') : fe.immutable(`spec.${key}`, spec[key]));
  };
  immutable('completions');
  if (!deepEqual(spec.selector, prev.selector)) errs.push(invalidRaw('spec.selector', goLabelSelector(spec.selector), 'field is immutable'));
  // The template may change only while the Job is suspended and has never started.
  const mayChangeTemplate = prev.suspend === true && !old.status?.startTime;
  if (!mayChangeTemplate && !deepEqual(spec.template, prev.template)) {
    errs.push({ type: 'Invalid value', field: 'spec.template', hasValue: false, detail: `${renderValue(spec.template)}: field is immutable` });
  }
  for (const key of ['completionMode', 'podFailurePolicy', 'backoffLimitPerIndex', 'managedBy', 'successPolicy']) immutable(key);
  return errs;
}

function describe(job: KubeObject): string {
  const spec = job.spec ?? {};
  const status = job.status ?? {};
  const w = new DescribeWriter();
  w.write(0, 'Name:', job.metadata.name ?? '');
  w.write(0, 'Namespace:', job.metadata.namespace ?? '');
  w.write(0, 'Selector:', selectorString(spec.selector));
  w.writeMap(0, 'Labels', job.metadata.labels);
  writeAnnotations(w, 0, 'Annotations', job.metadata.annotations);
  const controlledBy = controllerOf(job);
  if (controlledBy) w.write(0, 'Controlled By:', controlledBy);
  if (spec.parallelism != null) w.write(0, 'Parallelism:', String(spec.parallelism));
  w.write(0, 'Completions:', spec.completions != null ? String(spec.completions) : '<unset>');
  if (spec.completionMode != null) w.write(0, 'Completion Mode:', spec.completionMode);
  if (spec.suspend != null) w.write(0, 'Suspend:', String(spec.suspend));
  if (spec.backoffLimit != null) w.write(0, 'Backoff Limit:', String(spec.backoffLimit));
  if (spec.ttlSecondsAfterFinished != null) w.write(0, 'TTL Seconds After Finished:', String(spec.ttlSecondsAfterFinished));
  if (status.startTime) w.write(0, 'Start Time:', rfc1123z(status.startTime));
  if (status.completionTime) w.write(0, 'Completed At:', rfc1123z(status.completionTime));
  if (status.startTime && status.completionTime) {
    w.write(0, 'Duration:', humanDuration(new Date(status.completionTime).getTime() - new Date(status.startTime).getTime()));
  }
  if (spec.activeDeadlineSeconds != null) w.write(0, 'Active Deadline Seconds:', `${spec.activeDeadlineSeconds}s`);
  const counts = `${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed`;
  w.write(0, 'Pods Statuses:', status.ready == null
    ? `${status.active ?? 0} Active / ${counts}`
    : `${status.active ?? 0} Active (${status.ready} Ready) / ${counts}`);
  if (spec.completionMode === 'Indexed') w.write(0, 'Completed Indexes:', capIndexes(status.completedIndexes ?? '', 50));
  describePodTemplate(w, spec.template);
  return w.toString();
}

/** capIndexesListOrNone: the list cut after the first comma past `limit` characters. */
function capIndexes(indexes: string, limit: number): string {
  if (!indexes) return '<none>';
  const cut = indexes.indexOf(',', limit);
  return cut < 0 ? indexes : `${indexes.slice(0, cut + 1)}...`;
}

export const jobKind: KindDef = {
  group: 'batch',
  version: 'v1',
  kind: 'Job',
  plural: 'jobs',
  singular: 'job',
  shortNames: [],
  categories: ['all'],
  namespaced: true,
  schemaType: 'V1Job',
  statusSubresource: true,
  bumpsGeneration: true,
  nameRule: 'subdomain',
  defaults,
  prepareForCreate(job) {
    if (job.spec?.manualSelector !== true) generateSelector(job);
    copyTemplateLabels(job);
    job.status = {};
  },
  validate: (job) => [...validateGeneratedSelector(job), ...validateJobSpec(job.spec), ...validateIndexedName(job)],
  validateUpdate,
  columns: [
    nameColumn,
    { name: 'STATUS', cell: (o) => jobStatusText(o) },
    { name: 'COMPLETIONS', cell: (o) => jobCompletionsText(o) },
    { name: 'DURATION', cell: (o, now) => jobDurationText(o, now) },
    ageColumn,
    ...containerColumns((o) => o.spec?.template),
    selectorColumn((o) => o.spec?.selector),
  ],
  fieldSelectors: { 'status.successful': (o) => String(o.status?.succeeded ?? 0) },
  describe,
  describeEvents: true,
};
