import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { Cluster } from '../../src/cluster.js';
import { FakeClock } from '../../src/util/clock.js';

async function cluster(nodes = 3): Promise<{ c: Cluster; clock: FakeClock }> {
  const clock = new FakeClock('2026-01-01T00:00:00Z');
  return { c: await Cluster.inMemory({ clock, bootstrap: { nodes } }), clock };
}

function daemonSet(spec: Record<string, unknown> = {}, image = 'fluentd:1'): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'kube-system' },
    spec: {
      selector: { matchLabels: { name: 'agent' } },
      template: { metadata: { labels: { name: 'agent' } }, spec: { containers: [{ name: 'a', image }] } },
      ...spec,
    },
  };
}

const podsOf = async (c: Cluster) => (await c.client.list('pods', { namespace: 'kube-system', labelSelector: 'name=agent' })).items.filter((p) => !p.metadata.deletionTimestamp);
const nodesOf = async (c: Cluster) => (await podsOf(c)).map((p) => p.spec.nodeName).sort();

describe('DaemonSet controller', () => {
  it('runs one pod per node, pinned by node affinity, with the automatic tolerations and labels', async () => {
    const { c } = await cluster();
    await c.client.create('daemonsets', daemonSet());
    await c.reconcile();
    expect(await nodesOf(c)).toEqual(['pocketkube-node-1', 'pocketkube-node-2', 'pocketkube-node-3']);
    const [pod] = await podsOf(c);
    expect(pod!.metadata.name).toMatch(/^agent-[a-z0-9]{5}$/);
    expect(pod!.metadata.labels).toMatchObject({ name: 'agent', 'pod-template-generation': '1' });
    const hash = pod!.metadata.labels!['controller-revision-hash'];
    expect(pod!.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: [pod!.spec.nodeName] }] },
    ]);
    expect(pod!.spec.tolerations.map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute', 'node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule', 'node.kubernetes.io/pid-pressure:NoSchedule', 'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    const cr = await c.client.get('controllerrevisions', 'kube-system', `agent-${hash}`);
    expect(cr.revision).toBe(1);
    const ds = await c.client.get('daemonsets', 'kube-system', 'agent');
    expect(ds.status).toMatchObject({ desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 3, updatedNumberScheduled: 3, numberAvailable: 3, numberMisscheduled: 0, observedGeneration: 1 });
    await c.close();
  });

  it('follows nodeSelector and taints, and a node that appears or goes', async () => {
    const { c } = await cluster();
    await c.client.patch('nodes', undefined, 'pocketkube-node-2', 'merge', { spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] } });
    await c.client.create('daemonsets', daemonSet());
    await c.reconcile();
    expect(await nodesOf(c)).toEqual(['pocketkube-node-1', 'pocketkube-node-3']);
    await c.client.patch('nodes', undefined, 'pocketkube-node-2', 'merge', { spec: { taints: null } });
    await c.reconcile();
    expect(await nodesOf(c)).toEqual(['pocketkube-node-1', 'pocketkube-node-2', 'pocketkube-node-3']);
    await c.client.delete('nodes', undefined, 'pocketkube-node-3');
    await c.reconcile();
    expect(await nodesOf(c)).toEqual(['pocketkube-node-1', 'pocketkube-node-2']);
    await c.client.patch('daemonsets', 'kube-system', 'agent', 'merge', { spec: { template: { spec: { nodeSelector: { disk: 'ssd' } } } } });
    await c.client.patch('nodes', undefined, 'pocketkube-node-1', 'merge', { metadata: { labels: { disk: 'ssd' } } });
    await c.reconcile();
    expect(await nodesOf(c)).toEqual(['pocketkube-node-1']);
    await c.close();
  });

  it('rolls a new template out node by node and records a second revision', async () => {
    const { c } = await cluster();
    await c.client.create('daemonsets', daemonSet());
    await c.reconcile();
    await c.client.patch('daemonsets', 'kube-system', 'agent', 'merge', { spec: { template: { spec: { containers: [{ name: 'a', image: 'fluentd:2' }] } } } });
    await c.reconcile();
    const pods = await podsOf(c);
    expect(pods).toHaveLength(3);
    expect(pods.every((p) => p.spec.containers[0].image === 'fluentd:2' && p.metadata.labels!['pod-template-generation'] === '2')).toBe(true);
    const revs = (await c.client.list('controllerrevisions', { namespace: 'kube-system' })).items.map((r) => r.revision).sort();
    expect(revs).toEqual([1, 2]);
    const ds = await c.client.get('daemonsets', 'kube-system', 'agent');
    expect(ds.status).toMatchObject({ updatedNumberScheduled: 3, numberAvailable: 3 });
    await c.close();
  });
});
