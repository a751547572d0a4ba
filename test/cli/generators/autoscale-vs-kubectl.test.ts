import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { KubeObject } from '../../../src/api/types.js';
import { FakeApiServer, SKIP_MESSAGE, asPocketkube, both, hasKubectl, kubectl, pocketkube } from './kubectl-oracle.js';

/**
 * `autoscale` byte for byte against kubectl 1.32 (stdout, stderr, exit code). kubectl reads the
 * target from a fake API server that holds the very objects pocketkube's cluster holds. For the
 * server paths (`--dry-run=server`, a real create) the fake server answers kubectl's create with
 * the object pocketkube printed, so what is compared is the printing of the autoscaling/v1 answer.
 */
const dir = mkdtempSync(join(tmpdir(), 'pk-autoscale-'));
const state = join(dir, 'st');
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const template = (app: string) => `selector: {matchLabels: {app: ${app}}}\n  template:\n    metadata: {labels: {app: ${app}}}\n    spec: {containers: [{name: c, image: nginx}]}`;
const OBJECTS = file('objects.yaml', `apiVersion: v1
kind: Namespace
metadata: {name: team}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  ${template('web')}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: team}
spec:
  ${template('web')}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs}
spec:
  ${template('rs')}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: ss}
spec:
  serviceName: ss
  ${template('ss')}
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec: {containers: [{name: p, image: nginx}]}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cm}
`);
const MIXED = file('mixed.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: ss, namespace: default}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n');
const OTHER_NS = file('other.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: gone, namespace: other}\n');
const EMPTY = file('empty.yaml', '# nothing\n');

/** Run with `--dry-run=client` and `-o yaml`, `-o json` and the plain line. */
const CASES: string[][] = [
  ['deployment', 'web', '--min=2', '--max=5', '--cpu-percent=80'],
  ['deploy/web', '--max=3'],
  ['deploy/web', '--max=3', '--min=0', '--cpu-percent=0'],
  ['deploy/web', '--max=3', '--min=-7', '--cpu-percent=-2'],
  ['deploy/web', '--max=3', '--min=3'],
  ['rs', 'rs', '--max=3', '--name=x'],
  ['sts', 'ss', '--max=4', '--cpu-percent=50'],
  ['statefulset/ss', '--max=0x10', '--min=010'],
  ['deploy/web', '-n', 'team', '--max=2'],
  ['deploy/web', '--max=3', '--save-config'],
  ['deploy', 'web', 'web', '--max=3'],
  ['deploy/web', 'rs/rs', '--max=3', '--name=same'],
  ['-f', MIXED, '--max=3'],
  ['-f', OTHER_NS, '--max=3'],
  ['-f', OTHER_NS, '--max=3', '-n', 'team'],
  ['-f', EMPTY, '--max=3'],
  ['-f', join(dir, 'missing.yaml'), '--max=3'],
  ['-f', MIXED, 'deploy/web', '--max=3'],
  ['-f', MIXED, 'deploy', 'web', '--max=3'],
  ['deploy/web', '--max=0'],
  ['deploy/web', '--max=-1'],
  ['deploy/web', '--max=3', '--min=5'],
  ['deploy/web', '--max=abc'],
  ['deploy/web', '--max=2147483648'],
  ['deploy/web', '--max=3', '--cpu-percent=1.5'],
  ['cm', 'cm', '--max=3'],
  ['pod', 'p', '--max=3'],
  ['cm/cm', 'deploy/web', '--max=2'],
  ['deploy/nope', '--max=3'],
  ['deploy', 'nope', 'web', '--max=3'],
  ['foo/web', '--max=3'],
  ['deploy', '--max=3'],
  ['--max=3'],
];

/** Run as they are. */
const EXACT: string[][] = [
  ['deploy/web', '--max=3', '--dry-run=client', '-o', 'name'],
  ['deploy/web', '--max=3', '--dry-run=client', '-o', 'jsonpath={.spec}'],
  ['deploy/web', '--max=3', '--dry-run=client', '-o', 'jsonpath', '--template={.kind} {.spec.maxReplicas}'],
  ['deploy/web', '--max=3', '--dry-run=client', '--show-managed-fields', '-o', 'yaml'],
  ['deploy/web', '--max=3', '--dry-run=client', '--field-manager=x'],
  ['deploy/web', '--max=3', '--dry-run=client', '-o', 'wide'],
  ['deploy/web', 'deploy/web', '--max=3', '--dry-run=client', '-o', 'wide'],
  ['deploy/nope', '--max=3', '--dry-run=client', '-o', 'wide'],
  ['deploy/web', '--max=3', '--dry-run=bogus', '--min=9'],
  ['deploy/web', '--max=0', '--dry-run=bogus'],
];

