import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, CliSandbox } from './cli-runner.js';
import { runAsync } from './settle.js';

/** `auth can-i` / `auth whoami` through the built CLI (`node scripts/build.mjs` first). */
let sb: CliSandbox;
const pk = (...args: string[]): Promise<CliResult> => runAsync(sb, args);
const SA = '--as=system:serviceaccount:default:default';

beforeAll(() => {
  sb = new CliSandbox('pk-auth-');
});
afterAll(() => sb.dispose());

describe('pocketkube auth', () => {
  it('says who the CLI user is, as kind does', async () => {
    const r = await pk('auth', 'whoami');
    expect([r.stdout, r.code]).toEqual(['ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [kubeadm:cluster-admins system:authenticated]\n', 0]);
    const yaml = await pk('auth', 'whoami', '-o', 'yaml', SA);
    expect(yaml.stdout).toBe([
      'apiVersion: authentication.k8s.io/v1', 'kind: SelfSubjectReview', 'metadata:', '  creationTimestamp: null', 'status:', '  userInfo:', '    groups:',
      '    - system:serviceaccounts', '    - system:serviceaccounts:default', '    - system:authenticated', '    username: system:serviceaccount:default:default', '',
    ].join('\n'));
    expect(JSON.parse((await pk('auth', 'whoami', '-o', 'json')).stdout).kind).toBe('SelfSubjectReview');
    expect((await pk('auth', 'whoami', '-o', 'wide')).stderr).toMatch(/^error: unable to match a printer suitable for the output format "wide"/);
  });

  it('lets the admin do everything', async () => {
    for (const args of [['get', 'pods'], ['*', '*'], ['delete', 'nodes', '-A'], ['create', 'clusterroles.rbac.authorization.k8s.io', '-A'], ['get', '/metrics'], ['get', 'pods', '--subresource=log']]) {
      const r = await pk('auth', 'can-i', ...args);
      expect([r.stdout, r.stderr, r.code]).toEqual(['yes\n', '', 0]);
    }
    const nodes = await pk('auth', 'can-i', 'get', 'nodes');
    expect([nodes.stdout, nodes.stderr]).toEqual(['yes\n', "Warning: resource 'nodes' is not namespace scoped\n\n"]);
    const grouped = await pk('auth', 'can-i', 'list', 'clusterroles');
    expect(grouped.stderr).toBe("Warning: resource 'clusterroles' is not namespace scoped in group 'rbac.authorization.k8s.io'\n\n");
    const unknown = await pk('auth', 'can-i', 'get', 'foos');
    expect([unknown.stdout, unknown.stderr]).toEqual(['yes\n', "Warning: the server doesn't have a resource type 'foos'\n\n"]);
  });

  it('denies a service account until a Role and RoleBinding grant it', async () => {
    const no = await pk('auth', 'can-i', 'get', 'pods', SA);
    expect([no.stdout, no.stderr, no.code]).toEqual(['no\n', '', 1]);
    expect(await pk('auth', 'can-i', 'get', 'pods', SA, '-q')).toEqual({ stdout: '', stderr: '', code: 1 });
    expect((await pk('create', 'role', 'pod-reader', '--verb=get,list', '--resource=pods')).code).toBe(0);
    expect((await pk('create', 'rolebinding', 'app-reads', '--role=pod-reader', '--serviceaccount=default:default')).code).toBe(0);
    expect(await pk('auth', 'can-i', 'get', 'pods', SA)).toEqual({ stdout: 'yes\n', stderr: '', code: 0 });
    // kubectl's global flags go before the verb too
    expect((await pk(SA, 'auth', 'can-i', 'list', 'pods')).stdout).toBe('yes\n');
    expect((await pk('auth', 'can-i', 'delete', 'pods', SA)).code).toBe(1);
    expect((await pk('auth', 'can-i', 'get', 'pods', SA, '-n', 'kube-system')).code).toBe(1);
    // a binding to a role that does not exist is the reason kubectl prints
    expect((await pk('create', 'rolebinding', 'dangling', '--clusterrole=missing', '--serviceaccount=default:default')).code).toBe(0);
    const reason = await pk('auth', 'can-i', 'create', 'deployments', SA);
    expect([reason.stdout, reason.code]).toEqual(['no - RBAC: clusterrole.rbac.authorization.k8s.io "missing" not found\n', 1]);
  });

  it('lists the rules that apply in the namespace', async () => {
    const r = await pk('auth', 'can-i', '--list', SA);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^Resources\s+Non-Resource URLs\s+Resource Names\s+Verbs$/);
    expect(lines).toContainEqual(expect.stringMatching(/^pods\s+\[\]\s+\[\]\s+\[get list\]$/));
    expect(lines).toContainEqual(expect.stringMatching(/^selfsubjectaccessreviews\.authorization\.k8s\.io\s+\[\]\s+\[\]\s+\[create\]$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\s+\[\/healthz\]\s+\[\]\s+\[get\]$/));
    const admin = await pk('auth', 'can-i', '--list', '--no-headers');
    expect(admin.stdout.split('\n')[0]).toMatch(/^\*\.\*\s+\[\]\s+\[\]\s+\[\*\]$/);
  });

  it('rejects bad input as kubectl does', async () => {
    expect((await pk('auth', 'can-i', 'get')).stderr).toBe("error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'pocketkube auth can-i -h' for help and examples.\n");
    expect((await pk('auth', 'can-i', '--list', '-A')).stderr).toBe("error: list option can't be specified with neither quiet, all-namespaces nor subresource options\n");
    expect((await pk('auth', 'can-i', 'get', 'pods', '--no-headers')).stderr).toBe('error: --no-headers cannot be set without --list specified\n');
    expect((await pk('auth', 'can-i', 'get', '/logs', '--subresource=x')).stderr).toBe('error: --subresource can not be used with NonResourceURL\n');
    const group = await pk('auth', 'can-i', 'get', 'pods', '--as-group=devs');
    expect([group.stderr, group.code]).toEqual(['error: requesting uid, groups or user-extra for pocketkube without impersonating a user\n', 1]);
  });
});
