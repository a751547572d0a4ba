import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, CliSandbox } from './cli-runner.js';
import { runAsync } from './settle.js';
import type { KubeObject } from '../../src/api/types.js';

/** Jobs, CronJobs, DaemonSets and simulated time through the built CLI (`npm run build` first). */
import { CORPUS } from './corpus-path.js';
let sb: CliSandbox;

const pk = (...args: string[]): Promise<CliResult> => runAsync(sb, args);

beforeAll(() => {
  sb = new CliSandbox('pk-advance-');
});
afterAll(() => sb.dispose());

async function items(...args: string[]): Promise<KubeObject[]> {
  const out = await pk('get', ...args, '-o', 'json');
  expect(out.stderr).toBe('');
  return (JSON.parse(out.stdout) as { items: KubeObject[] }).items;
}

describe('batch workloads, daemon sets and cluster time end to end', { timeout: 120_000 }, () => {
  it('runs the corpus Job to Complete 1/1', async () => {
    expect((await pk('apply', '-f', join(CORPUS, 'website__content_en_examples_controllers_job.yaml'))).stdout).toBe('job.batch/pi created\n');
    const out = await pk('get', 'job', 'pi');
    expect(out.stdout).toMatch(/^NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE\npi\s+Complete\s+1\/1\s+/);
    const pods = await items('pods', '-l', 'job-name=pi');
    expect(pods.map((p) => p.status.phase)).toEqual(['Succeeded']);
  });

  it('puts one corpus fluentd pod on each node in kube-system', async () => {
    expect((await pk('apply', '-f', join(CORPUS, 'website__content_en_examples_controllers_daemonset.yaml'))).code).toBe(0);
    const pods = await items('pods', '-n', 'kube-system', '-l', 'name=fluentd-elasticsearch');
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['pocketkube-node-1', 'pocketkube-node-2', 'pocketkube-node-3']);
    const ds = await pk('get', 'ds', '-n', 'kube-system');
    expect(ds.stdout).toMatch(/fluentd-elasticsearch\s+3\s+3\s+3\s+3\s+3\s+<none>/);
  });

  it('creates the corpus CronJob\'s Jobs as cluster time advances', async () => {
    expect((await pk('apply', '-f', join(CORPUS, 'website__content_ja_examples_application_job_cronjob.yaml'))).code).toBe(0);
    const adv = await pk('cluster', 'advance', '3m');
    expect(adv.stdout).toMatch(/^Cluster "pocketkube" advanced by 3m0s \(now \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)\.\n$/);
    const jobs = (await pk('get', 'jobs', '-o', 'name')).stdout.split('\n').filter((l) => l.startsWith('job.batch/hello-'));
    expect(jobs).toHaveLength(3);
    await pk('cluster', 'advance', '2m');
    const kept = (await pk('get', 'jobs', '-o', 'name')).stdout.split('\n').filter((l) => l.startsWith('job.batch/hello-'));
    expect(kept).toHaveLength(3);
    // cluster time is wall time plus the offset: a minute may turn between two commands and start
    // one more Job, so the Jobs and the CronJob's status come from one read
    const both = await items('cronjobs,jobs');
    const cj = both.find((o) => o.kind === 'CronJob')!;
    const minutes = both.filter((o) => o.kind === 'Job' && o.metadata.name!.startsWith('hello-')).map((j) => Number(j.metadata.name!.split('-').at(-1))).sort((a, b) => a - b);
    expect(minutes).toHaveLength(3);
    expect(minutes[2]! - minutes[0]!).toBe(2);
    expect(Date.parse(cj.status.lastScheduleTime) / 60_000).toBe(minutes[2]);
  });

  it('reports the cluster in cluster info and rejects a bad duration', async () => {
    const info = await pk('cluster', 'info');
    expect(info.stdout).toContain('Name:          pocketkube\n');
    expect(info.stdout).toContain('(5m0s ahead of wall time)');
    expect(info.stdout).toContain('Nodes:         3 (3 Ready)');
    expect(info.stdout).toMatch(/Objects: .*cronjobs 1, daemonsets 1/);
    const bad = await pk('cluster', 'advance', 'soon');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('error: invalid duration "soon": use a duration such as 90s, 5m or 1h30m\n');
  });

  it('advances an hour of crash-looping pods whose Deployment had completed, step by step', () => {
    // The Deployment completes (the pods start Ready), then every pod crashes and loops in
    // back-off. Its controller once asked to look again 1 ms later for ever: 100,000 steps
    // stopped the advance after seconds of cluster time.
    const manifest = `apiVersion: apps/v1
kind: Deployment
metadata: {name: crashy, namespace: default}
spec:
  replicas: 5
  selector: {matchLabels: {app: crashy}}
  template:
    metadata:
      labels: {app: crashy}
      annotations: {pocketkube.io/crash-after: 3s}
    spec:
      containers:
      - name: c
        image: busybox:1.36
        readinessProbe: {exec: {command: ["true"]}, periodSeconds: 1}
`;
    expect(sb.run(['apply', '-f', '-'], manifest).code).toBe(0);
    const adv = sb.run(['cluster', 'advance', '1h']);
    expect(adv.stderr).toBe('');
    expect(adv.code).toBe(0);
    const pods = JSON.parse(sb.run(['get', 'pods', '-l', 'app=crashy', '-o', 'json']).stdout) as { items: KubeObject[] };
    expect(pods.items).toHaveLength(5);
    for (const p of pods.items) {
      const c = p.status.containerStatuses[0];
      // starts 3 s each, back-off 10, 20, 40, 80, 160 s then 300 s: 15 restarts in the hour
      expect(c.restartCount).toBeGreaterThanOrEqual(14);
      expect(c.state.waiting?.reason ?? (c.state.running ? 'Running' : 'neither')).toMatch(/^(CrashLoopBackOff|Running)$/);
    }
    const d = sb.run(['get', 'deploy', 'crashy']).stdout;
    expect(d).toMatch(/\ncrashy\s+0\/5\s+5\s+0\s+/);
  });
});
