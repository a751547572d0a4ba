/**
 * `pocketkube serve` end to end: the built CLI serves a temporary cluster over HTTP, and the real
 * kubectl (when installed) works against it as against kube-apiserver — its output compared with
 * pocketkube's own commands on the same cluster, which keep working beside the server.
 */
import { type ChildProcess, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, CliSandbox } from './cli-runner.js';
import { hasKubectl, SKIP_MESSAGE } from '../cli/generators/kubectl-oracle.js';
import { kubectlAt, startServe, watchAround, withoutAge } from './serve-process.js';

let sandbox: CliSandbox;
let server: ChildProcess;
let base: string;

beforeAll(async () => {
  sandbox = new CliSandbox('pk-serve-');
  ({ child: server, url: base } = await startServe(BIN, sandbox.stateDir, sandbox.path('kubeconfig')));
}, 60_000);

afterAll(async () => {
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGINT');
    await exited;
  }
  sandbox.dispose();
});

describe('serve over HTTP', () => {
  it('answers discovery, version and health as kube-apiserver does', async () => {
    const version = await (await fetch(`${base}/version`)).json();
    expect(version).toMatchObject({ major: '1', minor: '32', gitVersion: 'v1.32.0-pocketkube' });
    const core = await (await fetch(`${base}/api/v1`)).json();
    expect(core.groupVersion).toBe('v1');
    expect(core.resources.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['pods', 'pods/log', 'pods/status', 'namespaces']));
    expect(await (await fetch(`${base}/healthz`)).text()).toBe('ok');
    const missing = await fetch(`${base}/apis/nope.example.com/v1`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ kind: 'Status', reason: 'NotFound', message: 'the server could not find the requested resource', code: 404 });
  });

  it('creates, conflicts and lists through the API, and refuses bodies it cannot read', async () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { a: '1' } };
    const post = (body: string, type = 'application/json') => fetch(`${base}/api/v1/namespaces/default/configmaps`, { method: 'POST', headers: { 'Content-Type': type }, body });
    const created = await post(JSON.stringify(cm));
    expect(created.status).toBe(201);
    expect((await created.json()).metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    const again = await post(JSON.stringify(cm));
    expect(again.status).toBe(409);
    expect((await again.json()).message).toBe('configmaps "settings" already exists');
    const cbor = await post('\u00a1', 'application/cbor');
    expect(cbor.status).toBe(415);
    expect((await cbor.json()).message).toBe('the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf');
    const list = await (await fetch(`${base}/api/v1/namespaces/default/configmaps?fieldSelector=metadata.name%3Dsettings`)).json();
    expect(list).toMatchObject({ kind: 'ConfigMapList', apiVersion: 'v1', items: [{ metadata: { name: 'settings' }, data: { a: '1' } }] });
    // what the server wrote, pocketkube's own command reads from the same state directory
    expect(sandbox.run(['get', 'configmap', 'settings', '-o', 'jsonpath={.data.a}']).stdout).toBe('1');
  });
});

