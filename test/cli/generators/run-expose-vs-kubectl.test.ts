import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/api/types.js';
import { FakeApiServer, SKIP_MESSAGE, asPocketkube, both, hasKubectl, pocketkube } from './kubectl-oracle.js';

/**
 * `run` and `expose` with `--dry-run=client`, byte for byte against kubectl 1.32. kubectl needs an
 * API server: the fake one serves discovery and, for expose, the very objects pocketkube's cluster
 * holds (read back with `get -o json`).
 */
const RUN_CASES: string[][] = [
  ['run', 'nginx', '--image=nginx'],
  ['run', 'nginx', '--image=nginx', '-n', 'team'],
  ['run', 'nginx', '--image=nginx', '--restart=Never', '--env=A=1', '--env=B=x=y', '--labels=b=2,a=1', '--port=80'],
  ['run', 'n', '--image=nginx', '--annotations=x=y', '--image-pull-policy=IfNotPresent', '--privileged'],
  ['run', 'n', '--image=nginx', '--port=0'],
  ['run', 'n', '--image=nginx', '--port=-5'],
  ['run', 'n', '--image=nginx', '--restart=Bad'],
  ['run', 'n', '--image=nginx', '--image-pull-policy=x'],
  ['run', 'n', '--image=nginx', '--env=1=2'],
  ['run', 'n', '--image=nginx', '--labels=bad'],
  ['run', 'n', '--image=nginx', '--annotations=x'],
  ['run', 'n', '--image=nginx', '--port=abc'],
  ['run', 'nginx', '--image=nginx', '--port=80', '--expose'],
  ['run', 'nginx', '--image=nginx', '--port=8080', '--expose', '--labels=app=x,b=c', '-n', 'x'],
  ['run', 'nginx', '--image=nginx', '--port=80', '--expose=false'],
  ['run', 'nginx', '--image=nginx', '--expose'],
];
const RUN_DASH_CASES: string[][] = [
  ['run', 'nginx', '--image=nginx', '--dry-run=client', '-o', 'yaml', '--', 'sleep', '10'],
  ['run', 'nginx', '--image=nginx', '--command', '--dry-run=client', '-o', 'json', '--', 'sh', '-c', 'echo hi'],
];

const OBJECTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web, tier: front}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx
        ports: [{containerPort: 80}, {containerPort: 443, name: https}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: noports}
spec:
  selector: {matchLabels: {app: np}}
  template:
    metadata: {labels: {app: np}}
    spec: {containers: [{name: box, image: nginx}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: exprs}
spec:
  selector:
    matchLabels: {app: ex}
    matchExpressions: [{key: tier, operator: In, values: [a, b]}]
  template:
    metadata: {labels: {app: ex, tier: a}}
    spec: {containers: [{name: box, image: nginx, ports: [{containerPort: 80}]}]}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs}
spec:
  selector: {matchLabels: {app: rs}}
  template:
    metadata: {labels: {app: rs}}
    spec: {containers: [{name: box, image: nginx, ports: [{containerPort: 80}, {containerPort: 53, protocol: UDP}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: p, labels: {run: p}}
spec: {containers: [{name: p, image: nginx, ports: [{containerPort: 8080, protocol: UDP}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: s, labels: {app: s}}
spec:
  selector: {app: s}
  ports: [{name: http, port: 80, targetPort: 8080}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cm}
`;

const EXPOSE_CASES: string[][] = [
  ['expose', 'deploy/web'],
  ['expose', 'deployment', 'web', '--port=8080', '--target-port=80', '--type=NodePort', '--name=w2'],
  ['expose', 'deploy/web', '--target-port=http', '--port=80'],
  ['expose', 'deploy/web', '--port=80', '--cluster-ip=None', '--external-ip=1.2.3.4', '--labels=x=y', '--selector=a=b', '--session-affinity=ClientIP'],
  ['expose', 'deploy/web', '--port=80', '--type=LoadBalancer', '--load-balancer-ip=1.1.1.1'],
  ['expose', 'deploy/web', '-n', 'default', '--port=80'],
  ['expose', 'deploy/noports'],
  ['expose', 'deploy/exprs'],
  ['expose', 'rs', 'rs'],
  ['expose', 'rs', 'rs', '--protocol=SCTP'],
  ['expose', 'rs', 'rs', '--port=80', '--protocol=UDP'],
  ['expose', 'pod', 'p'],
  ['expose', 'pod', 'p', '--port=80'],
  ['expose', 'svc', 's', '--port=90'],
  ['expose', 'svc', 's'],
  ['expose', 'deploy/web', '--session-affinity=x', '--port=1'],
  ['expose', 'deploy/web', '--port=abc'],
  ['expose', 'cm', 'cm', '--port=80'],
];

const api = new FakeApiServer();
const state = mkdtempSync(join(tmpdir(), 'pk-run-expose-'));

// without kubectl the comparisons are skipped, under a title that says why
describe.skipIf(!hasKubectl)(hasKubectl ? 'run and expose match kubectl byte for byte' : `run and expose vs kubectl: ${SKIP_MESSAGE}`, { timeout: 600_000 }, () => {
  beforeAll(async () => {
    await api.start();
    const file = join(state, 'objects.yaml');
    writeFileSync(file, OBJECTS);
    const created = await pocketkube(join(state, 'st'), ['create', '-f', file]);
    expect(created.stderr).toBe('');
    for (const type of ['deploy', 'rs', 'pod', 'svc', 'cm']) {
      const list = JSON.parse((await pocketkube(join(state, 'st'), ['get', type, '-o', 'json'])).stdout) as { items: KubeObject[] };
      for (const obj of list.items) api.put(obj);
    }
  });
  afterAll(() => api.stop());

  const formats = (args: string[]) => [[...args, '--dry-run=client', '-o', 'yaml'], [...args, '--dry-run=client', '-o', 'json'], [...args, '--dry-run=client']];
  for (const args of [...RUN_CASES, ...EXPOSE_CASES]) {
    it.concurrent(args.join(' '), async () => {
      for (const argv of formats(args)) {
        const [got, want] = await both(join(state, 'st'), api.kubeconfig, argv);
        expect({ argv, ...got }).toEqual({ argv, ...want, stderr: asPocketkube(want.stderr) });
      }
    });
  }
  for (const argv of RUN_DASH_CASES) {
    it.concurrent(argv.join(' '), async () => {
      const [got, want] = await both(join(state, 'st'), api.kubeconfig, argv);
      expect(got).toEqual({ ...want, stderr: asPocketkube(want.stderr) });
    });
  }
});
