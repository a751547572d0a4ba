import { describe, expect, it } from 'vitest';
import { podStatusText } from '../../src/api/kinds/pod-status.js';
import { Cluster } from '../../src/cluster.js';
import { boundPod, testCluster } from './helpers.js';

const defaultTolerations = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

describe('node lifecycle', () => {
  it('marks a down node Unknown and tainted, evicts its pods after tolerationSeconds, and heals', async () => {
    const t = await testCluster();
    await t.cluster.client.create('pods', boundPod('web', { spec: { tolerations: defaultTolerations } }));
    await t.cluster.reconcile();
    await t.cluster.client.patch('nodes', undefined, 'pocketkube-node-1', 'merge', { metadata: { annotations: { 'pocketkube.io/node-state': 'down' } } });
    await t.cluster.reconcile();
    let node = await t.cluster.client.get('nodes', undefined, 'pocketkube-node-1');
    expect(node.status.conditions.find((c: { type: string }) => c.type === 'Ready')).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    expect(node.spec.taints.map((x: { key: string; effect: string }) => `${x.key}:${x.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    let pod = await t.pod('web');
    expect(pod.status.conditions.find((c: { type: string }) => c.type === 'Ready').status).toBe('False');
    expect(pod.metadata.deletionTimestamp).toBeUndefined();
    await t.advance(299_000);
    expect((await t.pod('web')).metadata.deletionTimestamp).toBeUndefined();
    await t.advance(1_000);
    pod = await t.pod('web');
    expect(podStatusText(pod)).toBe('Terminating');
    expect(pod.status.conditions.find((c: { type: string }) => c.type === 'DisruptionTarget')).toMatchObject({ reason: 'DeletionByTaintManager' });
    // the node comes back: its kubelet finishes the deletion
    await t.cluster.client.patch('nodes', undefined, 'pocketkube-node-1', 'merge', { metadata: { annotations: { 'pocketkube.io/node-state': null } } });
    await t.cluster.reconcile();
    node = await t.cluster.client.get('nodes', undefined, 'pocketkube-node-1');
    expect(node.status.conditions.find((c: { type: string }) => c.type === 'Ready')).toMatchObject({ status: 'True', reason: 'KubeletReady' });
    expect(node.spec.taints).toBeUndefined();
    await expect(t.pod('web')).rejects.toMatchObject({ code: 404 });
  });

  it('keeps a pod that tolerates unreachable without tolerationSeconds', async () => {
    const t = await testCluster();
    await t.cluster.client.create('pods', boundPod('stay', { spec: { tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }] } }));
    await t.cluster.reconcile();
    await t.cluster.client.patch('nodes', undefined, 'pocketkube-node-1', 'merge', { metadata: { annotations: { 'pocketkube.io/node-state': 'down' } } });
    await t.cluster.reconcile();
    await t.advance(3_600_000);
    const pod = await t.pod('stay');
    expect(pod.metadata.deletionTimestamp).toBeUndefined();
    expect(pod.status.conditions.find((c: { type: string }) => c.type === 'Ready').status).toBe('False');
  });

  it('keeps the unschedulable taint on a cordoned node, and removes it on uncordon', async () => {
    const t = await testCluster();
    const taints = async () => ((await t.cluster.client.get('nodes', undefined, 'pocketkube-node-1')).spec.taints ?? []).map((x: { key: string; effect: string; timeAdded?: string }) => `${x.key}:${x.effect}@${x.timeAdded}`);
    await t.cluster.client.patch('nodes', undefined, 'pocketkube-node-1', 'strategic', { spec: { unschedulable: true } });
    await t.cluster.reconcile();
    expect(await taints()).toEqual(['node.kubernetes.io/unschedulable:NoSchedule@2026-01-01T00:00:00Z']);
    await t.cluster.client.patch('nodes', undefined, 'pocketkube-node-1', 'strategic', { spec: { unschedulable: null } });
    await t.cluster.reconcile();
    expect(await taints()).toEqual([]);
  });

  it("evicts the pods a user's NoExecute taint does not tolerate: at once, or after tolerationSeconds from the taint's time", async () => {
    const t = await testCluster();
    await t.cluster.client.create('pods', boundPod('plain'));
    await t.cluster.client.create('pods', boundPod('minute', { spec: { tolerations: [{ key: 'maint', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }] } }));
    await t.cluster.client.create('pods', boundPod('forever', { spec: { tolerations: [{ key: 'maint', operator: 'Equal', value: 'yes', effect: 'NoExecute' }] } }));
    await t.cluster.reconcile();
    await t.cluster.client.patch('nodes', undefined, 'pocketkube-node-1', 'merge', { spec: { taints: [{ key: 'maint', value: 'yes', effect: 'NoExecute' }] } });
    await t.cluster.reconcile();
    const node = await t.cluster.client.get('nodes', undefined, 'pocketkube-node-1');
    expect(node.spec.taints).toEqual([{ key: 'maint', value: 'yes', effect: 'NoExecute', timeAdded: '2026-01-01T00:00:00Z' }]);
    await expect(t.pod('plain')).rejects.toMatchObject({ code: 404 });
    expect(await t.events('plain')).toContain('Normal TaintManagerEviction Marking for deletion Pod default/plain');
    await t.advance(59_000);
    expect((await t.pod('minute')).metadata.deletionTimestamp).toBeUndefined();
    await t.advance(1_000);
    await expect(t.pod('minute')).rejects.toMatchObject({ code: 404 });
    await t.advance(3_600_000);
    expect((await t.pod('forever')).metadata.deletionTimestamp).toBeUndefined();
  });

  it('times a pod bound after the NoExecute taint from its binding, not from the taint', async () => {
    const t = await testCluster();
    await t.cluster.client.patch('nodes', undefined, 'pocketkube-node-1', 'merge', { spec: { taints: [{ key: 'maint', effect: 'NoExecute' }] } });
    await t.cluster.reconcile();
    await t.advance(3_600_000);
    const tolerations = [{ key: 'maint', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }];
    await t.cluster.client.create('pods', { ...boundPod('late', { spec: { tolerations } }), spec: { ...boundPod('late').spec, tolerations, nodeName: undefined, nodeSelector: { 'kubernetes.io/hostname': 'pocketkube-node-1' } } });
    await t.cluster.reconcile();
    expect((await t.pod('late')).spec.nodeName).toBe('pocketkube-node-1');
    await t.advance(59_000);
    expect((await t.pod('late')).metadata.deletionTimestamp).toBeUndefined();
    await t.advance(1_000);
    await expect(t.pod('late')).rejects.toMatchObject({ code: 404 });
    expect(await t.events('late')).toContain('Normal TaintManagerEviction Marking for deletion Pod default/late');
  });

  it('times such a pod in a later invocation too, when this one never saw the taint change', async () => {
    const t = await testCluster();
    await t.cluster.client.patch('nodes', undefined, 'pocketkube-node-1', 'merge', { spec: { taints: [{ key: 'maint', effect: 'NoExecute' }] } });
    await t.cluster.reconcile();
    // a new cluster object over the same store: what the next command sees
    t.clock.advance(3_600_000);
    const next = await Cluster.inMemory({ clock: t.clock, store: t.cluster.store });
    const tolerations = [{ key: 'maint', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }];
    await next.client.create('pods', boundPod('later', { spec: { tolerations } }));
    await next.reconcile();
    t.clock.advance(29_000);
    await next.reconcile();
    expect((await next.client.get('pods', 'default', 'later')).metadata.deletionTimestamp).toBeUndefined();
    t.clock.advance(1_000);
    await next.reconcile();
    await expect(next.client.get('pods', 'default', 'later')).rejects.toMatchObject({ code: 404 });
  });
});