describe.skipIf(!hasKubectl)(hasKubectl ? 'real kubectl against serve' : `kubectl against serve: ${SKIP_MESSAGE}`, { timeout: 120_000 }, () => {
  const kubectl = (args: string[]) => kubectlAt(base, sandbox.dir, args);

  it('applies the quick start and prints the tables pocketkube prints', async () => {
    const applied = await kubectl(['apply', '-f', 'fixtures/quickstart.yaml']);
    expect(applied.stderr).toBe('');
    expect(applied.stdout).toBe('namespace/shop created\nconfigmap/web-config created\ndeployment.apps/web created\nservice/web created\n');
    expect((await kubectl(['apply', '-f', 'fixtures/quickstart.yaml'])).stdout).toContain('deployment.apps/web unchanged');
    for (const args of [['get', 'deploy,rs,svc', '-n', 'shop'], ['get', 'pods', '-n', 'shop', '-o', 'wide'], ['get', 'nodes']]) {
      const theirs = await kubectl(args);
      const ours = sandbox.run(args);
      expect(theirs.code).toBe(0);
      expect(withoutAge(theirs.stdout)).toBe(withoutAge(ours.stdout));
    }
  });

  it('writes a kubeconfig that kubectl uses without --server', async () => {
    const res = spawnSync('kubectl', ['get', 'namespaces', '-o', 'name', '--cache-dir', sandbox.path('kube-cache')], { encoding: 'utf8', env: { ...process.env, KUBECONFIG: sandbox.path('kubeconfig') } });
    expect(res.stderr).toBe('');
    expect(res.stdout.split('\n')).toEqual(expect.arrayContaining(['namespace/default', 'namespace/shop']));
    expect(spawnSync('kubectl', ['config', 'current-context'], { encoding: 'utf8', env: { ...process.env, KUBECONFIG: sandbox.path('kubeconfig') } }).stdout).toBe('pocketkube\n');
  });

  it("takes the protobuf bodies of kubectl's typed clients: create generators and auth", async () => {
    const created = await kubectl(['create', 'deployment', 'hello', '--image=nginx:1.27', '--replicas=2', '--port=80']);
    expect(created.stderr).toBe('');
    expect(created.stdout).toBe('deployment.apps/hello created\n');
    const generated = JSON.parse(sandbox.run(['create', 'deployment', 'hello', '--image=nginx:1.27', '--replicas=2', '--port=80', '--dry-run=client', '-o', 'json']).stdout);
    const stored = JSON.parse(sandbox.run(['get', 'deployment', 'hello', '-o', 'json']).stdout);
    expect(stored.spec.template.spec.containers[0]).toMatchObject(generated.spec.template.spec.containers[0]);
    expect(stored.spec.replicas).toBe(2);
    expect((await kubectl(['create', 'configmap', 'cfg', '--from-literal=a=1', '--from-literal=empty='])).code).toBe(0);
    expect(sandbox.run(['get', 'configmap', 'cfg', '-o', 'jsonpath={.data}']).stdout).toBe('{"a":"1","empty":""}');
    expect((await kubectl(['auth', 'can-i', 'create', 'pods'])).stdout).toBe('yes\n');
    const denied = await kubectl(['auth', 'can-i', 'get', 'pods', '--as=system:serviceaccount:default:default']);
    expect([denied.stdout, denied.code]).toEqual(['no\n', 1]);
    expect((await kubectl(['delete', 'deployment', 'hello'])).code).toBe(0);
  });

  it('rejects an unknown field with the same message as pocketkube apply', async () => {
    const bad = sandbox.path('bad.yaml');
    writeFileSync(bad, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bad\nspec: {}\n');
    const theirs = await kubectl(['apply', '-f', bad]);
    const ours = sandbox.run(['apply', '-f', bad]);
    expect(theirs.code).toBe(1);
    expect(theirs.stderr).toBe(ours.stderr);
  });

  it('applies server-side, with the conflicts kube-apiserver reports', async () => {
    const file = sandbox.path('ssa.yaml');
    const deployment = (replicas: number) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ssa\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels: {app: ssa}\n  template:\n    metadata:\n      labels: {app: ssa}\n    spec:\n      containers:\n      - name: c\n        image: nginx:1.27\n`;
    writeFileSync(file, deployment(2));
    expect(await kubectl(['apply', '--server-side', '-f', file])).toMatchObject({ stdout: 'deployment.apps/ssa serverside-applied\n', code: 0 });
    expect((await kubectl(['scale', 'deploy/ssa', '--replicas=3'])).code).toBe(0);
    const refused = await kubectl(['apply', '--server-side', '-f', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.split('\n')[0]).toBe('error: Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas');
    // pocketkube's own apply, through the kubeconfig, meets the same conflict and forces it
    const viaKubeconfig = ['--kubeconfig', sandbox.path('kubeconfig')];
    expect(sandbox.run([...viaKubeconfig, 'apply', '--server-side', '-f', file]).stderr).toBe(refused.stderr);
    expect(sandbox.run([...viaKubeconfig, 'apply', '--server-side', '--force-conflicts', '-f', file]).stdout).toBe('deployment.apps/ssa serverside-applied\n');
    expect((await kubectl(['get', 'deploy', 'ssa', '-o', 'jsonpath={.spec.replicas}'])).stdout).toBe('2');
    const managers = JSON.parse((await kubectl(['get', 'deploy', 'ssa', '-o', 'json', '--show-managed-fields'])).stdout).metadata.managedFields;
    // the scale's entry lost its only field; the controllers own the status they write
    expect(managers.map((m: { manager: string; operation: string; subresource?: string }) => `${m.manager}/${m.operation}/${m.subresource ?? ''}`))
      .toEqual(['kubectl/Apply/', 'kube-controller-manager/Update/status']);
    expect((await kubectl(['delete', 'deploy', 'ssa'])).code).toBe(0);
  });

  it('scales, rolls out, rolls back and waits like against kube-apiserver', async () => {
    expect((await kubectl(['-n', 'shop', 'scale', 'deploy/web', '--replicas=4'])).stdout).toBe('deployment.apps/web scaled\n');
    expect((await kubectl(['-n', 'shop', 'rollout', 'status', 'deploy/web', '--timeout=20s'])).stdout).toContain('deployment "web" successfully rolled out');
    const firstRs = sandbox.run(['-n', 'shop', 'get', 'rs', '-o', 'name']).stdout.trim();
    expect((await kubectl(['-n', 'shop', 'set', 'image', 'deploy/web', 'nginx=nginx:1.26'])).stdout).toBe('deployment.apps/web image updated\n');
    expect((await kubectl(['-n', 'shop', 'rollout', 'status', 'deploy/web', '--timeout=20s'])).code).toBe(0);
    expect((await kubectl(['-n', 'shop', 'rollout', 'undo', 'deploy/web'])).stdout).toBe('deployment.apps/web rolled back\n');
    expect((await kubectl(['-n', 'shop', 'wait', '--for=condition=Available', 'deploy/web', '--timeout=20s'])).code).toBe(0);
    // the undo brought the first ReplicaSet back, as the deployment controller finds it by template
    const scaled = sandbox.run(['-n', 'shop', 'get', firstRs, '-o', 'jsonpath={.spec.replicas}']);
    expect(scaled.stdout).toBe('4');
    expect((await kubectl(['-n', 'shop', 'rollout', 'history', 'deploy/web'])).stdout).toMatch(/REVISION\s+CHANGE-CAUSE\n2\s+<none>\n3\s+<none>\n/);
  });

  it('shows logs and watches changes made by another pocketkube process', async () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'talker', annotations: { 'pocketkube.io/logs': 'hello\nworld' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } };
    writeFileSync(sandbox.path('talker.json'), JSON.stringify(pod));
    expect((await kubectl(['apply', '-f', sandbox.path('talker.json')])).code).toBe(0);
    // the control loop starts the pod a moment after the write, as a real cluster's kubelet does
    expect((await kubectl(['wait', '--for=condition=Ready', 'pod/talker', '--timeout=20s'])).code).toBe(0);
    expect((await kubectl(['logs', 'talker'])).stdout).toBe('hello\nworld\n');
    const kubectlArgs = ['--server', base, '--cache-dir', sandbox.path('kube-cache'), 'get', 'configmaps', '-w', '--request-timeout=4s'];
    const watched = await watchAround('kubectl', kubectlArgs, { ...process.env, KUBECONFIG: sandbox.path('no-kubeconfig') }, () => {
      expect(sandbox.run(['create', 'configmap', 'later']).code).toBe(0);
    });
    expect(watched).toMatch(/^later\s+0\s+\d+s$/m);
  });

  it('deletes, waiting until the objects are gone', async () => {
    // the objects before their namespace: its deletion would take them (a moment later, as on a real cluster)
    const deleted = await kubectl(['delete', '-n', 'shop', 'deploy/web', 'svc/web', 'configmap/web-config']);
    expect(deleted.stdout).toBe('deployment.apps "web" deleted\nservice "web" deleted\nconfigmap "web-config" deleted\n');
    expect((await kubectl(['delete', 'namespace', 'shop'])).stdout).toBe('namespace "shop" deleted\n');
    expect(sandbox.run(['get', 'ns', 'shop']).code).toBe(1);
  });
});

describe('pocketkube --kubeconfig: the CLI against a remote API server (this serve)', { timeout: 120_000 }, () => {
  // another state directory, which the remote commands never create: everything goes over HTTP
  const remote = (args: string[]) => spawnSync(process.execPath, [BIN, '--kubeconfig', sandbox.path('kubeconfig'), '--state-dir', sandbox.path('unused'), ...args], {
    encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' },
  });

  it('applies, reads, scales and waits over the API, as the embedded CLI does', () => {
    const applied = remote(['apply', '-f', 'fixtures/quickstart.yaml']);
    expect(applied.stderr).toBe('');
    expect(applied.stdout).toBe('namespace/shop created\nconfigmap/web-config created\ndeployment.apps/web created\nservice/web created\n');
    expect(remote(['-n', 'shop', 'rollout', 'status', 'deploy/web', '--timeout=20s']).stdout).toContain('successfully rolled out');
    expect(withoutAge(remote(['get', 'deploy,rs', '-n', 'shop']).stdout)).toBe(withoutAge(sandbox.run(['get', 'deploy,rs', '-n', 'shop']).stdout));
    expect(remote(['-n', 'shop', 'scale', 'deploy/web', '--replicas=2']).stdout).toBe('deployment.apps/web scaled\n');
    expect(remote(['-n', 'shop', 'wait', '--for=jsonpath={.status.readyReplicas}=2', 'deploy/web', '--timeout=20s']).status).toBe(0);
    expect(remote(['version']).stdout).toContain('Server Version: v1.32.0-pocketkube');
    // the kubelet's log through pods/log (the pod kubectl created above)
    expect(remote(['logs', 'talker', '--prefix']).stdout).toBe('[pod/talker/c] hello\n[pod/talker/c] world\n');
    expect(existsSync(sandbox.path('unused'))).toBe(false);
  });

  it('watches through the server, and deletes', async () => {
    const args = [BIN, '--kubeconfig', sandbox.path('kubeconfig'), 'get', 'configmaps', '-n', 'shop', '-w', '--request-timeout=4s'];
    const watched = await watchAround(process.execPath, args, { ...process.env, NO_COLOR: '1' }, () => {
      expect(sandbox.run(['-n', 'shop', 'create', 'configmap', 'seen']).code).toBe(0);
    });
    expect(watched).toMatch(/^seen\s+0\s+\d+s$/m);
    const deleted = remote(['delete', '-n', 'shop', 'deploy/web', 'svc/web', 'configmap/web-config']);
    expect(deleted.stdout).toBe('deployment.apps "web" deleted\nservice "web" deleted\nconfigmap "web-config" deleted\n');
    expect(remote(['delete', 'namespace', 'shop']).stdout).toBe('namespace "shop" deleted\n');
  });

  it('says what is wrong with the kubeconfig, and refuses what needs an embedded cluster', () => {
    const missing = spawnSync(process.execPath, [BIN, '--kubeconfig', sandbox.path('nope.yaml'), 'get', 'pods'], { encoding: 'utf8' });
    expect([missing.status, missing.stderr]).toEqual([1, `error: stat ${sandbox.path('nope.yaml')}: no such file or directory\n`]);
    const context = remote(['--context', 'other', 'get', 'pods']);
    expect([context.status, context.stderr]).toEqual([1, 'error: Error in configuration: context was not found for specified context: other\n']);
    const advance = remote(['cluster', 'advance', '1m']);
    expect(advance.status).toBe(1);
    expect(advance.stderr).toContain('needs a local (embedded) cluster');
  });
});
