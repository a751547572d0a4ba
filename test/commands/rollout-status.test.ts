import { describe, expect, it } from 'vitest';
import { connectionOf } from '../../src/client/embedded.js';
import { historyText } from '../../src/cli/rollout/history.js';
import { statusViewer } from '../../src/cli/rollout/status-viewer.js';
import { WaitTimeout, waitSimulated } from '../../src/cli/rollout/wait.js';
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
    const h = new Map([[3, { metadata: { annotations: {} } }], [1, { metadata: { annotations: { 'kubernetes.io/change-cause': 'kubectl apply' } } }]]);
    expect(historyText(h, 0)).toBe('REVISION  CHANGE-CAUSE\n1         kubectl apply\n3         <none>\n');
    expect(historyText(new Map(), 0)).toBe('No rollout history found.');
    expect(() => historyText(h, 2)).toThrow('unable to find the specified revision');
  });
});

describe('waiting in simulated time', () => {
  it('jumps the clock to the next due key (minReadySeconds) instead of sleeping', async () => {
    const { c } = await testCluster();
    const conn = connectionOf(c);
    await c.client.create('deployments', deployment('web', 1, { minReadySeconds: 30 }));
    await c.reconcile();
    await makeReady(c);
    const start = c.now().getTime();
    const view = statusViewer('Deployment')!;
    await waitSimulated(conn, async () => view(await c.client.get('deployments', 'default', 'web'), 0).done, { timeoutMs: 0, idleSleepMs: 1 });
    expect(c.now().getTime() - start).toBe(30_001);
  });

  it('gives up at the deadline, moving simulated time no further', async () => {
    const { c } = await testCluster();
    const conn = connectionOf(c);
    const start = c.now().getTime();
    await expect(waitSimulated(conn, async () => false, { timeoutMs: 5_000, idleSleepMs: 1 })).rejects.toBeInstanceOf(WaitTimeout);
    expect(c.now().getTime() - start).toBe(5_000);
  });
});
