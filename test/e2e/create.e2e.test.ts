import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CliSandbox } from './cli-runner.js';

/** Imperative creation through the built CLI: create <generator>, run, expose, and their errors. */
const sb = new CliSandbox('pk-create-');
afterAll(() => sb.dispose());
const pk = (...args: string[]) => sb.run(args);

describe('imperative create end to end', { timeout: 120_000 }, () => {
  it('creates with the generators and prints kubectl lines', () => {
    expect(pk('create', 'deployment', 'web', '--image=nginx', '--replicas=2', '--port=80')).toEqual({ stdout: 'deployment.apps/web created\n', stderr: '', code: 0 });
    expect(pk('create', 'namespace', 'shop').stdout).toBe('namespace/shop created\n');
    expect(pk('create', 'configmap', 'cfg', '-n', 'shop', '--from-literal=a=1').stdout).toBe('configmap/cfg created\n');
    expect(pk('create', 'secret', 'generic', 'pw', '--from-literal=p=s3cret').stdout).toBe('secret/pw created\n');
    expect(pk('create', 'service', 'clusterip', 'web', '--tcp=80:8080').stdout).toBe('service/web created\n');
    expect(pk('create', 'sa', 'robot').stdout).toBe('serviceaccount/robot created\n');
    expect(pk('create', 'cronjob', 'tick', '--image=busybox', '--schedule=*/5 * * * *').stdout).toBe('cronjob.batch/tick created\n');
    expect(pk('create', 'job', 'once', '--from=cronjob/tick').stdout).toBe('job.batch/once created\n');
    const job = JSON.parse(pk('get', 'job', 'once', '-o', 'json').stdout);
    expect(job.metadata.annotations['cronjob.kubernetes.io/instantiate']).toBe('manual');
    expect(job.metadata.ownerReferences[0]).toMatchObject({ kind: 'CronJob', name: 'tick', controller: true });
    const cm = JSON.parse(pk('get', 'cm', 'cfg', '-n', 'shop', '-o', 'json').stdout);
    expect(cm.data).toEqual({ a: '1' });
    const secret = JSON.parse(pk('get', 'secret', 'pw', '-o', 'json').stdout);
    expect(secret.data).toEqual({ p: Buffer.from('s3cret').toString('base64') });
  });

  it('wraps server errors as kubectl does', () => {
    expect(pk('create', 'deployment', 'web', '--image=nginx')).toEqual({
      stdout: '',
      stderr: 'error: failed to create deployment: deployments.apps "web" already exists\n',
      code: 1,
    });
    expect(pk('create', 'namespace', 'shop').stderr).toBe('Error from server (AlreadyExists): namespaces "shop" already exists\n');
    expect(pk('create', 'secret', 'generic', 'pw').stderr).toBe('error: failed to create secret secrets "pw" already exists\n');
    expect(pk('create', 'service', 'nodeport', 'web', '--tcp=80').stderr).toBe('error: failed to create NodePort service: services "web" already exists\n');
    expect(pk('create', 'configmap', 'x', '-n', 'nowhere').stderr).toBe('error: failed to create configmap: namespaces "nowhere" not found\n');
  });

  it('runs a pod and exposes a deployment', () => {
    expect(pk('run', 'nginx', '--image=nginx', '--restart=Never', '--env=A=1', '--', 'sleep', '10').stdout).toBe('pod/nginx created\n');
    const pod = JSON.parse(pk('get', 'pod', 'nginx', '-o', 'json').stdout);
    expect(pod.spec.containers[0]).toMatchObject({ args: ['sleep', '10'], env: [{ name: 'A', value: '1' }] });
    expect(pod.metadata.labels).toEqual({ run: 'nginx' });
    expect(pk('run', 'nginx', '--image=nginx').stderr).toBe('Error from server (AlreadyExists): pods "nginx" already exists\n');
    expect(pk('expose', 'deploy/web', '--port=8080', '--target-port=80', '--name=web-ext', '--type=NodePort').stdout).toBe('service/web-ext exposed\n');
    const svc = JSON.parse(pk('get', 'svc', 'web-ext', '-o', 'json').stdout);
    expect(svc.spec).toMatchObject({ type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 8080, targetPort: 80, protocol: 'TCP' }] });
    expect(pk('expose', 'pod', 'nginx', '--port=80', '--dry-run=client').stdout).toBe('service/nginx exposed (dry run)\n');
    expect(pk('expose', 'deploy', 'nope', '--port=80')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', code: 1 });
    expect(pk('expose', 'cm', 'cfg', '-n', 'shop', '--port=80').stderr).toBe('error: cannot expose a ConfigMap\n');
    writeFileSync(sb.path('web-only.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n');
    expect(pk('expose', '-f', sb.path('web-only.yaml'), '--port=80', '--name=web-file')).toMatchObject({ stdout: 'service/web-file exposed\n', code: 0 });
    expect(JSON.parse(pk('get', 'svc', 'web-file', '-o', 'json').stdout).spec.selector).toEqual({ app: 'web' });
  });

  it('server dry runs create nothing', () => {
    expect(pk('create', 'deployment', 'ghost', '--image=nginx', '--dry-run=server').stdout).toBe('deployment.apps/ghost created (server dry run)\n');
    expect(pk('get', 'deployment', 'ghost').code).toBe(1);
  });

  it('keeps create -f working beside the subcommands, and lists them in help', () => {
    const file = sb.path('cm.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-file\ndata:\n  k: v\n');
    expect(pk('create', '-f', file).stdout).toBe('configmap/from-file created\n');
    const help = pk('create', '--help').stdout;
    for (const sub of ['create deployment', 'create configmap', 'create job', 'create cronjob', 'create namespace', 'create serviceaccount']) expect(help).toContain(`  ${sub} `);
    expect(help).toContain('create secret   Create a secret using specified subcommand');
    expect(help).toContain('create service  Create a service using a specified subcommand');
    const secretHelp = pk('create', 'secret', '--help').stdout;
    for (const sub of ['generic', 'tls', 'docker-registry']) expect(secretHelp).toContain(`create secret ${sub}`);
  });
});
