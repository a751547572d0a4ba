import { describe, expect, it } from 'vitest';
import { cronJobKind } from '../../../src/api/kinds/cron-job.js';
import { jobKind } from '../../../src/api/kinds/job.js';
import { messages } from './helpers.js';
import { cronJob, job } from './workload-fixtures.js';
import { created, NOW, row, selectorClient } from './workload-helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const UID = '8a9b6c2e-1111-4222-8333-444455556666';

function jobManifest(): any {
  return {
    apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' },
    spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl:5.34.0' }], restartPolicy: 'Never' } } },
  };
}

describe('Job defaults and generated selector', () => {
  it('defaults counts and policies and generates selector and labels from the uid', () => {
    const j = created(jobKind, jobManifest(), UID);
    expect(j.spec).toMatchObject({
      completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed', manualSelector: false,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': UID } },
    });
    const labels = { 'batch.kubernetes.io/controller-uid': UID, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': UID, 'job-name': 'pi' };
    expect(j.spec.template.metadata.labels).toEqual(labels);
    expect(j.metadata.labels).toEqual(labels);
    expect(j.status).toEqual({});
    expect(jobKind.validate!(j)).toEqual([]);
  });

  it('leaves completions unset when only parallelism is given', () => {
    const m = jobManifest();
    m.spec.parallelism = 3;
    const j = created(jobKind, m, UID);
    expect(j.spec.completions).toBeUndefined();
    expect(row(jobKind, j).COMPLETIONS).toBe('0/1 of 3');
  });

  it('keeps user labels on the Job', () => {
    const m = jobManifest();
    m.metadata.labels = { team: 'a' };
    expect(created(jobKind, m, UID).metadata.labels).toEqual({ team: 'a' });
  });
});

describe('Job validation', () => {
  it('requires OnFailure or Never', () => {
    const m = jobManifest();
    delete m.spec.template.spec.restartPolicy;
    expect(messages(jobKind.validate!(created(jobKind, m, UID)))).toEqual([
      'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ]);
  });

  it('rejects a conflicting generated label and negative counts', () => {
    const m = jobManifest();
    m.spec.backoffLimit = -1;
    m.spec.template.metadata = { labels: { 'job-name': 'other' } };
    expect(messages(jobKind.validate!(created(jobKind, m, UID)))).toEqual([
      `spec.template.metadata.labels[job-name]: Invalid value: map[string]string{"batch.kubernetes.io/controller-uid":"${UID}", ` +
        `"batch.kubernetes.io/job-name":"pi", "controller-uid":"${UID}", "job-name":"other"}: must be 'pi'`,
      'spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0',
    ]);
  });

  it('keeps the selector, completions and template immutable', () => {
    const old = created(jobKind, jobManifest(), UID);
    old.status = { startTime: '2026-01-01T00:00:05Z' };
    const next = JSON.parse(JSON.stringify(old));
    next.spec.completions = 2;
    next.spec.parallelism = 2;
    expect(messages(jobKind.validateUpdate!(next, old))).toEqual(['spec.completions: Invalid value: 2: field is immutable']);
    const tpl = JSON.parse(JSON.stringify(old));
    tpl.spec.template.spec.containers[0].image = 'perl:5.36';
    expect(jobKind.validateUpdate!(tpl, old).map((e) => e.field)).toEqual(['spec.template']);
  });
});

describe('Job columns and describe', () => {
  it('prints STATUS, COMPLETIONS and DURATION', () => {
    const j = job();
    expect(row(jobKind, j, true)).toEqual({
      NAME: 'pi', STATUS: 'Complete', COMPLETIONS: '1/1', DURATION: '42s', AGE: '60m',
      CONTAINERS: 'pi', IMAGES: 'perl:5.34.0', SELECTOR: `batch.kubernetes.io/controller-uid=${UID}`,
    });
    const runningJob = job();
    runningJob.status = { startTime: '2026-01-01T00:30:00Z', active: 1 };
    expect(row(jobKind, runningJob)).toMatchObject({ STATUS: 'Running', COMPLETIONS: '0/1', DURATION: '30m' });
    runningJob.status.conditions = [{ type: 'Failed', status: 'True' }];
    expect(row(jobKind, runningJob).STATUS).toBe('Failed');
    const pending = job();
    pending.status = {};
    expect(row(jobKind, pending).DURATION).toBe('');
    pending.metadata.deletionTimestamp = '2026-01-01T00:59:00Z';
    expect(row(jobKind, pending).STATUS).toBe('Terminating');
  });

  it('describes a completed job', async () => {
    await expect(await jobKind.describe!(job(), { client: selectorClient({}), now: NOW })).toMatchFileSnapshot('./golden/job.txt');
  });
});

describe('CronJob', () => {
  it('defaults policy, suspend and history limits; the job template gets no Job defaults', () => {
    const cj = cronJob();
    expect(cj.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect(cj.spec.jobTemplate.metadata).toEqual({ creationTimestamp: null });
    expect(cj.spec.jobTemplate.spec.backoffLimit).toBeUndefined();
    expect(cronJobKind.validate!(cj)).toEqual([]);
  });

  it('rejects bad schedules, time zones and policies with the Kubernetes messages', () => {
    const cj = cronJob();
    cj.spec.schedule = '61 * * * *';
    cj.spec.timeZone = 'Mars/Olympus';
    cj.spec.concurrencyPolicy = 'Sometimes';
    expect(messages(cronJobKind.validate!(cj))).toEqual([
      'spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61',
      'spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus',
      'spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"',
    ]);
    cj.spec.schedule = 'TZ=UTC 0 * * * *';
    cj.spec.timeZone = undefined;
    cj.spec.concurrencyPolicy = 'Allow';
    expect(messages(cronJobKind.validate!(cj))).toEqual([
      'spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    ]);
  });

  it('validates the job template and the name length', () => {
    const cj = cronJob();
    cj.metadata.name = 'a'.repeat(53);
    cj.spec.jobTemplate.spec.template.spec.restartPolicy = 'Always';
    cj.spec.jobTemplate.spec.selector = { matchLabels: { a: 'b' } };
    expect(messages(cronJobKind.validate!(cj))).toEqual([
      'spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
      'spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"a":"b"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated',
      `metadata.name: Invalid value: "${'a'.repeat(53)}": must be no more than 52 characters`,
    ]);
  });

  it('prints SCHEDULE, TIMEZONE, SUSPEND, ACTIVE and LAST SCHEDULE', () => {
    const cj = cronJob();
    expect(row(cronJobKind, cj, true)).toEqual({
      NAME: 'hello', SCHEDULE: '* * * * *', TIMEZONE: '<none>', SUSPEND: 'False', ACTIVE: '1', 'LAST SCHEDULE': '60s', AGE: '60m',
      CONTAINERS: 'hello', IMAGES: 'busybox:1.28', SELECTOR: '<none>',
    });
    cj.status = {};
    cj.spec.timeZone = 'Europe/Paris';
    expect(row(cronJobKind, cj)).toMatchObject({ TIMEZONE: 'Europe/Paris', ACTIVE: '0', 'LAST SCHEDULE': '<none>' });
  });

  it('describes', async () => {
    await expect(await cronJobKind.describe!(cronJob(), { client: selectorClient({}), now: NOW })).toMatchFileSnapshot('./golden/cronjob.txt');
  });
});