/** Through the server: `--dry-run=server` and a real create, each printed every way. */
const SERVER_CASES: string[][] = [
  ['deployment', 'web', '--min=2', '--max=5', '--cpu-percent=80'],
  ['deploy/web', '--max=3', '--save-config'],
  ['sts', 'ss', '--max=4', '-n', 'default'],
];
const SERVER_FORMATS = [['-o', 'yaml'], ['-o', 'json'], ['-o', 'name'], [], ['-o', 'jsonpath={.spec.targetCPUUtilizationPercentage}']];

const api = new FakeApiServer();

async function servedObjects(): Promise<KubeObject[]> {
  const out: KubeObject[] = [];
  for (const type of ['deploy', 'rs', 'sts', 'pod', 'cm']) {
    out.push(...(JSON.parse((await pocketkube(state, ['get', type, '-A', '-o', 'json'])).stdout) as { items: KubeObject[] }).items);
  }
  return out;
}

// without kubectl the comparisons are skipped, under a title that says why
describe.skipIf(!hasKubectl)(hasKubectl ? 'autoscale matches kubectl byte for byte' : `autoscale vs kubectl: ${SKIP_MESSAGE}`, { timeout: 600_000 }, () => {
  let objects: KubeObject[] = [];
  beforeAll(async () => {
    expect((await pocketkube(state, ['cluster', 'create', 'oracle'])).code).toBe(0);
    expect((await pocketkube(state, ['create', '-f', OBJECTS])).stderr).toBe('');
    objects = await servedObjects();
    for (const obj of objects) api.put(obj);
    await api.start();
  });
  afterAll(() => api.stop());

  const formats = (args: string[]) => [[...args, '--dry-run=client', '-o', 'yaml'], [...args, '--dry-run=client', '-o', 'json'], [...args, '--dry-run=client']];
  for (const args of CASES) {
    it.concurrent(['autoscale', ...args].join(' '), async () => {
      for (const argv of formats(['autoscale', ...args])) {
        const [got, want] = await both(state, api.kubeconfig, argv);
        expect({ argv, ...got }).toEqual({ argv, ...want, stderr: asPocketkube(want.stderr) });
      }
    });
  }
  for (const args of EXACT) {
    it.concurrent(['autoscale', ...args].join(' '), async () => {
      const [got, want] = await both(state, api.kubeconfig, ['autoscale', ...args]);
      expect(got).toEqual({ ...want, stderr: asPocketkube(want.stderr) });
    });
  }

  // kubectl prints cobra's missing-flag error through klog (`E1205 22:31:55.065170 22228 run.go:72] "command failed" err=…`)
  it.concurrent('autoscale deploy/web (no --max): the same error, without klog\'s time and pid', async () => {
    const [got, want] = await both(state, api.kubeconfig, ['autoscale', 'deploy/web']);
    expect(want.stderr).toMatch(/^E\d{4} [\d:.]+ +\d+ run\.go:\d+\] "command failed" err="required flag\(s\) \\"max\\" not set"\n$/);
    expect(got).toEqual({ stdout: want.stdout, stderr: 'error: required flag(s) "max" not set\n', code: want.code });
  });

  for (const args of SERVER_CASES) {
    for (const dryRun of ['--dry-run=server', '']) {
      it.concurrent(['autoscale', ...args, dryRun].join(' '), async () => {
        // a server of its own, to answer this case's creates
        const server = new FakeApiServer();
        for (const obj of objects) server.put(obj);
        await server.start();
        try {
          let answer: KubeObject | undefined;
          for (const [i, format] of SERVER_FORMATS.entries()) {
            const name = `${args[0].replace(/\W/g, '')}-${args.length}-${dryRun ? 'dry' : 'real'}-${i}`;
            const argv = ['autoscale', ...args, `--name=${name}`, ...(dryRun ? [dryRun] : []), ...format];
            const got = await pocketkube(state, argv);
            expect(got).toMatchObject({ stderr: '', code: 0 });
            // what pocketkube's server answered, as pocketkube printed it (the v1 object); the other
            // formats are answered with the last such object under this name
            if (format[1] === 'yaml' || format[1] === 'json') answer = parse(got.stdout) as KubeObject;
            server.answerCreates({ ...answer!, metadata: { ...answer!.metadata, name } });
            const want = await kubectl(argv, server.kubeconfig);
            expect({ argv, ...got }).toEqual({ argv, ...want });
          }
        } finally {
          await server.stop();
        }
      });
    }
  }
});
