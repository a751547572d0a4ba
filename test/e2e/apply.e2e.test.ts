import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliSandbox } from './cli-runner.js';
import { webDeployment } from './manifests.js';

import { CORPUS } from './corpus-path.js';
const sb = new CliSandbox('pk-apply-');
afterAll(() => sb.dispose());

describe('apply', () => {
  it('creates, leaves unchanged, configures', () => {
    const file = sb.path('web.yaml');
    writeFileSync(file, webDeployment(2));
    expect(sb.run(['apply', '-f', file])).toMatchObject({ stdout: 'deployment.apps/web created\n', stderr: '', code: 0 });
    expect(sb.run(['apply', '-f', file])).toMatchObject({ stdout: 'deployment.apps/web unchanged\n', code: 0 });
    writeFileSync(file, webDeployment(3));
    expect(sb.run(['apply', '-f', file])).toMatchObject({ stdout: 'deployment.apps/web configured\n', code: 0 });
    const live = JSON.parse(sb.run(['get', 'deployment', 'web', '-o', 'json']).stdout);
    expect(live.spec.replicas).toBe(3);
    expect(live.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toMatch(/^\{"apiVersion":"apps\/v1","kind":"Deployment","metadata":\{"annotations":\{\},"name":"web","namespace":"default"\},"spec":\{"replicas":3,/);
  });

  it('prints dry runs and -o name without writing', () => {
    const file = sb.path('dry.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dry\ndata: {a: "1"}\n');
    expect(sb.run(['apply', '-f', file, '--dry-run=client']).stdout).toBe('configmap/dry created (dry run)\n');
    expect(sb.run(['apply', '-f', file, '--dry-run=server']).stdout).toBe('configmap/dry created (server dry run)\n');
    expect(sb.run(['get', 'configmap', 'dry']).stderr).toBe('Error from server (NotFound): configmaps "dry" not found\n');
    expect(sb.run(['apply', '-f', file, '-o', 'name']).stdout).toBe('configmap/dry\n');
  });

  it('reads standard input and prints -o yaml', () => {
    const res = sb.run(['apply', '-f', '-', '-o', 'yaml'], 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: piped}\ndata: {k: v}');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^apiVersion: v1\ndata:\n  k: v\nkind: ConfigMap\nmetadata:\n/);
  });

  it('applies the other documents when one fails, then exits 1', () => {
    const file = sb.path('mixed.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lost, namespace: nope}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: kept}\n');
    const res = sb.run(['apply', '-f', file]);
    expect(res).toMatchObject({ stdout: 'configmap/kept created\n', code: 1 });
    expect(res.stderr).toBe(`Error from server (NotFound): error when creating "${file}": namespaces "nope" not found\n`);
  });

  it('shows validation errors the kubectl way and writes nothing', () => {
    const file = sb.path('invalid.yaml');
    writeFileSync(file, webDeployment(1).replace('labels: {app: web}\n    spec', 'labels: {app: other}\n    spec').replace('name: web\nspec', 'name: broken\nspec'));
    const res = sb.run(['apply', '-f', file]);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe('The Deployment "broken" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`\n');
    expect(sb.run(['get', 'deployment', 'broken']).code).toBe(1);
  });

  it('--validate: strict refuses an unknown field, warn and ignore store the object without it', () => {
    const file = sb.path('typo.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: typo}\ndata: {a: "1"}\ndatta: {b: "2"}\n');
    const strict = sb.run(['apply', '-f', file]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe(`Error from server (BadRequest): error when creating "${file}": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "datta"\n`);
    expect(sb.run(['apply', '-f', file, '--validate=warn'])).toMatchObject({ stdout: 'configmap/typo created\n', stderr: 'Warning: unknown field "datta"\n', code: 0 });
    expect(JSON.parse(sb.run(['get', 'cm', 'typo', '-o', 'json']).stdout).datta).toBeUndefined();
    expect(sb.run(['delete', 'cm', 'typo']).code).toBe(0);
    expect(sb.run(['create', '-f', file, '--validate=false'])).toMatchObject({ stdout: 'configmap/typo created\n', stderr: '', code: 0 });
    expect(sb.run(['replace', '-f', file, '--validate=ignore'])).toMatchObject({ stdout: 'configmap/typo replaced\n', stderr: '', code: 0 });
    expect(sb.run(['apply', '-f', file, '--validate=maybe'])).toMatchObject({
      code: 1, stderr: 'error: invalid - validate option "maybe"; must be one of: strict (or true), warn, ignore (or false)\n',
    });
  });

  it('rejects a namespace that differs from -n', () => {
    const file = sb.path('ns.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: kube-system}\n');
    const res = sb.run(['-n', 'default', 'apply', '-f', file]);
    expect(res).toMatchObject({ stdout: '', code: 1 });
    expect(res.stderr).toBe(`error: the namespace from the provided object "kube-system" does not match the namespace "default". You must pass '--namespace=kube-system' to perform this operation.\n`);
  });

  it('applies the whole corpus directory, and again unchanged for objects the server does not rewrite', () => {
    const res = sb.run(['apply', '-f', CORPUS]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('deployment.apps/frontend created\n');
    expect(res.stdout).toContain('storageclass.storage.k8s.io/fast created\n');
    expect(res.stdout).toContain('cronjob.batch/hello created\n');
    const again = sb.run(['apply', '-f', join(CORPUS, 'microservices-demo__release_kubernetes-manifests.yaml')]);
    expect(again.stdout.split('\n').filter(Boolean).every((l) => l.endsWith(' unchanged'))).toBe(true);
  });

  it('rejects the legacy CronJob and goes on with -R over the rest', () => {
    const res = sb.run(['apply', '-R', '-f', join(CORPUS, 'legacy')]);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(
      `error: resource mapping not found for name: "hello" namespace: "" from "${join(CORPUS, 'legacy', 'website__content_en_examples_application_job_cronjob.yaml')}": no matches for kind "CronJob" in version "batch/v1beta1"\nensure CRDs are installed first\n`,
    );
  });
});

describe('create -f', () => {
  it('creates, then reports AlreadyExists with the file name', () => {
    const file = sb.path('create.yaml');
    writeFileSync(file, webDeployment(1).replace('name: web\nspec', 'name: made\nspec'));
    expect(sb.run(['create', '-f', file])).toMatchObject({ stdout: 'deployment.apps/made created\n', code: 0 });
    const res = sb.run(['create', '-f', file]);
    expect(res).toMatchObject({ stdout: '', code: 1 });
    expect(res.stderr).toBe(`Error from server (AlreadyExists): error when creating "${file}": deployments.apps "made" already exists\n`);
  });
});
