/** Job spec defaults and validation (pkg/apis/batch), shared by Job and by CronJob's jobTemplate. */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KubeObject } from '../types.js';
import { validateLabelSelector } from '../validation/labels.js';
import { dns1123LabelErrors } from '../validation/names.js';
import { goLabelSelector, invalidRaw } from './go-render.js';
import { validatePodTemplateSpec } from './pod-spec.js';
import { nonNegative, selectorMatches, templateMismatch } from './workload-validation.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';
export const LEGACY_JOB_NAME_LABEL = 'job-name';

const MAX_PARALLELISM_INDEXED = 100_000;

/** The checks validateJobSpec makes on any Job spec at `field` (a Job's `spec` or `spec.jobTemplate.spec`). */
export function validateJobSpecCommon(spec: any, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished']) {
    errs.push(...nonNegative(spec?.[key], `${field}.${key}`));
  }
  const mode = spec?.completionMode;
  if (mode !== undefined && mode !== null) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(fe.unsupported(`${field}.completionMode`, mode, ['NonIndexed', 'Indexed']));
    if (mode === 'Indexed') {
      if (spec.completions === undefined || spec.completions === null) errs.push(fe.required(`${field}.completions`, 'when completion mode is Indexed'));
      if (typeof spec.parallelism === 'number' && spec.parallelism > MAX_PARALLELISM_INDEXED) {
        errs.push(fe.invalid(`${field}.parallelism`, spec.parallelism, `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed`));
      }
    }
  }
  const replacement = spec?.podReplacementPolicy;
  if (replacement !== undefined && replacement !== null) {
    if (spec.podFailurePolicy) {
      if (replacement !== 'Failed') errs.push(fe.unsupported(`${field}.podReplacementPolicy`, replacement, ['Failed']));
    } else if (replacement !== 'Failed' && replacement !== 'TerminatingOrFailed') {
      errs.push(fe.unsupported(`${field}.podReplacementPolicy`, replacement, ['Failed', 'TerminatingOrFailed']));
    }
  }
  errs.push(...validatePodTemplateSpec(spec?.template, `${field}.template`));
  const policy = spec?.template?.spec?.restartPolicy ?? '';
  const policyField = `${field}.template.spec.restartPolicy`;
  if (policy === 'Always' || policy === '') errs.push(fe.required(policyField, 'valid values: "OnFailure", "Never"'));
  else if (policy !== 'OnFailure' && policy !== 'Never') errs.push(fe.unsupported(policyField, policy, ['OnFailure', 'Never']));
  else if (spec.podFailurePolicy && policy !== 'Never') errs.push(fe.invalid(policyField, policy, 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}

/** ValidateJobSpec: the common checks plus the selector and its match with the template labels. */
export function validateJobSpec(spec: any): FieldError[] {
  const errs = validateJobSpecCommon(spec, 'spec');
  if (!spec?.selector) errs.push(fe.required('spec.selector'));
  else errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const labels = spec?.template?.metadata?.labels;
  if (spec?.selector && selectorMatches(spec.selector, labels) === false) errs.push(templateMismatch('spec.template.metadata.labels', labels));
  return errs;
}

function hasLabel(meta: any, key: string, expected: string): FieldError[] {
  const field = `spec.template.metadata.labels[${key}]`;
  const labels = meta?.labels ?? {};
  if (!(key in labels)) return [fe.required(field, expected)];
  return labels[key] === expected ? [] : [fe.invalid(field, labels, `must be '${expected}'`)];
}

/** validateGeneratedSelector: the generated labels and selector must be intact unless manualSelector. */
export function validateGeneratedSelector(job: KubeObject): FieldError[] {
  const spec = job.spec ?? {};
  if (spec.manualSelector === true) return [];
  const errs: FieldError[] = [];
  const uid = job.metadata.uid ?? '';
  if (!uid) errs.push(fe.required('metadata.uid'));
  const meta = spec.template?.metadata;
  errs.push(...hasLabel(meta, LEGACY_CONTROLLER_UID_LABEL, uid), ...hasLabel(meta, LEGACY_JOB_NAME_LABEL, job.metadata.name ?? ''));
  errs.push(...hasLabel(meta, CONTROLLER_UID_LABEL, uid), ...hasLabel(meta, JOB_NAME_LABEL, job.metadata.name ?? ''));
  if (spec.selector && selectorMatches(spec.selector, { [CONTROLLER_UID_LABEL]: uid }) === false) errs.push(invalidRaw('spec.selector', goLabelSelector(spec.selector), '`selector` not auto-generated'));
  return errs;
}

/** An Indexed Job's highest pod hostname must be a DNS label. */
export function validateIndexedName(job: KubeObject): FieldError[] {
  const spec = job.spec ?? {};
  if (spec.completionMode !== 'Indexed' || !(spec.completions > 0)) return [];
  const hostname = `${job.metadata.name}-${spec.completions - 1}`;
  if (dns1123LabelErrors(hostname).length === 0) return [];
  return [fe.invalid('metadata.name', job.metadata.name, `will not able to create pod with invalid DNS label: ${hostname}`)];
}

/**
 * generateSelector (Job PrepareForCreate): the job-name and controller-uid labels on the template,
 * and the selector on batch.kubernetes.io/controller-uid. Labels the user set are left for validation.
 */
export function generateSelector(job: KubeObject): void {
  const spec = (job.spec ??= {});
  const template = (spec.template ??= {});
  const meta = (template.metadata ??= {});
  const labels = (meta.labels ??= {});
  const name = job.metadata.name ?? '';
  const uid = job.metadata.uid ?? '';
  for (const key of [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL]) if (!(key in labels)) labels[key] = name;
  for (const key of [LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL]) if (!(key in labels)) labels[key] = uid;
  spec.selector ??= {};
  spec.selector.matchLabels ??= {};
  if (!(CONTROLLER_UID_LABEL in spec.selector.matchLabels)) spec.selector.matchLabels[CONTROLLER_UID_LABEL] = uid;
}
