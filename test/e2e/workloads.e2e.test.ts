import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CliSandbox, type CliResult } from './cli-runner.js';
import { runAsync } from './settle.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Issue 3's "How we will know" through the built CLI (`npm run build` first), for what rollout.e2e,
 * scheduler.e2e and corpus.e2e do not already cover: a rolling update's surge/unavailable bounds as simulated
 * time passes, a crash loop's growing restarts, and an over-large Deployment's pending pod.
 */
let sb: CliSandbox;
afterEach(() => sb?.dispose());
const fresh = () => (sb = new CliSandbox('pk-workloads-'));
const pk = (...args: string[]): Promise<CliResult> => runAsync(sb, args, 300_000);
const json = async (...args: string[]): Promise<any> => {
  const r = await pk(...args, '-o', 'json');
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
};

const deployment = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: roll}
spec:
  replicas: 4
  strategy: {rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
  selector: {matchLabels: {app: roll}}
  template:
    metadata:
      labels: {app: roll}
      annotations: {pocketkube.io/ready-delay: 10s}
    spec:
      containers: [{name: app, image: "${image}"}]
`;

describe('workloads as simulated time passes', { timeout: 900_000 }, () => {
  it('a rolling update with maxSurge 1 / maxUnavailable 0 never exceeds 5 pods nor drops below 4 ready', async () => {
    fresh();
    writeFileSync(sb.path('v1.yaml'), deployment('nginx:1.27'));
    writeFileSync(sb.path('v2.yaml'), deployment('nginx:1.28'));
    expect((await pk('apply', '-f', sb.path('v1.yaml'))).code).toBe(0);
    expect((await json('get', 'deploy', 'roll')).status.readyReplicas ?? 0).toBeLessThan(4); // ready-delay holds them back
    expect((await pk('cluster', 'advance', '15s')).code).toBe(0);
    expect((await json('get', 'deploy', 'roll')).status.availableReplicas).toBe(4);

    expect((await pk('apply', '-f', sb.path('v2.yaml'))).stdout).toBe('deployment.apps/roll configured\n');
    const seen: string[] = [];
    for (let step = 0; step < 12; step++) {
      const pods = (await json('get', 'pods', '-l', 'app=roll')).items.filter((p: any) => !p.metadata.deletionTimestamp);
      const ready = pods.filter((p: any) => p.status.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True'));
      const fresh2 = pods.filter((p: any) => p.spec.containers[0].image === 'nginx:1.28');
      seen.push(`${pods.length}/${ready.length}/${fresh2.length}`);
      expect(pods.length, seen.join(' ')).toBeLessThanOrEqual(5);
      expect(ready.length, seen.join(' ')).toBeGreaterThanOrEqual(4);
      if (fresh2.length === 4 && ready.length === 4 && pods.length === 4) break;
      expect((await pk('cluster', 'advance', '5s')).code).toBe(0);
    }
    expect(seen.at(-1)).toBe('4/4/4');
    expect(seen.length).toBeGreaterThan(2); // the update went through intermediate steps
    const rs = (await json('get', 'rs')).items.map((r: any) => [r.spec.template.spec.containers[0].image, r.spec.replicas]).sort();
    expect(rs).toEqual([['nginx:1.27', 0], ['nginx:1.28', 4]]);
    expect((await pk('rollout', 'status', 'deploy/roll')).stdout).toBe('deployment "roll" successfully rolled out\n');
  });

  it('a crash-looping pod shows CrashLoopBackOff with RESTARTS growing as cluster advance moves time', async () => {
    fresh();
    writeFileSync(sb.path('crasher.yaml'), `apiVersion: v1
kind: Pod
metadata:
  name: crasher
  annotations: {pocketkube.io/crash-after: 1s}
spec:
  containers: [{name: app, image: busybox:1.36}]
`);
    expect((await pk('apply', '-f', sb.path('crasher.yaml'))).code).toBe(0);
    const restarts: number[] = [];
    let backOff = 0;
    for (const step of ['5s', '30s', '1m', '2m', '5m']) {
      expect((await pk('cluster', 'advance', step)).code).toBe(0);
      const row = (await pk('get', 'pod', 'crasher', '--no-headers')).stdout.trim().split(/\s{2,}/);
      const status = (await json('get', 'pod', 'crasher')).status.containerStatuses[0];
      restarts.push(status.restartCount);
      expect(row[3]).toEqual(status.restartCount === 0 ? '0' : expect.stringMatching(new RegExp(`^${status.restartCount} \\(\\d+[sm]\\d*s? ago\\)$`)));
      if (row[2] === 'CrashLoopBackOff') {
        backOff++;
        expect(status.state.waiting.reason).toBe('CrashLoopBackOff');
        expect(status.state.waiting.message).toMatch(/^back-off \S+ restarting failed container=app pod=crasher_default\(/);
        expect(status.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
      }
    }
    expect(backOff).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < restarts.length; i++) expect(restarts[i], restarts.join(',')).toBeGreaterThan(restarts[i - 1]!);
    const events = await pk('get', 'events', '--field-selector', 'involvedObject.name=crasher,reason=BackOff');
    expect(events.stdout).toMatch(/Warning\s+BackOff\s+pod\/crasher\s+Back-off restarting failed container app in pod crasher_default\(/);
  });

  it('a Deployment whose pod asks for more memory than any node has stays 0/1 with the exact FailedScheduling message', async () => {
    fresh();
    expect((await pk('create', 'deployment', 'big', '--image=nginx:1.27')).code).toBe(0);
    expect((await pk('set', 'resources', 'deploy/big', '--requests=memory=64Gi')).code).toBe(0);
    const msg = '0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
    const pods = (await json('get', 'pods', '-l', 'app=big')).items.filter((p: any) => p.spec.containers[0].resources?.requests?.memory === '64Gi');
    expect(pods).toHaveLength(1);
    expect(pods[0].status.phase).toBe('Pending');
    expect(pods[0].status.conditions).toContainEqual(expect.objectContaining({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: msg }));
    const described = (await pk('describe', 'pod', pods[0].metadata.name)).stdout;
    expect(described).toMatch(new RegExp(`Warning\\s+FailedScheduling\\s+\\S+\\s+default-scheduler\\s+${msg.replace(/[.()]/g, '\\$&')}`));
    // the old pod keeps serving: maxUnavailable 25% of 1 rounds down to 0
    expect((await pk('get', 'deploy', 'big', '--no-headers')).stdout).toMatch(/^big\s+1\/1\s+1\s+1\s/);
  });
});
