import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, CliSandbox } from './cli-runner.js';
import { runAsync } from './settle.js';

/** The simulated data plane through the built CLI (`npm run build` first): pods start, print logs, wait on config. */
let sb: CliSandbox;

const pk = (...args: string[]): Promise<CliResult> => runAsync(sb, args);

const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    pocketkube.io/logs: |
      listening on :80
      ready
spec:
  nodeName: pocketkube-node-2
  containers:
  - {name: nginx, image: "nginx:1.27"}
  - {name: side, image: busybox}
---
apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  nodeName: pocketkube-node-1
  containers:
  - name: mysql
    image: mysql:8.0
    env:
    - name: MYSQL_ROOT_PASSWORD
      valueFrom: {secretKeyRef: {name: mysql-pass, key: password}}
`;

beforeAll(() => {
  sb = new CliSandbox('pk-kubelet-');
  writeFileSync(sb.path('pods.yaml'), MANIFEST);
});
afterAll(() => sb.dispose());

describe('kubelet end to end', () => {
  it('runs bound pods, waits on a missing Secret, and prints logs', async () => {
    expect((await pk('apply', '-f', sb.path('pods.yaml'))).code).toBe(0);
    const get = await pk('get', 'pods', '-o', 'wide');
    expect(get.stdout).toMatch(/^db\s+0\/1\s+CreateContainerConfigError\s+0\s+\S+\s+10\.244\.1\.2\s+pocketkube-node-1/m);
    expect(get.stdout).toMatch(/^web\s+2\/2\s+Running\s+0\s+\S+\s+10\.244\.2\.2\s+pocketkube-node-2/m);

    const logs = await pk('logs', 'web');
    expect(logs.stdout).toBe('listening on :80\nready\n');
    expect(logs.stderr).toBe('Defaulted container "nginx" out of: nginx, side\n');
    expect((await pk('logs', 'web', '-c', 'side', '--tail', '1')).stdout).toBe('ready\n');
    const prev = await pk('logs', 'web', '-c', 'nginx', '--previous');
    expect(prev.code).toBe(1);
    expect(prev.stderr).toBe('Error from server (BadRequest): previous terminated container "nginx" in pod "web" not found\n');
    const waiting = await pk('logs', 'db');
    expect(waiting.stderr).toBe('Error from server (BadRequest): container "mysql" in pod "db" is waiting to start: CreateContainerConfigError\n');

    writeFileSync(sb.path('secret.yaml'), 'apiVersion: v1\nkind: Secret\nmetadata: {name: mysql-pass}\nstringData: {password: x}\n');
    expect((await pk('apply', '-f', sb.path('secret.yaml'))).code).toBe(0);
    expect((await pk('get', 'pod', 'db')).stdout).toMatch(/^db\s+1\/1\s+Running\s+0\s/m);
  });
});
