import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type CliResult, CliSandbox } from './cli-runner.js';
import { runAsync } from './settle.js';

/** `logs` through the built CLI: selectors, all pods, prefixes, since/limit, and -f following a run to its end. */
let sb: CliSandbox;
const pk = (...args: string[]): Promise<CliResult> => runAsync(sb, args);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web}
      annotations:
        pocketkube.io/logs: |
          starting
          listening on :80
          ready
    spec:
      containers:
      - {name: nginx, image: "nginx:1.27"}
      - {name: side, image: busybox}
`;

const JOB = `apiVersion: batch/v1
kind: Job
metadata: {name: hello}
spec:
  template:
    metadata:
      annotations:
        pocketkube.io/logs: hello from the job
        pocketkube.io/run-duration: 2s
    spec:
      restartPolicy: Never
      containers:
      - {name: hello, image: busybox}
`;

beforeAll(() => {
  sb = new CliSandbox('pk-logs-');
  writeFileSync(sb.path('web.yaml'), MANIFEST);
  writeFileSync(sb.path('job.yaml'), JOB);
});
afterAll(() => sb.dispose());

describe('logs end to end', () => {
  it('reads the pods of a selector or a workload, with prefixes, tails, since and byte limits', async () => {
    expect((await pk('apply', '-f', sb.path('web.yaml'))).code).toBe(0);
    const pods = (await pk('get', 'pods', '-l', 'app=web', '-o', 'name')).stdout.trim().split('\n').map((n) => n.replace('pod/', '')).sort();
    expect(pods).toHaveLength(2);

    const bySelector = await pk('logs', '-l', 'app=web', '-c', 'nginx', '--prefix', '--tail', '1');
    expect(bySelector.code).toBe(0);
    expect(bySelector.stdout).toBe(pods.map((p) => `[pod/${p}/nginx] ready\n`).join(''));

    const allPods = await pk('logs', 'deployment/web', '--all-pods', '--all-containers', '--tail=1');
    expect(allPods.stdout).toBe(pods.flatMap((p) => [`[pod/${p}/nginx] ready\n`, `[pod/${p}/side] ready\n`]).join(''));
    expect(allPods.stderr).toBe('');

    const first = await pk('logs', 'deployment/web', '--since=1h', '--limit-bytes=12');
    expect(first.stdout).toBe('starting\nlis');
    expect(first.stderr).toBe(`Found 2 pods, using pod/${pods[0]}\nDefaulted container "nginx" out of: nginx, side\n`);
    expect((await pk('logs', pods[0]!, '--since-time=2999-01-01T00:00:00Z')).stdout).toBe('');

    const none = await pk('logs', '-l', 'app=nope');
    expect(none).toMatchObject({ code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
  });

  it("refuses what kubectl refuses, with kubectl's messages", async () => {
    expect(await pk('logs', 'x', '-l', 'app=web')).toMatchObject({ code: 1, stderr: "error: only a selector (-l) or a POD name is allowed\nSee 'pocketkube logs -h' for help and examples\n" });
    expect(await pk('logs', 'deploy/web', '--since=1m', '--since-time=2026-01-01T00:00:00Z')).toMatchObject({ code: 1, stderr: 'error: at most one of `sinceTime` or `sinceSeconds` may be specified\n' });
    expect(await pk('logs', 'deploy/web', '-c', 'nginx', '--all-containers')).toMatchObject({ code: 1, stderr: 'error: --all-containers=true should not be specified with container name nginx\n' });
    expect(await pk('logs', '-f', '-l', 'app=web', '--all-containers', '--max-log-requests=3')).toMatchObject({
      code: 1,
      stderr: 'error: you are attempting to follow 4 log streams, but maximum allowed concurrency is 3, use --max-log-requests to increase the limit\n',
    });
  }, 60_000);

  it('follows a job until its container exits, and a running one until interrupted', async () => {
    expect((await pk('apply', '-f', sb.path('job.yaml'))).code).toBe(0);
    // the container runs 2 s of wall time: -f prints its line, then waits for it to exit
    const followed = await pk('logs', '-f', 'job/hello');
    expect(followed).toMatchObject({ code: 0, stdout: 'hello from the job\n' });
    expect((await pk('get', 'pods', '-l', 'job-name=hello')).stdout).toMatch(/\s0\/1\s+Completed\s/);

    const child = spawn(process.execPath, [BIN, '--state-dir', sb.stateDir, 'logs', '-f', 'deploy/web', '-c', 'side'], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    for (let waited = 0; !stdout.includes('ready') && waited < 30_000; waited += 100) await sleep(100);
    await sleep(500);
    expect(child.exitCode).toBeNull();
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stdout).toBe('starting\nlistening on :80\nready\n');
  }, 60_000);
});
