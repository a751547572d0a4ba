import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CliSandbox } from './cli-runner.js';
import { runAsync } from './settle.js';

/** Many CLI processes writing one cluster at once (`npm run build` first): the write lock loses no update. */
/** The machine may be busy: a process waiting its turn for the write lock is slow, not stuck. */
const RACE_TIMEOUT_MS = 600_000;
let sb: CliSandbox;
afterEach(() => sb?.dispose());

const configMap = (i: number) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm-${i}
  labels: {batch: concurrent}
data:
  index: "${i}"
`;

describe('concurrent applies', { timeout: 900_000 }, () => {
  it('20 apply processes of different objects, spawned at once, all land', async () => {
    sb = new CliSandbox('pk-concurrency-');
    expect((await runAsync(sb, ['get', 'ns'])).code).toBe(0); // the cluster exists before the race
    const ids = Array.from({ length: 20 }, (_, i) => i);
    for (const i of ids) writeFileSync(sb.path(`cm-${i}.yaml`), configMap(i));
    const results = await Promise.all(ids.map((i) => runAsync(sb, ['apply', '-f', sb.path(`cm-${i}.yaml`)], RACE_TIMEOUT_MS)));
    for (const [i, r] of results.entries()) expect(r, `apply ${i}`).toEqual({ stdout: `configmap/cm-${i} created\n`, stderr: '', code: 0 });
    const got = JSON.parse((await runAsync(sb, ['get', 'configmaps', '-l', 'batch=concurrent', '-o', 'json'])).stdout);
    const byName = new Map<string, string>(got.items.map((c: { metadata: { name: string }; data: { index: string } }) => [c.metadata.name, c.data.index]));
    expect(byName.size).toBe(20);
    for (const i of ids) expect(byName.get(`cm-${i}`)).toBe(String(i));
    const revisions = got.items.map((c: { metadata: { resourceVersion: string } }) => c.metadata.resourceVersion);
    expect(new Set(revisions).size).toBe(20); // each write got its own revision
  });

  it('20 processes creating the cluster and applying at once on a fresh state dir all land', async () => {
    sb = new CliSandbox('pk-concurrency-fresh-');
    const ids = Array.from({ length: 20 }, (_, i) => i);
    for (const i of ids) writeFileSync(sb.path(`cm-${i}.yaml`), configMap(i));
    const results = await Promise.all(ids.map((i) => runAsync(sb, ['apply', '-f', sb.path(`cm-${i}.yaml`)], RACE_TIMEOUT_MS)));
    for (const [i, r] of results.entries()) expect(r, `apply ${i}`).toEqual({ stdout: `configmap/cm-${i} created\n`, stderr: '', code: 0 });
    const names = (await runAsync(sb, ['get', 'configmaps', '-l', 'batch=concurrent', '-o', 'name'])).stdout.trim().split('\n');
    expect(names.sort()).toEqual(ids.map((i) => `configmap/cm-${i}`).sort());
    expect((await runAsync(sb, ['get', 'ns', '--no-headers', '-o', 'name'])).stdout.trim().split('\n').sort())
      .toEqual(['namespace/default', 'namespace/kube-node-lease', 'namespace/kube-public', 'namespace/kube-system']);
    expect((await runAsync(sb, ['get', 'nodes', '-o', 'name'])).stdout.trim().split('\n')).toHaveLength(3);
  });
});
