import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, CliSandbox } from './cli-runner.js';

const sb = new CliSandbox('pk-delete-');
afterAll(() => sb.dispose());

const cm = (name: string, labels = '{}') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  labels: ${labels}\ndata: {a: "1"}\n`;

beforeAll(() => {
  const file = sb.path('cms.yaml');
  writeFileSync(file, [cm('one', '{app: x}'), cm('two', '{app: x}'), cm('three'), cm('four'), cm('five')].join('---\n'));
  expect(sb.run(['apply', '-f', file]).code).toBe(0);
});

describe('delete', () => {
  it('deletes by TYPE NAME and TYPE/NAME, and says NotFound for a missing one', () => {
    expect(sb.run(['delete', 'configmap', 'three'])).toMatchObject({ stdout: 'configmap "three" deleted\n', code: 0 });
    expect(sb.run(['delete', 'cm/four', '-o', 'name'])).toMatchObject({ stdout: 'configmap/four\n', code: 0 });
    expect(sb.run(['delete', 'cm', 'three'])).toMatchObject({ stderr: 'Error from server (NotFound): configmaps "three" not found\n', code: 1 });
    expect(sb.run(['delete', 'cm', 'three', '--ignore-not-found'])).toMatchObject({ stdout: 'No resources found\n', stderr: '', code: 0 });
  });

  it('deletes by label selector, and prints No resources found when nothing matches', () => {
    expect(sb.run(['delete', 'configmaps', '-l', 'app=x'])).toMatchObject({ stdout: 'configmap "one" deleted\nconfigmap "two" deleted\n', code: 0 });
    expect(sb.run(['delete', 'configmaps', '-l', 'app=x'])).toMatchObject({ stdout: 'No resources found\n', code: 0 });
  });

  it('deletes by field selector: the finished pods, and nothing when none match', () => {
    writeFileSync(sb.path('pods.yaml'), [
      'apiVersion: v1\nkind: Pod\nmetadata: {name: done, annotations: {pocketkube.io/exit-code: "0"}}\nspec:\n  restartPolicy: Never\n  containers: [{name: c, image: busybox}]\n',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: up}\nspec:\n  containers: [{name: c, image: nginx}]\n',
    ].join('---\n'));
    expect(sb.run(['apply', '-f', sb.path('pods.yaml')]).code).toBe(0);
    expect(sb.run(['delete', 'pods', '--field-selector=status.phase==Succeeded'])).toMatchObject({ stdout: 'pod "done" deleted\n', code: 0 });
    expect(sb.run(['delete', 'pods', '--field-selector', 'status.phase=Succeeded'])).toMatchObject({ stdout: 'No resources found\n', code: 0 });
    expect(sb.run(['get', 'pods', '-o', 'name']).stdout).toBe('pod/up\n');
    expect(sb.run(['delete', 'pods', '--field-selector=spec.foo=x'])).toMatchObject({ stderr: 'Error from server (BadRequest): field label not supported: spec.foo\n', code: 1 });
    expect(sb.run(['delete', 'pods', '--all', '--field-selector=status.phase=Running'])).toMatchObject({ stderr: "error: setting 'all' parameter but found a non empty selector. \n", code: 1 });
    expect(sb.run(['delete', 'pod', 'up', '--wait=false']).code).toBe(0);
  });

  it('deletes from a file, with the file in errors', () => {
    const file = sb.path('five.yaml');
    writeFileSync(file, cm('five'));
    expect(sb.run(['delete', '-f', file, '--dry-run=client'])).toMatchObject({ stdout: 'configmap "five" deleted (dry run)\n', code: 0 });
    expect(sb.run(['delete', '-f', file])).toMatchObject({ stdout: 'configmap "five" deleted\n', code: 0 });
    expect(sb.run(['delete', '-f', file])).toMatchObject({
      stderr: `Error from server (NotFound): error when deleting "${file}": configmaps "five" not found\n`,
      code: 1,
    });
  });

  it('times out waiting for an object a finalizer holds', () => {
    const file = sb.path('held.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: held\n  finalizers: [example.com/hold]\n');
    expect(sb.run(['apply', '-f', file]).code).toBe(0);
    const res = sb.run(['delete', 'configmap', 'held', '--timeout=1s']);
    expect(res).toMatchObject({ stdout: 'configmap "held" deleted\n', stderr: 'error: timed out waiting for the condition on configmaps/held\n', code: 1 });
    expect(sb.run(['delete', 'configmap', 'held', '--wait=false'])).toMatchObject({ stdout: 'configmap "held" deleted\n', code: 0 });
  });

  it('keeps a deletion whose wait is killed (the delete is committed before the wait)', () => {
    const file = sb.path('held-long.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: held-long\n  finalizers: [example.com/hold]\n');
    expect(sb.run(['apply', '-f', file]).code).toBe(0);
    const killed = spawnSync(process.execPath, [BIN, '--state-dir', sb.stateDir, 'delete', 'configmap', 'held-long'], {
      encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 3_000, killSignal: 'SIGKILL',
    });
    expect(killed.signal).toBe('SIGKILL');
    const after = sb.run(['get', 'configmap', 'held-long', '-o', 'jsonpath={.metadata.deletionTimestamp}']);
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(sb.run(['patch', 'configmap', 'held-long', '--type=merge', '-p', '{"metadata":{"finalizers":null}}']).code).toBe(0);
    expect(sb.run(['get', 'configmap', 'held-long']).code).toBe(1);
  });

  it('deletes a namespace with a running Deployment: its pods stop, its content goes, then the namespace', () => {
    expect(sb.run(['create', 'namespace', 'doomed']).code).toBe(0);
    expect(sb.run(['create', 'deployment', 'web', '--image=nginx', '--replicas=3', '-n', 'doomed']).code).toBe(0);
    expect(sb.run(['get', 'pods', '-n', 'doomed', '--no-headers']).stdout.trim().split('\n')).toHaveLength(3);
    expect(sb.run(['delete', 'namespace', 'doomed', '--timeout=20s'])).toMatchObject({ stdout: 'namespace "doomed" deleted\n', stderr: '', code: 0 });
    expect(sb.run(['get', 'namespace', 'doomed'])).toMatchObject({ stderr: 'Error from server (NotFound): namespaces "doomed" not found\n', code: 1 });
    expect(sb.run(['get', 'all', '-n', 'doomed'])).toMatchObject({ stderr: 'No resources found in doomed namespace.\n', code: 0 });
  });

  it('checks its arguments the kubectl way', () => {
    expect(sb.run(['delete']).stderr).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
    expect(sb.run(['delete', 'pods']).stderr).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(sb.run(['delete', 'pods', 'x', '--cascade=sideways']).stderr).toBe('error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan"\n');
    expect(sb.run(['delete', 'widgets', 'x']).stderr).toBe('error: the server doesn\'t have a resource type "widgets"\n');
    expect(sb.run(['delete', 'pods', 'x', '-o', 'yaml']).stderr).toBe("error: unexpected -o output mode: yaml. We only support '-o name'\n");
  });
});
