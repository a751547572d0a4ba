import { Cluster } from '../../src/cluster.js';
import type { KubeObject } from '../../src/api/types.js';
import { FakeClock } from '../../src/util/clock.js';

export interface TestCluster {
  cluster: Cluster;
  clock: FakeClock;
  /** Advances simulated time and runs everything due. */
  advance(ms: number): Promise<void>;
  pod(name: string, ns?: string): Promise<KubeObject>;
  events(name: string): Promise<string[]>;
}

export async function testCluster(): Promise<TestCluster> {
  const clock = new FakeClock('2026-01-01T00:00:00Z');
  const cluster = await Cluster.inMemory({ clock, bootstrap: { nodes: 2 } });
  return {
    cluster,
    clock,
    async advance(ms) {
      clock.advance(ms);
      await cluster.reconcile();
    },
    pod: (name, ns = 'default') => cluster.client.get('pods', ns, name),
    async events(name) {
      const list = await cluster.client.list('events', { namespace: 'default' });
      return list.items
        .filter((e) => e.involvedObject?.name === name)
        .sort((a, b) => String(a.firstTimestamp).localeCompare(String(b.firstTimestamp)))
        .map((e) => `${e.type} ${e.reason} ${e.message}${(e.count ?? 1) > 1 ? ` x${e.count}` : ''}`);
    },
  };
}

/** A pod bound to pocketkube-node-1 (as the scheduler would leave it). */
export function boundPod(name: string, opts: { annotations?: Record<string, string>; spec?: Record<string, unknown> } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      annotations: opts.annotations,
    },
    spec: { nodeName: 'pocketkube-node-1', containers: [{ name: 'app', image: 'nginx:1.27' }], ...opts.spec },
  };
}

export function containerState(pod: KubeObject, name = 'app'): string {
  const cs = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].find((c: { name: string }) => c.name === name);
  const st = cs?.state ?? {};
  if (st.running) return `running ready=${cs.ready}`;
  if (st.waiting) return `waiting ${st.waiting.reason}`;
  if (st.terminated) return `terminated ${st.terminated.reason} ${st.terminated.exitCode}`;
  return 'none';
}
