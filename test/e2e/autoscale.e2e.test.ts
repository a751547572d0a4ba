import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CliSandbox } from './cli-runner.js';

/** `autoscale` through the built CLI: the HorizontalPodAutoscaler it creates, served as autoscaling/v2, and its errors. */
const sb = new CliSandbox('pk-autoscale-');
afterAll(() => sb.dispose());
const pk = (...args: string[]) => sb.run(args);
const rows = (stdout: string) => stdout.trim().split('\n').map((l) => l.split(/\s{2,}/));

describe('autoscale end to end', { timeout: 120_000 }, () => {
  it('creates an autoscaler for a deployment, which get hpa lists and the controller acts on', () => {
    expect(pk('cluster', 'create', 'x').code).toBe(0);
    expect(pk('create', 'deployment', 'web', '--image=nginx').code).toBe(0);
    expect(pk('autoscale', 'deployment', 'web', '--min=2', '--max=5', '--cpu-percent=80')).toEqual({ stdout: 'horizontalpodautoscaler.autoscaling/web autoscaled\n', stderr: '', code: 0 });
    const hpa = JSON.parse(pk('get', 'hpa', 'web', '-o', 'json').stdout);
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.metadata.managedFields).toBeUndefined();
    expect(hpa.spec).toEqual({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 2,
      maxReplicas: 5,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
    });
    const table = rows(pk('get', 'hpa').stdout);
    expect(table[0]).toEqual(['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', 'AGE']);
    expect(table[1].slice(0, 5)).toEqual(['web', 'Deployment/web', 'cpu: <unknown>/80%', '2', '5']);
    // below its minimum, the target is scaled up to it
    expect(pk('cluster', 'advance', '30s').code).toBe(0);
    expect(JSON.parse(pk('get', 'deploy', 'web', '-o', 'json').stdout).spec.replicas).toBe(2);
  });

  it('prints what the server made, as kubectl reads it back in autoscaling/v1', () => {
    const out = pk('autoscale', 'deploy/web', '--max=3', '--name=dflt', '-o', 'yaml');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^apiVersion: autoscaling\/v1\nkind: HorizontalPodAutoscaler\nmetadata:\n  creationTimestamp: "[^"]+"\n  generation: 1\n  name: dflt\n  namespace: default\n/);
    // the server's defaults: one replica at least, the CPU target at 80%
    expect(out.stdout).toContain('\nspec:\n  maxReplicas: 3\n  minReplicas: 1\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  targetCPUUtilizationPercentage: 80\nstatus:\n  currentReplicas: 0\n  desiredReplicas: 0\n');
    expect(rows(pk('get', 'hpa', 'dflt').stdout)[1].slice(2, 5)).toEqual(['cpu: <unknown>/80%', '1', '3']);
  });

  it('creates nothing on a dry run', () => {
    expect(pk('autoscale', 'deploy/web', '--max=3', '--name=trial', '--dry-run=server').stdout).toBe('horizontalpodautoscaler.autoscaling/trial autoscaled (server dry run)\n');
    expect(pk('autoscale', 'deploy/web', '--max=3', '--name=trial', '--dry-run=client').stdout).toBe('horizontalpodautoscaler.autoscaling/trial created (dry run)\n');
    expect(pk('get', 'hpa', 'trial')).toMatchObject({ stderr: 'Error from server (NotFound): horizontalpodautoscalers.autoscaling "trial" not found\n', code: 1 });
  });

  it('autoscales what -f names, in the request\'s namespace, and keeps --save-config', () => {
    expect(pk('create', 'namespace', 'team').code).toBe(0);
    const file = sb.path('targets.yaml');
    writeFileSync(file, 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\n---\napiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: rs}\n');
    expect(pk('autoscale', '-f', file, '-n', 'team', '--max=4', '--save-config')).toEqual({
      stdout: 'horizontalpodautoscaler.autoscaling/db autoscaled\nhorizontalpodautoscaler.autoscaling/rs autoscaled\n',
      stderr: '',
      code: 0,
    });
    const db = JSON.parse(pk('get', 'hpa', 'db', '-n', 'team', '-o', 'json').stdout);
    expect(db.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db' });
    expect(JSON.parse(db.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'])).toMatchObject({ apiVersion: 'autoscaling/v1', spec: { maxReplicas: 4 } });
  });

  it('reports kubectl\'s errors and changes nothing', () => {
    expect(pk('autoscale', 'deploy/web', '--max=3')).toEqual({ stdout: '', stderr: 'Error from server (AlreadyExists): horizontalpodautoscalers.autoscaling "web" already exists\n', code: 1 });
    expect(pk('autoscale', 'deploy/web')).toEqual({ stdout: '', stderr: 'error: required flag(s) "max" not set\n', code: 1 });
    expect(pk('autoscale', 'deploy/web', '--max=2', '--min=3', '--name=bad')).toEqual({ stdout: '', stderr: 'error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: 2, min: 3\n', code: 1 });
    expect(pk('create', 'configmap', 'cfg').code).toBe(0);
    expect(pk('autoscale', 'cm/cfg', '--max=2')).toEqual({
      stdout: '',
      stderr: 'error: cannot autoscale a ConfigMap: could not find scale subresource for /v1, Resource=configmaps in discovery information\n',
      code: 1,
    });
    expect(pk('autoscale', 'deploy/nope', '--max=2')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', code: 1 });
    expect(pk('autoscale', 'deploy/web', '--max=2', '--name=Bad_Name').stderr).toMatch(/^The HorizontalPodAutoscaler "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": /);
    expect(rows(pk('get', 'hpa').stdout).map((r) => r[0])).toEqual(['NAME', 'dflt', 'web']);
  });

  it('applies an autoscaling/v1 manifest, stored as v2 and read in either version', () => {
    expect(pk('create', 'namespace', 'v1ns').code).toBe(0);
    const file = sb.path('hpa-v1.yaml');
    const manifest = (cpu: number, max: number) =>
      'apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata: {name: api, namespace: v1ns}\n' +
      `spec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}\n  maxReplicas: ${max}\n  targetCPUUtilizationPercentage: ${cpu}\n`;
    writeFileSync(file, manifest(80, 5));
    expect(pk('apply', '-f', file)).toEqual({ stdout: 'horizontalpodautoscaler.autoscaling/api created\n', stderr: '', code: 0 });
    expect(rows(pk('get', 'hpa', '-n', 'v1ns').stdout)[1].slice(0, 5)).toEqual(['api', 'Deployment/api', 'cpu: <unknown>/80%', '1', '5']);
    const v2 = JSON.parse(pk('get', 'hpa', 'api', '-n', 'v1ns', '-o', 'json').stdout);
    expect(v2.apiVersion).toBe('autoscaling/v2');
    expect(v2.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]);
    const v1 = JSON.parse(pk('get', 'horizontalpodautoscalers.v1.autoscaling', 'api', '-n', 'v1ns', '-o', 'json').stdout);
    expect(v1.apiVersion).toBe('autoscaling/v1');
    expect(v1.spec).toEqual({ scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' }, minReplicas: 1, maxReplicas: 5, targetCPUUtilizationPercentage: 80 });
    // the controller's conditions ride in v1's annotation
    expect(pk('cluster', 'advance', '30s').code).toBe(0);
    const synced = JSON.parse(pk('get', 'hpa.v1.autoscaling', 'api', '-n', 'v1ns', '-o', 'json').stdout);
    expect(JSON.parse(synced.metadata.annotations['autoscaling.alpha.kubernetes.io/conditions'])[0]).toMatchObject({ type: 'AbleToScale' });
    // a changed v1 manifest is patched as v1; the same one again changes nothing
    writeFileSync(file, manifest(60, 7));
    expect(pk('apply', '-f', file).stdout).toBe('horizontalpodautoscaler.autoscaling/api configured\n');
    expect(pk('apply', '-f', file).stdout).toBe('horizontalpodautoscaler.autoscaling/api unchanged\n');
    // diff reads the live object in the manifest's version too: nothing to show
    expect(pk('diff', '-f', file)).toMatchObject({ stdout: '', code: 0 });
    expect(rows(pk('get', 'hpa', '-n', 'v1ns').stdout)[1].slice(2, 5)).toEqual(['cpu: <unknown>/60%', '1', '7']);
    const after = JSON.parse(pk('get', 'hpa', 'api', '-n', 'v1ns', '-o', 'json').stdout);
    expect(after.metadata.annotations['autoscaling.alpha.kubernetes.io/conditions']).toBeUndefined();
    expect(after.status.conditions.length).toBeGreaterThan(0);
  });
});
