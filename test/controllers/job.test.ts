import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { events, testCluster } from './helpers.js';

function job(name: string, spec: Record<string, unknown> = {}, annotations?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default' },
    spec: {
      template: { metadata: annotations ? { annotations } : {}, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } },
      ...spec,
    },
  };
}

const podsOf = async (c: Awaited<ReturnType<typeof testCluster>>['c'], name: string) =>
  (await c.client.list('pods', { namespace: 'default', labelSelector: `batch.kubernetes.io/job-name=${name}` })).items;

describe('Job controller', () => {
  it('runs a pod to completion and reports SuccessCriteriaMet and Complete', async () => {
    const { c } = await testCluster();
    await c.client.create('jobs', job('pi', { backoffLimit: 4 }));
    await c.reconcile();
    const j = await c.client.get('jobs', 'default', 'pi');
    expect(j.status.conditions.map((x: { type: string; reason: string; message: string }) => [x.type, x.reason, x.message])).toEqual([
      ['SuccessCriteriaMet', 'CompletionsReached', 'Reached expected number of succeeded pods'],
      ['Complete', 'CompletionsReached', 'Reached expected number of succeeded pods'],
    ]);
    expect(j.status).toMatchObject({ succeeded: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    expect(j.status.startTime).toBeDefined();
    expect(j.status.completionTime).toBeDefined();
    expect(j.status.active).toBeUndefined();
    const [pod] = await podsOf(c, 'pi');
    expect(pod!.metadata.name).toMatch(/^pi-[a-z0-9]{5}$/);
    expect(pod!.metadata.finalizers ?? []).toEqual([]);
    expect(pod!.status.phase).toBe('Succeeded');
    expect(pod!.metadata.labels).toMatchObject({ 'batch.kubernetes.io/job-name': 'pi', 'job-name': 'pi', 'batch.kubernetes.io/controller-uid': j.metadata.uid });
    expect(await events(c)).toEqual(expect.arrayContaining([`SuccessfulCreate Created pod: ${pod!.metadata.name}`, 'Completed Job completed']));
    await c.close();
  });

  it('keeps parallelism pods running and stops at completions', async () => {
    const { c, clock } = await testCluster();
    await c.client.create('jobs', job('par', { completions: 5, parallelism: 2 }, { 'pocketkube.io/run-duration': '10s' }));
    await c.reconcile();
    expect((await c.client.get('jobs', 'default', 'par')).status).toMatchObject({ active: 2 });
    for (let i = 0; i < 3; i++) {
      clock.advance(10_000);
      await c.reconcile();
    }
    const j = await c.client.get('jobs', 'default', 'par');
    expect(j.status.succeeded).toBe(5);
    expect(j.status.conditions.at(-1).type).toBe('Complete');
    expect(await podsOf(c, 'par')).toHaveLength(5);
    await c.close();
  });

  it('replaces failed pods after a doubling back-off and fails past backoffLimit', async () => {
    const { c, clock } = await testCluster();
    await c.client.create('jobs', job('bad', { backoffLimit: 2 }, { 'pocketkube.io/exit-code': '1' }));
    await c.reconcile();
    expect(await podsOf(c, 'bad')).toHaveLength(1);
    clock.advance(9_000);
    await c.reconcile();
    expect(await podsOf(c, 'bad')).toHaveLength(1);
    clock.advance(1_000);
    await c.reconcile();
    expect(await podsOf(c, 'bad')).toHaveLength(2);
    clock.advance(19_000);
    await c.reconcile();
    expect(await podsOf(c, 'bad')).toHaveLength(2);
    clock.advance(1_000);
    await c.reconcile();
    expect(await podsOf(c, 'bad')).toHaveLength(3);
    const j = await c.client.get('jobs', 'default', 'bad');
    expect(j.status.failed).toBe(3);
    expect(j.status.conditions.map((x: { type: string; reason: string }) => `${x.type}/${x.reason}`)).toEqual(['FailureTarget/BackoffLimitExceeded', 'Failed/BackoffLimitExceeded']);
    expect(j.status.completionTime).toBeUndefined();
    expect(await events(c, 'BackoffLimitExceeded')).toEqual(['BackoffLimitExceeded Job has reached the specified backoff limit']);
    await c.close();
  });

  it('fails a Job active longer than activeDeadlineSeconds and deletes its pods', async () => {
    const { c, clock } = await testCluster();
    await c.client.create('jobs', job('slow', { activeDeadlineSeconds: 30 }, { 'pocketkube.io/run-duration': '1h' }));
    await c.reconcile();
    clock.advance(30_000);
    await c.reconcile();
    const j = await c.client.get('jobs', 'default', 'slow');
    expect(j.status.conditions.map((x: { type: string; reason: string; message: string }) => `${x.type}/${x.reason}/${x.message}`)).toEqual([
      'FailureTarget/DeadlineExceeded/Job was active longer than specified deadline',
      'Failed/DeadlineExceeded/Job was active longer than specified deadline',
    ]);
    expect(j.status.active).toBeUndefined();
    await c.close();
  });

  it('runs Indexed Jobs one pod per index and reports completedIndexes', async () => {
    const { c } = await testCluster();
    await c.client.create('jobs', job('idx', { completions: 3, parallelism: 3, completionMode: 'Indexed' }));
    await c.reconcile();
    const j = await c.client.get('jobs', 'default', 'idx');
    expect(j.status).toMatchObject({ succeeded: 3, completedIndexes: '0-2' });
    const names = (await podsOf(c, 'idx')).map((p) => p.metadata.name).sort();
    expect(names.map((n) => n!.replace(/-[a-z0-9]{5}$/, ''))).toEqual(['idx-0', 'idx-1', 'idx-2']);
    await c.close();
  });

  it('suspends (deleting active pods) and resumes', async () => {
    const { c } = await testCluster();
    await c.client.create('jobs', job('sus', { suspend: true }));
    await c.reconcile();
    let j = await c.client.get('jobs', 'default', 'sus');
    expect(j.status.conditions).toEqual([expect.objectContaining({ type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended' })]);
    expect(j.status.startTime).toBeUndefined();
    expect(await podsOf(c, 'sus')).toHaveLength(0);
    await c.client.patch('jobs', 'default', 'sus', 'merge', { spec: { suspend: false } });
    await c.reconcile();
    j = await c.client.get('jobs', 'default', 'sus');
    expect(j.status.conditions[0]).toMatchObject({ type: 'Suspended', status: 'False', reason: 'JobResumed', message: 'Job resumed' });
    expect(j.status.succeeded).toBe(1);
    await c.close();
  });

  it('deletes a finished Job after ttlSecondsAfterFinished', async () => {
    const { c, clock } = await testCluster();
    await c.client.create('jobs', job('ttl', { ttlSecondsAfterFinished: 60 }));
    await c.reconcile();
    clock.advance(59_000);
    await c.reconcile();
    expect((await c.client.list('jobs', { namespace: 'default' })).items).toHaveLength(1);
    clock.advance(1_000);
    await c.reconcile();
    expect((await c.client.list('jobs', { namespace: 'default' })).items).toHaveLength(0);
    await c.close();
  });
});
