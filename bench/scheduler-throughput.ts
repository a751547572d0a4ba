/**
 * Scheduling + start throughput: N pending pods on M nodes, created through the API, then one control-loop
 * run (scheduler + kubelets) until every pod is Running. Run with:
 *   npx vite-node bench/scheduler-throughput.ts [pods=30000] [nodes=1000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster } from '../src/cluster.js';

const pods = Number(process.argv[2] ?? 30_000);
const nodes = Number(process.argv[3] ?? 1_000);
const dir = mkdtempSync(join(tmpdir(), 'pk-sched-bench-'));
try {
  const c = await Cluster.open({ dir, bootstrap: { nodes, cpu: '32', memory: '128Gi', pods: 110 } });
  for (let i = 0; i < pods; i++) {
    await c.client.create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `web-${i}`, namespace: 'default', labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '64Mi' } } }] },
    });
  }
  const t0 = performance.now();
  await c.reconcile();
  const ms = performance.now() - t0;
  const list = (await c.client.list('pods', { namespace: 'default' })).items;
  const running = list.filter((p) => p.status?.phase === 'Running').length;
  const perNode = new Map<string, number>();
  for (const p of list) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
  const counts = [...perNode.values()];
  console.log(JSON.stringify({ pods, nodes, running, seconds: +(ms / 1000).toFixed(2), podsPerSecond: Math.round(running / (ms / 1000)), minPerNode: Math.min(...counts), maxPerNode: Math.max(...counts), rssMB: Math.round(process.memoryUsage().rss / 2 ** 20) }));
  await c.abort();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
