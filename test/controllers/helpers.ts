/**
 * Workload-controller tests run the real control loop over an in-memory store. Pods ask for a
 * scheduler nobody runs, so they stay unbound and the tests play the kubelet: they set pod status.
 */
import type { KubeObject } from '../../src/api/types.js';
import { Cluster } from '../../src/cluster.js';
import { FakeClock, rfc3339 } from '../../src/util/clock.js';

export const NO_SCHEDULER = 'test-no-scheduler';

export async function testCluster(): Promise<{ c: Cluster; clock: FakeClock }> {
  const clock = new FakeClock('2026-01-01T00:00:00Z');
  const errors: string[] = [];
  const c = await Cluster.inMemory({
    clock,
    bootstrap: { nodes: 1 },
    onReconcileError: (r, k, e) => errors.push(`${r} ${k}: ${e instanceof Error ? e.message : String(e)}`),
  });
  return { c, clock };
}

export function podTemplate(image = 'nginx:1.27', labels: Record<string, string> = { app: 'web' }) {
  return {
    metadata: { labels },
    spec: { schedulerName: NO_SCHEDULER, containers: [{ name: 'web', image }] },
  };
}

export function deployment(name: string, replicas: number, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: podTemplate('nginx:1.27', { app: name }), ...spec },
  };
}

export function replicaSet(name: string, replicas: number, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: podTemplate('nginx:1.27', { app: name }), ...spec },
  };
}

export async function pods(c: Cluster, selector?: string): Promise<KubeObject[]> {
  return (await c.client.list('pods', { namespace: 'default', labelSelector: selector })).items;
}

/** Plays the kubelet: the pods (all, or those matching) become Running and Ready now. */
export async function makeReady(c: Cluster, selector?: string): Promise<void> {
  const now = rfc3339(c.now());
  for (const p of await pods(c, selector)) {
    if (p.metadata.deletionTimestamp || p.status?.conditions?.some((x: { type: string; status: string }) => x.type === 'Ready' && x.status === 'True')) continue;
    await c.client.updateStatus('pods', {
      ...p,
      status: { ...p.status, phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }] },
    });
  }
  await c.reconcile();
}

export async function replicaSetsOf(c: Cluster, deploymentName: string): Promise<KubeObject[]> {
  const d = await c.client.get('deployments', 'default', deploymentName);
  return (await c.client.list('replicasets', { namespace: 'default' })).items
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid))
    .sort((a, b) => Number(a.metadata.annotations?.['deployment.kubernetes.io/revision']) - Number(b.metadata.annotations?.['deployment.kubernetes.io/revision']));
}

export async function events(c: Cluster, reason?: string): Promise<string[]> {
  return (await c.client.list('events', { namespace: 'default' })).items
    .filter((e) => !reason || e.reason === reason)
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => `${e.reason} ${e.message}`);
}
