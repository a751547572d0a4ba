import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox } from './cli-runner.js';
import { runAsync } from './settle.js';

/** `wait` through the built CLI: the cluster keeps running (in wall time) while the command waits. */
const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
`;
const slowPod = (name: string, annotations: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {app: slow}
  annotations: {${annotations}}
spec: {containers: [{name: c, image: nginx}]}
`;

let sb: CliSandbox;
/** Async, so the test worker stays responsive while a command waits. */
const pk = (...args: string[]) => runAsync(sb, args);
const lines = (text: string) => text.trim().split('\n');

beforeAll(() => {
  sb = new CliSandbox('pk-wait-');
  writeFileSync(sb.path('web.yaml'), deployment);
  writeFileSync(sb.path('starting.yaml'), slowPod('starting', 'pocketkube.io/start-delay: 3s'));
  writeFileSync(sb.path('leaving.yaml'), slowPod('leaving', 'pocketkube.io/stop-delay: 20s'));
  writeFileSync(sb.path('late.yaml'), slowPod('late-starter', 'pocketkube.io/start-delay: 10m'));
});
afterAll(() => sb.dispose());

describe('wait', { timeout: 120_000 }, () => {
  it('waits for a deployment to be Available', async () => {
    expect((await pk('apply', '-f', sb.path('web.yaml'))).code).toBe(0);
    const r = await pk('wait', '--for=condition=Available', 'deploy/web', '--timeout=60s');
    expect(r).toEqual({ stdout: 'deployment.apps/web condition met\n', stderr: '', code: 0 });
  });

  it('waits for a pod with a start delay to become Ready', async () => {
    expect((await pk('apply', '-f', sb.path('starting.yaml'))).code).toBe(0);
    const r = await pk('wait', '--for=condition=Ready', 'pod/starting', '--timeout=30s');
    expect(r).toMatchObject({ stdout: 'pod/starting condition met\n', code: 0 });
    expect((await pk('get', 'pod', 'starting', '--no-headers')).stdout).toMatch(/^starting\s+1\/1\s+Running/);
  });

  it('waits on jsonpath values, selectors and --all', async () => {
    expect((await pk('wait', '--for=jsonpath={.status.phase}=Running', 'pod/starting')).stdout).toBe('pod/starting condition met\n');
    const byLabel = await pk('wait', '--for=condition=ready', 'pods', '-l', 'app=web');
    expect(lines(byLabel.stdout)).toHaveLength(2);
    expect(byLabel.stdout).toMatch(/^pod\/web-[a-z0-9]+-[a-z0-9]{5} condition met$/m);
    expect(lines((await pk('wait', '--for=jsonpath={.status.podIP}', 'pods', '--all')).stdout)).toHaveLength(3);
  });

  it('waits for a pod with a stop delay to be deleted', async () => {
    expect((await pk('apply', '-f', sb.path('leaving.yaml'))).code).toBe(0);
    expect((await pk('delete', 'pod', 'leaving', '--wait=false')).code).toBe(0);
    expect((await pk('get', 'pod', 'leaving', '--no-headers')).stdout).toContain('Terminating');
    const r = await pk('wait', '--for=delete', 'pod/leaving', '--timeout=60s');
    expect(r).toMatchObject({ stdout: 'pod/leaving condition met\n', code: 0 });
    expect((await pk('get', 'pod', 'leaving')).code).toBe(1);
    // already gone: nothing to wait for, nothing printed
    expect(await pk('wait', '--for=delete', 'pod/leaving')).toEqual({ stdout: '', stderr: '', code: 0 });
  });

  it('times out with kubectl\'s words and exit code 1', async () => {
    expect((await pk('apply', '-f', sb.path('late.yaml'))).code).toBe(0);
    expect(await pk('wait', '--for=condition=Ready', 'pod/late-starter', '--timeout=2s')).toEqual({
      stdout: '', stderr: 'error: timed out waiting for the condition on pods/late-starter\n', code: 1,
    });
    expect(await pk('wait', '--for=condition=Ready', 'pod/late-starter', '--timeout=0')).toMatchObject({
      stderr: 'error: condition not met for pods/late-starter\n', code: 1,
    });
  });

  it('reports missing objects, empty selections and bad conditions as kubectl does', async () => {
    expect(await pk('wait', '--for=condition=Ready', 'pod/nope')).toMatchObject({ stderr: 'Error from server (NotFound): pods "nope" not found\n', code: 1 });
    expect(await pk('wait', '--for=condition=Ready', 'pods', '-l', 'app=none')).toMatchObject({ stderr: 'error: no matching resources found\n', code: 1 });
    expect(await pk('wait', '--for=ready', 'pod/starting')).toMatchObject({ stderr: 'error: unrecognized condition: "ready"\n', code: 1 });
    expect((await pk('wait', '--for=condition=Ready', 'pods')).stderr).toBe('error: resource(s) were provided, but no name was specified\n');
  });

  it('waits for an object another command creates meanwhile', async () => {
    const waiting = pk('wait', '--for=create', 'configmap/late', '--timeout=45s');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await pk('create', 'configmap', 'late', '--from-literal=a=b')).code).toBe(0);
    expect(await waiting).toMatchObject({ stdout: 'configmap/late condition met\n', code: 0 });
    expect(await pk('wait', '--for=create', 'configmap/never', '--timeout=1s')).toMatchObject({ stderr: 'error: timed out waiting for the condition\n', code: 1 });
  });
});
