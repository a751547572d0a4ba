import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import type { Cluster } from '../../src/cluster.js';
import { nextRun } from '../../src/controllers/cron-job/next-run.js';
import { rfc3339In } from '../../src/controllers/cron-job/job-from-template.js';
import { events, testCluster } from './helpers.js';

function cronJob(name: string, spec: Record<string, unknown> = {}, podAnnotations?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: 'default' },
    spec: {
      schedule: '*/1 * * * *',
      jobTemplate: { spec: { template: { metadata: podAnnotations ? { annotations: podAnnotations } : {}, spec: { restartPolicy: 'OnFailure', containers: [{ name: 'hello', image: 'busybox' }] } } } },
      ...spec,
    },
  };
}

const jobNames = async (c: Cluster) => (await c.client.list('jobs', { namespace: 'default' })).items.map((j) => j.metadata.name).sort();

async function minutes(c: Cluster, clock: { advance(ms: number): void }, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    clock.advance(60_000);
    await c.reconcile();
  }
}

describe('nextRun', () => {
  it('steps through minutes, hours, days and weekdays', () => {
    const at = (s: string, after: string, tz?: string) => nextRun(s, new Date(after), tz)?.toISOString();
    expect(at('*/1 * * * *', '2026-01-01T00:00:30Z')).toBe('2026-01-01T00:01:00.000Z');
    expect(at('*/15 * * * *', '2026-01-01T00:15:00Z')).toBe('2026-01-01T00:30:00.000Z');
    expect(at('0 9 * * 1-5', '2026-01-02T10:00:00Z')).toBe('2026-01-05T09:00:00.000Z');
    expect(at('0 0 1,15 * 1', '2026-01-01T00:00:00Z')).toBe('2026-01-05T00:00:00.000Z');
    expect(at('@hourly', '2026-01-01T00:59:59Z')).toBe('2026-01-01T01:00:00.000Z');
    expect(at('0 9 * * *', '2026-01-01T00:00:00Z', 'Asia/Tokyo')).toBe('2026-01-02T00:00:00.000Z');
    expect(at('0 0 30 2 *', '2026-01-01T00:00:00Z')).toBeUndefined();
  });

  it('formats the scheduled timestamp in the time zone', () => {
    expect(rfc3339In(Date.parse('2026-01-01T00:00:00Z'), undefined)).toBe('2026-01-01T00:00:00Z');
    expect(rfc3339In(Date.parse('2026-01-01T00:00:00Z'), 'Asia/Tokyo')).toBe('2026-01-01T09:00:00+09:00');
    expect(rfc3339In(Date.parse('2026-07-01T12:00:00Z'), 'America/New_York')).toBe('2026-07-01T08:00:00-04:00');
  });
});

describe('CronJob controller', () => {
  it('creates one Job per minute of cluster time and keeps 3 successful', async () => {
    const { c, clock } = await testCluster();
    clock.advance(30_000);
    await c.client.create('cronjobs', cronJob('hello'));
    await c.reconcile();
    expect(await jobNames(c)).toEqual([]);
    await minutes(c, clock, 1);
    const t1 = Math.floor(Date.parse('2026-01-01T00:01:00Z') / 60_000);
    expect(await jobNames(c)).toEqual([`hello-${t1}`]);
    const job = await c.client.get('jobs', 'default', `hello-${t1}`);
    expect(job.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2026-01-01T00:01:00Z');
    const cj = await c.client.get('cronjobs', 'default', 'hello');
    expect(job.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: cj.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(cj.status.lastScheduleTime).toBe('2026-01-01T00:01:00Z');
    expect(cj.status.lastSuccessfulTime).toBe('2026-01-01T00:01:30Z');
    expect(cj.status.active).toBeUndefined();
    await minutes(c, clock, 4);
    expect(await jobNames(c)).toEqual([t1 + 2, t1 + 3, t1 + 4].map((m) => `hello-${m}`));
    const ev = await events(c);
    expect(ev).toEqual(expect.arrayContaining([`SuccessfulCreate Created job hello-${t1}`, `SawCompletedJob Saw completed job: hello-${t1}, status: Complete`, `SuccessfulDelete Deleted job hello-${t1}`]));
    await c.close();
  });

  it('starts only the most recent missed run after a long gap', async () => {
    const { c, clock } = await testCluster();
    await c.client.create('cronjobs', cronJob('gap', { schedule: '*/5 * * * *' }));
    await c.reconcile();
    clock.advance(60 * 60_000 + 1000);
    await c.reconcile();
    expect(await jobNames(c)).toEqual([`gap-${Math.floor(Date.parse('2026-01-01T01:00:00Z') / 60_000)}`]);
    await c.close();
  });

  it('Forbid skips a run while a Job is active; Replace deletes it', async () => {
    const { c, clock } = await testCluster();
    await c.client.create('cronjobs', cronJob('fb', { concurrencyPolicy: 'Forbid' }, { 'pocketkube.io/run-duration': '90s' }));
    await c.client.create('cronjobs', cronJob('rp', { concurrencyPolicy: 'Replace' }, { 'pocketkube.io/run-duration': '90s' }));
    clock.advance(1000);
    await c.reconcile();
    await minutes(c, clock, 2);
    const names = await jobNames(c);
    expect(names.filter((n) => n!.startsWith('fb-'))).toHaveLength(1);
    expect(names.filter((n) => n!.startsWith('rp-'))).toHaveLength(1);
    expect(await events(c, 'JobAlreadyActive')).toEqual(['JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid']);
    const rp = await c.client.get('cronjobs', 'default', 'rp');
    expect(rp.status.active).toHaveLength(1);
    expect(rp.status.active[0].name).toBe(names.find((n) => n!.startsWith('rp-')));
    await c.close();
  });

  it('does nothing while suspended and skips runs past startingDeadlineSeconds', async () => {
    const { c, clock } = await testCluster();
    await c.client.create('cronjobs', cronJob('sus', { suspend: true }));
    await c.reconcile();
    await minutes(c, clock, 3);
    expect(await jobNames(c)).toEqual([]);
    await c.client.patch('cronjobs', 'default', 'sus', 'merge', { spec: { suspend: false, startingDeadlineSeconds: 10 } });
    clock.advance(30_000);
    await c.reconcile();
    expect(await jobNames(c)).toEqual([]);
    await c.close();
  });
});

describe('Cluster.advanceStepwise', () => {
  it('runs delayed work at its own instants, in due order, and ends exactly at the target', async () => {
    const { c } = await testCluster();
    const seen: string[] = [];
    c.register({
      name: 'probe',
      watches: [{ resource: 'configmaps', keys: (o) => (o.metadata.name === 'tick' ? ['default/tick'] : []) }],
      async reconcile(key, ctx) {
        seen.push(ctx.clock.now().toISOString().slice(11, 19));
        return seen.length < 4 ? { requeueAfter: 10_000 * seen.length } : undefined;
      },
    });
    await c.client.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'tick', namespace: 'default' } });
    await c.advanceStepwise(5 * 60_000);
    expect(seen).toEqual(['00:00:00', '00:00:10', '00:00:30', '00:01:00']);
    expect(c.now().toISOString()).toBe('2026-01-01T00:05:00.000Z');
    await c.close();
  });
});
