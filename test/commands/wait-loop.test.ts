import { describe, expect, it } from 'vitest';
import { connectionOf } from '../../src/client/embedded.js';
import type { KubeObject } from '../../src/api/types.js';
import { parseWaitFor } from '../../src/cli/wait/condition.js';
import { runWait } from '../../src/cli/wait/run-wait.js';
import { tickUntil } from '../../src/cli/watch/tick-loop.js';
import { testCluster } from '../node/helpers.js';

const pod = (name: string, annotations: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', annotations, labels: { app: 'w' } },
  spec: { containers: [{ name: 'c', image: 'nginx' }] },
});

/** A fake wall clock that moves the cluster's fake clock as it "sleeps". */
async function setup() {
  const t = await testCluster();
  const slept: number[] = [];
  const loop = {
    wallNow: () => t.clock.now().getTime(),
    sleep: async (ms: number) => {
      slept.push(ms);
      t.clock.advance(ms);
    },
  };
  return { ...t, conn: connectionOf(t.cluster), loop, slept };
}

const selection = (args: string[], extra: Record<string, unknown> = {}) => ({ args, files: [], namespace: 'default', allNamespaces: false, all: false, ...extra });

describe('tick loop', () => {
  it('sleeps until the next due key, not past it, and runs the cluster on the way', async () => {
    const { cluster, conn, loop, slept } = await setup();
    await cluster.client.create('pods', pod('x', { 'pocketkube.io/start-delay': '3s' }));
    const ready = async () => (await cluster.client.get('pods', 'default', 'x')).status?.phase === 'Running';
    expect(await ready()).toBe(false);
    const outcome = await tickUntil(conn, ready, { ...loop, pollMs: 10_000, deadline: loop.wallNow() + 30_000 });
    expect(outcome).toBe('done');
    expect(slept.reduce((a, b) => a + b, 0)).toBe(3000);
  });
  it('gives up at the deadline after one last look', async () => {
    const { conn, loop } = await setup();
    let looks = 0;
    const outcome = await tickUntil(conn, async () => (looks++, false), { ...loop, pollMs: 250, deadline: loop.wallNow() + 1000 });
    expect(outcome).toBe('deadline');
    expect(looks).toBe(5);
  });
});

describe('runWait', () => {
  it('prints each object once its condition is met (start delay)', async () => {
    const { cluster, conn, loop } = await setup();
    await cluster.client.create('pods', pod('x', { 'pocketkube.io/start-delay': '3s' }));
    const printed: string[] = [];
    const errors = await runWait(conn, {
      waitFor: parseWaitFor('condition=Ready'), selection: selection(['pod/x']), timeoutMs: 30_000, loop,
      print: (o) => printed.push(o.metadata.name ?? ''),
    });
    expect(errors).toEqual([]);
    expect(printed).toEqual(['x']);
  });
  it('times out with kubectl\'s message, checks once with --timeout=0', async () => {
    const { cluster, conn, loop } = await setup();
    await cluster.client.create('pods', pod('x', { 'pocketkube.io/start-delay': '1m' }));
    const run = (timeoutMs: number) => runWait(conn, { waitFor: parseWaitFor('condition=Ready'), selection: selection(['pods', 'x']), timeoutMs, loop, print: () => undefined });
    expect((await run(5000)).map((e) => e.message)).toEqual(['timed out waiting for the condition on pods/x']);
    expect((await run(0)).map((e) => e.message)).toEqual(['condition not met for pods/x']);
  });
  it('waits for deletion through the stop delay; a missing object is already deleted', async () => {
    const { cluster, conn, loop } = await setup();
    await cluster.client.create('pods', pod('x', { 'pocketkube.io/stop-delay': '5s' }));
    await cluster.reconcile();
    await cluster.client.delete('pods', 'default', 'x');
    const printed: string[] = [];
    const errors = await runWait(conn, { waitFor: parseWaitFor('delete'), selection: selection(['pod/x', 'pod/gone']), timeoutMs: 30_000, loop, print: (o) => printed.push(o.metadata.name ?? '') });
    expect(errors).toEqual([]);
    expect(printed).toEqual(['x']);
    await expect(cluster.client.get('pods', 'default', 'x')).rejects.toMatchObject({ reason: 'NotFound' });
  });
  it('reports no matching resources for an empty selection', async () => {
    const { conn, loop } = await setup();
    const errors = await runWait(conn, { waitFor: parseWaitFor('condition=Ready'), selection: selection(['pods'], { labelSelector: 'app=none' }), timeoutMs: 1000, loop, print: () => undefined });
    expect(errors.map((e) => e.message)).toEqual(['no matching resources found']);
  });
});
