import { describe, expect, it } from 'vitest';
import { connectionOf } from '../../src/client/embedded.js';
import { historyText } from '../../src/cli/rollout/history.js';
import { statusViewer } from '../../src/cli/rollout/status-viewer.js';
import { waitFor } from '../../src/cli/rollout/wait.js';
import { deployment, makeReady, testCluster } from '../controllers/helpers.js';

const d = (status: Record<string, unknown>, generation = 1) => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', generation }, spec: { replicas: 3 }, status: { observedGeneration: 1, ...status },
});

describe('rollout status viewer (deployments)', () => {
  const view = statusViewer('Deployment')!;
  it('prints kubectl messages in kubectl order', () => {
    expect(view(d({}, 2), 0)).toEqual({ message: 'Waiting for deployment spec update to be observed...\n', done: false });
    expect(view(d({ updatedReplicas: 1, replicas: 4 }), 0).message).toBe('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n');
    expect(view(d({ updatedReplicas: 3, replicas: 4 }), 0).message).toBe('Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n');
    expect(view(d({ updatedReplicas: 3, replicas: 3, availableReplicas: 1 }), 0).message).toBe('Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...\n');
    expect(view(d({ updatedReplicas: 3, replicas: 3, availableReplicas: 3 }), 0)).toEqual({ message: 'deployment "web" successfully rolled out\n', done: true });
  });
  it('fails on an exceeded progress deadline', () => {
    expect(() => view(d({ conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] }), 0))
      .toThrow('deployment "web" exceeded its progress deadline');
  });
  it('has no viewer for pods', () => {
    expect(statusViewer('Pod')).toBeUndefined();
  });
});

describe('rollout history table', () => {
  it('lists revisions ascending with change causes, in a tabwriter table of padding 2', () => {
    const h = new Map([[3, { template: { metadata: { annotations: {} } } }], [1, { template: { metadata: {} }, cause: 'kubectl apply' }]]);
    expect(historyText(h, 0)).toBe('REVISION  CHANGE-CAUSE\n1         kubectl apply\n3         <none>\n');
    expect(historyText(new Map(), 0)).toBe('No rollout history found.');
    expect(() => historyText(h, 2)).toThrow('unable to find the specified revision');
  });
});

describe('waiting as time passes', () => {
  /** The cluster's fake clock stands in for the wall clock: sleeping advances it. */
  const passTime = (clock: { now(): Date; advance(ms: number): void }) => ({
    wallNow: () => clock.now().getTime(),
    sleep: async (ms: number) => clock.advance(ms),
  });

  it('runs due work as time passes (minReadySeconds) and returns once the rollout is done', async () => {
    const { c, clock } = await testCluster();
    const conn = connectionOf(c);
    await c.client.create('deployments', deployment('web', 1, { minReadySeconds: 30 }));
    await c.reconcile();
    await makeReady(c);
    const start = c.now().getTime();
    const view = statusViewer('Deployment')!;
    await waitFor(conn, async () => view(await c.client.get('deployments', 'default', 'web'), 0).done, { timeoutMs: 0, ...passTime(clock) });
    const waited = c.now().getTime() - start;
    expect(waited).toBeGreaterThanOrEqual(30_000);
    expect(waited).toBeLessThan(30_000 + 250 + 2);
    expect(c.now().getTime() - clock.now().getTime()).toBe(0); // the cluster clock never jumped ahead of the wall clock
  });

  it('gives up at the deadline with kubectl\'s timeout error', async () => {
    const { c, clock } = await testCluster();
    const conn = connectionOf(c);
    const start = clock.now().getTime();
    await expect(waitFor(conn, async () => false, { timeoutMs: 5_000, ...passTime(clock) })).rejects.toThrow('timed out waiting for the condition');
    expect(clock.now().getTime() - start).toBe(5_000);
  });
});
