import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CliSandbox } from './cli-runner.js';

/** `diff -f` exit codes, file layout and KUBECTL_EXTERNAL_DIFF; `apply --prune -l`. */
const sb = new CliSandbox('pk-diff-');
afterAll(() => sb.dispose());
const pk = (...args: string[]) => sb.run(args);

const deployment = (replicas: number, name = 'web', group = 'shop') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  labels:\n    app: ${group}\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n`;
const configMap = (name: string, group = 'shop') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  labels:\n    app: ${group}\ndata:\n  k: v\n`;

function withEnv<T>(name: string, value: string, fn: () => T): T {
  const old = process.env[name];
  process.env[name] = value;
  try {
    return fn();
  } finally {
    if (old === undefined) delete process.env[name];
    else process.env[name] = old;
  }
}

describe('diff', { timeout: 120_000 }, () => {
  it('exits 1 with a unified diff for a new object, 0 once applied, 1 after a change', () => {
    const file = sb.path('web.yaml');
    writeFileSync(file, deployment(2));
    const fresh = pk('diff', '-f', file);
    expect(fresh.code).toBe(1);
    expect(fresh.stdout).toMatch(/^diff -u -N \/\S+\/LIVE-\S+\/apps\.v1\.Deployment\.default\.web \/\S+\/MERGED-\S+\/apps\.v1\.Deployment\.default\.web\n/);
    expect(fresh.stdout).toContain('+  replicas: 2\n');
    expect(fresh.stdout).not.toContain('managedFields');

    expect(pk('apply', '-f', file).stdout).toBe('deployment.apps/web created\n');
    expect(pk('diff', '-f', file)).toEqual({ stdout: '', stderr: '', code: 0 });

    writeFileSync(file, deployment(5));
    const changed = pk('diff', '-f', file);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('-  replicas: 2\n+  replicas: 5\n');
    expect(changed.stdout).toContain('-  generation: 1\n+  generation: 2\n');
    // Nothing was written by diff.
    expect(JSON.parse(pk('get', 'deploy', 'web', '-o', 'json').stdout).spec.replicas).toBe(2);
  });

  it('passes the external diff program both directories and its exit code', () => {
    const script = sb.path('mydiff.sh');
    const log = sb.path('mydiff.log');
    writeFileSync(script, `#!/bin/sh\necho "$@" > ${log}\nls "$3" >> ${log}\nexit 3\n`);
    chmodSync(script, 0o755);
    const file = sb.path('cm.yaml');
    writeFileSync(file, configMap('cfg'));
    const res = withEnv('KUBECTL_EXTERNAL_DIFF', `${script} --keep $dropped`, () => pk('diff', '-f', file));
    expect(res.code).toBe(3);
    const [args, listing] = readFileSync(log, 'utf8').split('\n');
    expect(args).toMatch(/^--keep \S+\/LIVE-\S+ \S+\/MERGED-\S+$/);
    expect(listing).toBe('v1.ConfigMap.default.cfg');
  });

  it('masks secret data and exits 2 on errors', () => {
    const secret = sb.path('secret.yaml');
    writeFileSync(secret, 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: pw\ndata:\n  p: c2VjcmV0\n');
    const res = pk('diff', '-f', secret);
    expect(res.stdout).toContain("+  p: '***'\n");
    // Only data/stringData are masked (the last-applied annotation is shown as it is, as kubectl shows it).
    expect(res.stdout).not.toContain('+  p: c2VjcmV0');
    const bad = sb.path('bad.yaml');
    writeFileSync(bad, configMap('x').replace('name: x', 'name: x\n  namespace: nowhere'));
    const failed = pk('diff', '-f', bad);
    expect(failed.code).toBe(2);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toMatch(/^Error from server \(NotFound\): .*namespaces "nowhere" not found\n$/);
    expect(pk('diff', '-f', sb.path('missing.yaml')).code).toBe(2);
  });
});

describe('apply --prune', { timeout: 120_000 }, () => {
  it('deletes labelled, applied objects missing from the manifests', () => {
    const a = sb.path('prune-a.yaml');
    writeFileSync(a, [deployment(1, 'keep', 'prune'), configMap('old-cm', 'prune'), deployment(1, 'old', 'prune')].join('---\n'));
    expect(pk('apply', '-f', a).code).toBe(0);
    // Labelled but created without --save-config: no last-applied annotation, so never pruned.
    const manual = sb.path('manual.yaml');
    writeFileSync(manual, configMap('manual', 'prune'));
    expect(pk('create', '-f', manual).stdout).toBe('configmap/manual created\n');
    writeFileSync(a, deployment(1, 'keep', 'prune'));
    expect(pk('apply', '-f', a, '--prune')).toMatchObject({ code: 1, stderr: expect.stringContaining('all resources selected for prune without explicitly passing --all') });
    expect(pk('apply', '-f', a, '--prune', '-l', 'app=prune', '--dry-run=client').stdout).toBe(
      'deployment.apps/keep unchanged (dry run)\nconfigmap/old-cm pruned (dry run)\ndeployment.apps/old pruned (dry run)\n',
    );
    expect(pk('apply', '-f', a, '--prune', '-l', 'app=prune', '--prune-allowlist=core/v1/ConfigMap').stdout).toBe(
      'deployment.apps/keep unchanged\nconfigmap/old-cm pruned\n',
    );
    expect(pk('apply', '-f', a, '--prune', '-l', 'app=prune').stdout).toBe('deployment.apps/keep unchanged\ndeployment.apps/old pruned\n');
    expect(pk('get', 'deploy', '-l', 'app=prune', '-o', 'name').stdout).toBe('deployment.apps/keep\n');
    expect(pk('get', 'cm', '-l', 'app=prune', '-o', 'name').stdout).toBe('configmap/manual\n');
  });
});
