import { describe, expect, it } from 'vitest';
import { containerLogText, type LogOptions } from '../../src/node/runtime/logs.js';
import type { KubeObject } from '../../src/api/types.js';

/** The lines of a container's log text. */
const containerLogs = (pod: KubeObject, container: string, opts?: LogOptions): string[] => containerLogText(pod, container, opts).split('\n').filter((l, i, all) => i < all.length - 1 || l !== '');
import { boundPod, testCluster } from './helpers.js';

describe('simulated container logs', () => {
  it('prints the annotated lines of the current run, with --tail and --timestamps', async () => {
    const t = await testCluster();
    await t.cluster.client.create('pods', boundPod('web', { annotations: { 'pocketkube.io/logs': 'one\ntwo\nthree\n' } }));
    await t.cluster.reconcile();
    const pod = await t.pod('web');
    expect(containerLogs(pod, 'app')).toEqual(['one', 'two', 'three']);
    expect(containerLogs(pod, 'app', { tail: 2 })).toEqual(['two', 'three']);
    expect(containerLogs(pod, 'app', { tail: 1, timestamps: true })).toEqual(['2026-01-01T00:00:00.000000002Z three']);
    expect(() => containerLogs(pod, 'app', { previous: true })).toThrow('previous terminated container "app" in pod "web" not found');
  });

  it('keeps a run whose start is at or after --since, and cuts the text at --limit-bytes', async () => {
    const t = await testCluster();
    await t.cluster.client.create('pods', boundPod('web', { annotations: { 'pocketkube.io/logs': 'one\ntwo\n' } }));
    await t.cluster.reconcile();
    const pod = await t.pod('web');
    const started = Date.parse('2026-01-01T00:00:00Z');
    expect(containerLogText(pod, 'app', { sinceMs: started })).toBe('one\ntwo\n');
    expect(containerLogText(pod, 'app', { sinceMs: started + 1 })).toBe('');
    expect(containerLogText(pod, 'app', { limitBytes: 5 })).toBe('one\nt');
    expect(containerLogText(pod, 'app', { tail: 1, limitBytes: 100 })).toBe('two\n');
  });

  it('has a previous run after a restart, and refuses a container waiting to start', async () => {
    const t = await testCluster();
    await t.cluster.client.create('pods', boundPod('crash', { annotations: { 'pocketkube.io/crash-after': '5s', 'pocketkube.io/logs': 'boom' } }));
    await t.cluster.reconcile();
    await t.advance(15_000);
    const pod = await t.pod('crash');
    expect(containerLogs(pod, 'app', { previous: true, timestamps: true })).toEqual(['2026-01-01T00:00:00.000000000Z boom']);
    expect(containerLogs(pod, 'app', { timestamps: true })).toEqual(['2026-01-01T00:00:15.000000000Z boom']);

    await t.cluster.client.create('pods', boundPod('held', { annotations: { 'pocketkube.io/start-delay': '1m' } }));
    await t.cluster.reconcile();
    const held = await t.pod('held');
    expect(() => containerLogs(held, 'app')).toThrow('container "app" in pod "held" is waiting to start: ContainerCreating');
  });
});
