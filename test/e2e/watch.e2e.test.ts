import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, CliSandbox } from './cli-runner.js';

/** `get --watch` through the built CLI: rows as changes happen, SIGINT ends it cleanly. */
let sb: CliSandbox;
const pk = (...args: string[]) => sb.run(args);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts a watch; `stop()` sends SIGINT and resolves with what it printed and its exit code. */
function startWatch(args: string[]) {
  const child = spawn(process.execPath, [BIN, '--state-dir', sb.stateDir, ...args], { env: { ...process.env, NO_COLOR: '1', DEBUG: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return {
    output: () => stdout,
    async until(pred: (out: string) => boolean, ms = 30_000) {
      for (let waited = 0; !pred(stdout) && waited < ms; waited += 100) await sleep(100);
    },
    async stop() {
      child.kill('SIGINT');
      const code = await exited;
      return { stdout, stderr, code };
    },
    exited,
  };
}

beforeAll(() => {
  sb = new CliSandbox('pk-watch-');
  writeFileSync(sb.path('slow.yaml'), `apiVersion: v1
kind: Pod
metadata:
  name: slow
  annotations: {pocketkube.io/start-delay: 3s, pocketkube.io/stop-delay: 2s}
spec: {containers: [{name: c, image: nginx}]}
`);
  expect(pk('run', 'first', '--image=nginx').code).toBe(0);
});
afterAll(() => sb.dispose());

describe('get --watch', { timeout: 120_000 }, () => {
  it('prints the table, then a row per change of a pod with a start delay', async () => {
    const w = startWatch(['get', 'pods', '-w']);
    await w.until((out) => out.includes('first'));
    expect(pk('apply', '-f', sb.path('slow.yaml')).code).toBe(0);
    await w.until((out) => /slow\s+1\/1\s+Running/.test(out));
    expect(pk('delete', 'pod', 'slow', '--wait=false').code).toBe(0);
    await w.until((out) => (out.match(/slow .*Terminating/g) ?? []).length >= 2);
    const { stdout, code } = await w.stop();
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(lines[1]).toMatch(/^first\s+1\/1\s+Running\s+0\s+\d+s$/);
    expect(lines.filter((l) => l.startsWith('NAME'))).toHaveLength(1);
    const slow = lines.filter((l) => l.startsWith('slow'));
    const statuses = slow.map((l) => l.split(/\s+/)[2]);
    expect(statuses[0]).toBe('ContainerCreating');
    expect(statuses).toContain('Running');
    expect(statuses.slice(-2)).toEqual(['Terminating', 'Terminating']);
    // each event row is laid out on its own (kubectl's tab writer: 3 spaces of padding, cells at least 6 wide)
    expect(slow[0]).toMatch(/^slow {3}0\/1 {3}ContainerCreating {3}0 {5}\d+s$/);
  });

  it('--watch-only prints only changes, -o name one line each, and stops at --request-timeout', async () => {
    const w = startWatch(['get', 'pods', '--watch-only', '-o', 'name', '--request-timeout=6s']);
    await sleep(1500);
    expect(pk('label', 'pod', 'first', 'seen=yes').code).toBe(0);
    const code = await w.exited;
    expect(code).toBe(0);
    expect(w.output()).toBe('pod/first\n');
  });

  it('watches one named object as YAML documents', async () => {
    const w = startWatch(['get', 'pod', 'first', '-w', '-o', 'yaml']);
    await w.until((out) => out.includes('name: first'));
    expect(pk('annotate', 'pod', 'first', 'note=hi').code).toBe(0);
    await w.until((out) => out.includes('note: hi'));
    const { stdout, code } = await w.stop();
    expect(code).toBe(0);
    const docs = stdout.split('---\n');
    expect(docs).toHaveLength(2);
    expect(docs[1]).toContain('note: hi');
  });

  it('refuses more than one resource type', () => {
    expect(pk('get', 'pods,svc', '-w')).toMatchObject({
      stderr: 'error: watch is only supported on individual resources and resource collections, but a list of resources is specified\n', code: 1,
    });
  });
});
