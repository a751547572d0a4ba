import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, CliSandbox } from './cli-runner.js';
import { runAsync } from './settle.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * `kill -9` in the middle of a command (`npm run build` first): the next command opens the store, finds only
 * whole objects, and the control loop converges from whatever was committed. The kill moment is taken from a
 * measured run of the same command; nothing asserts on durations.
 */
const SLOW_MS = 600_000;
let sb: CliSandbox;
afterEach(() => sb?.dispose());
const pk = (...args: string[]) => runAsync(sb, args, SLOW_MS);
const json = async (...args: string[]): Promise<any> => {
  const r = await pk(...args, '-o', 'json');
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
};

/** Starts `pocketkube args` and kills it with SIGKILL after `ms`; resolves with how it ended and what it printed. */
function killAfter(box: CliSandbox, args: string[], ms: number): Promise<{ signal: NodeJS.Signals | null; code: number | null; stdout: string }> {
  const child = spawn(process.execPath, [BIN, '--state-dir', box.stateDir, ...args], { env: { ...process.env, NO_COLOR: '1', DEBUG: '' }, stdio: ['ignore', 'pipe', 'ignore'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  return new Promise((resolve) => child.on('close', (code, signal) => {
    clearTimeout(timer);
    resolve({ code, signal, stdout });
  }));
}

/** How long `pocketkube args` takes to finish in a sandbox prepared by `setup` (to pick a kill moment). */
async function measure(setup: (box: CliSandbox) => Promise<void>, args: string[]): Promise<number> {
  const box = new CliSandbox('pk-crash-measure-');
  try {
    await setup(box);
    const start = process.hrtime.bigint();
    const r = await runAsync(box, args, SLOW_MS);
    expect(r.code).toBe(0);
    return Number((process.hrtime.bigint() - start) / 1_000_000n);
  } finally {
    box.dispose();
  }
}

const N = 3000;
const PAYLOAD = 'p'.repeat(200);
const configMaps = (prefix: string, n: number) => Array.from({ length: n }, (_, i) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${prefix}-${i}\n  labels: {set: ${prefix}}\ndata:\n  index: "${i}"\n  payload: ${PAYLOAD}\n`).join('---\n');

describe('crash safety', { timeout: 1_800_000 }, () => {
  it('a kill -9 during a 3,000-ConfigMap apply leaves a store that opens, with whole objects only', async () => {
    const seed = async (box: CliSandbox) => {
      writeFileSync(box.path('seed.yaml'), configMaps('seed', 50));
      writeFileSync(box.path('big.yaml'), configMaps('big', N));
      expect((await runAsync(box, ['apply', '-f', box.path('seed.yaml')], SLOW_MS)).code).toBe(0);
    };
    sb = new CliSandbox('pk-crash-apply-');
    await seed(sb);
    const took = await measure(seed, ['apply', '-f', sb.path('big.yaml')]);
    const ended = await killAfter(sb, ['apply', '-f', sb.path('big.yaml')], Math.max(200, Math.floor(took / 2)));
    expect(ended.signal).toBe('SIGKILL');

    // the store opens, reads work and every object present is whole
    const seeded = (await json('get', 'configmaps', '-l', 'set=seed')).items;
    expect(seeded).toHaveLength(50);
    const partial = (await json('get', 'configmaps', '-l', 'set=big')).items;
    for (const c of partial) expect([c.data.payload, c.data.index]).toEqual([PAYLOAD, c.metadata.name.split('-')[1]]);
    for (const c of [...seeded, ...partial]) expect(c.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    // writes work again (the killed process' lock is recovered), and the apply finishes what it started
    const again = await pk('apply', '-f', sb.path('big.yaml'));
    expect(again.code).toBe(0);
    expect(again.stdout.split('\n').filter(Boolean)).toHaveLength(N);
    const all = (await json('get', 'configmaps', '-l', 'set=big')).items;
    expect(all).toHaveLength(N);
    expect(new Set(all.map((c: any) => c.data.index)).size).toBe(N);
    for (const c of all) expect(c.data.payload).toBe(PAYLOAD);
  });

  it('a kill -9 in the middle of a 1,000-replica scale-up converges to exactly 1,000 Running pods of one ReplicaSet', async () => {
    // 10 nodes of 110 pods: room for 1,000 (a node's /24 pod CIDR holds 253 pods)
    const setup = async (box: CliSandbox) => {
      expect((await runAsync(box, ['cluster', 'create', '--nodes', '10'], SLOW_MS)).code).toBe(0);
      expect((await runAsync(box, ['create', 'deployment', 'x', '--image=nginx:1.27'], SLOW_MS)).code).toBe(0);
    };
    sb = new CliSandbox('pk-crash-scale-');
    await setup(sb);
    const took = await measure(setup, ['scale', 'deploy/x', '--replicas', '1000']);
    const ended = await killAfter(sb, ['scale', 'deploy/x', '--replicas', '1000'], Math.max(200, Math.floor(took / 2)));
    expect(ended.signal).toBe('SIGKILL');

    const deploy = await json('get', 'deploy', 'x');
    // a scale the command acknowledged is stored, whatever the control loop was doing when it died
    if (ended.stdout === 'deployment.apps/x scaled\n') expect(deploy.spec.replicas).toBe(1000);
    // else it was stored before the kill or not at all; then the next command asks again
    if (deploy.spec.replicas !== 1000) {
      expect(deploy.spec.replicas).toBe(1);
      expect((await pk('scale', 'deploy/x', '--replicas', '1000')).code).toBe(0);
    }
    const rs = (await json('get', 'rs')).items;
    expect(rs).toHaveLength(1);
    const pods = (await json('get', 'pods', '-l', 'app=x')).items;
    expect(pods).toHaveLength(1000);
    expect(new Set(pods.map((p: any) => p.metadata.name)).size).toBe(1000);
    for (const p of pods) {
      expect(p.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'ReplicaSet', name: rs[0].metadata.name, uid: rs[0].metadata.uid, controller: true })]);
      expect(p.status.phase).toBe('Running');
    }
    expect(new Set(pods.map((p: any) => p.status.podIP)).size).toBe(1000);
    expect((await json('get', 'pods', '-A')).items.filter((p: any) => p.metadata.namespace === 'default')).toHaveLength(1000);
    const d = await json('get', 'deploy', 'x');
    expect([d.status.replicas, d.status.readyReplicas, d.status.availableReplicas]).toEqual([1000, 1000, 1000]);
  });
});
