import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox } from './cli-runner.js';

const sb = new CliSandbox('pk-inplace-');
afterAll(() => sb.dispose());

function withEditor<T>(editor: string, fn: () => T): T {
  const saved = process.env.KUBE_EDITOR;
  process.env.KUBE_EDITOR = editor;
  try {
    return fn();
  } finally {
    if (saved === undefined) delete process.env.KUBE_EDITOR;
    else process.env.KUBE_EDITOR = saved;
  }
}

const get = (...args: string[]) => sb.run(['get', ...args]).stdout;

beforeAll(() => {
  expect(sb.run(['run', 'web', '--image=nginx:1.27', '--labels=app=web,tier=web']).code).toBe(0);
  expect(sb.run(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2']).code).toBe(0);
});

describe('label and annotate', () => {
  it('adds, refuses to overwrite, overwrites, removes', () => {
    expect(sb.run(['label', 'pod', 'web', 'disk=ssd'])).toMatchObject({ stdout: 'pod/web labeled\n', code: 0 });
    expect(sb.run(['label', 'pod/web', 'tier=x'])).toMatchObject({ stderr: "error: 'tier' already has a value (web), and --overwrite is false\n", code: 1 });
    expect(sb.run(['label', 'pod/web', 'tier=web'])).toMatchObject({ stdout: 'pod/web not labeled\n', code: 0 });
    expect(sb.run(['label', 'pod/web', 'tier=x', '--overwrite'])).toMatchObject({ stdout: 'pod/web labeled\n', code: 0 });
    expect(sb.run(['label', 'pod/web', 'tier-'])).toMatchObject({ stdout: 'pod/web unlabeled\n', code: 0 });
    expect(get('pod', 'web', '-o', 'jsonpath={.metadata.labels}')).toBe('{"app":"web","disk":"ssd"}');
  });

  it('rejects an invalid key or value, leaving the object unchanged', () => {
    const before = get('pod', 'web', '-o', 'json');
    const bad = sb.run(['label', 'pod', 'web', 'bad key=v']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^The Pod "web" is invalid: metadata\.labels: Invalid value: "bad key": name part must consist of/);
    expect(sb.run(['label', 'pod', 'web', 'k=bad_value_']).stderr).toMatch(/^error: invalid label value: "k=bad_value_": a valid label must be/);
    expect(get('pod', 'web', '-o', 'json')).toBe(before);
  });

  it('annotates, with kubectl\'s refusal', () => {
    expect(sb.run(['annotate', 'pod', 'web', 'a=b'])).toMatchObject({ stdout: 'pod/web annotated\n', code: 0 });
    expect(sb.run(['annotate', 'pod', 'web', 'a=c'])).toMatchObject({
      stderr: "error: --overwrite is false but found the following declared annotation(s): 'a' already has a value (b)\n", code: 1,
    });
    expect(sb.run(['annotate', 'pod', 'web', 'a=c', '--overwrite', '--dry-run=client'])).toMatchObject({ stdout: 'pod/web annotated (dry run)\n', code: 0 });
    expect(get('pod', 'web', '-o', 'jsonpath={.metadata.annotations.a}')).toBe('b');
  });

  it('labelling a node lets a pending pod with a nodeSelector schedule', () => {
    const file = sb.path('picky.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: picky\nspec:\n  nodeSelector:\n    disktype: ssd\n  containers:\n  - name: c\n    image: nginx\n');
    expect(sb.run(['apply', '-f', file]).code).toBe(0);
    expect(get('pod', 'picky', '-o', 'jsonpath={.status.phase}')).toBe('Pending');
    const node = get('nodes', '-o', 'jsonpath={.items[0].metadata.name}');
    expect(sb.run(['label', 'node', node, 'disktype=ssd'])).toMatchObject({ stdout: `node/${node} labeled\n`, code: 0 });
    expect(get('pod', 'picky', '-o', 'jsonpath={.spec.nodeName} {.status.phase}')).toBe(`${node} Running`);
  });
});

describe('patch', () => {
  it('patches with each type and reports no change', () => {
    expect(sb.run(['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":3}}'])).toMatchObject({ stdout: 'deployment.apps/web patched\n', code: 0 });
    expect(sb.run(['patch', 'deploy/web', '-p', '{"spec":{"replicas":3}}'])).toMatchObject({ stdout: 'deployment.apps/web patched (no change)\n', code: 0 });
    expect(sb.run(['patch', 'deploy/web', '--type', 'merge', '-p', '{"metadata":{"labels":{"m":"1"}}}']).code).toBe(0);
    expect(sb.run(['patch', 'deploy/web', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":2}]']).code).toBe(0);
    expect(get('deploy', 'web', '-o', 'jsonpath={.spec.replicas} {.metadata.labels.m}')).toBe('2 1');
  });

  it('fails without changing the object: failed test, missing path, bad JSON, bad type', () => {
    const before = get('deploy', 'web', '-o', 'json');
    const failed = sb.run(['patch', 'deploy/web', '--type=json', '-p', '[{"op":"test","path":"/spec/replicas","value":9},{"op":"replace","path":"/spec/replicas","value":7}]']);
    expect(failed).toMatchObject({ stderr: 'The request is invalid: the server rejected our request due to an error in our request\n', code: 1 });
    expect(sb.run(['patch', 'deploy/web', '--type=json', '-p', '[{"op":"replace","path":"/spec/nope/x","value":7}]']).code).toBe(1);
    expect(sb.run(['patch', 'deploy/web', '-p', '{bad']).stderr).toMatch(/^error: unable to parse "\{bad": yaml: line 1: /);
    expect(sb.run(['patch', 'deploy/web', '--type', 'foo', '-p', '{}'])).toMatchObject({ stderr: 'error: --type must be one of [json merge strategic], not "foo"\n', code: 1 });
    expect(get('deploy', 'web', '-o', 'json')).toBe(before);
  });
});

describe('set', () => {
  it('updates the image, env and resources of a deployment', () => {
    expect(sb.run(['set', 'image', 'deploy/web', 'nginx=nginx:1.28'])).toMatchObject({ stdout: 'deployment.apps/web image updated\n', code: 0 });
    expect(sb.run(['set', 'image', 'deploy/web', 'nginx=nginx:1.28'])).toMatchObject({ stdout: '', code: 0 });
    expect(sb.run(['set', 'env', 'deploy/web', 'A=1', 'B=2'])).toMatchObject({ stdout: 'deployment.apps/web env updated\n', code: 0 });
    expect(sb.run(['set', 'env', 'deploy/web', 'B-'])).toMatchObject({ stdout: 'deployment.apps/web env updated\n', code: 0 });
    expect(sb.run(['set', 'env', 'deploy/web', '--list'])).toMatchObject({ stdout: '# Deployment web, container nginx\nA=1\n', code: 0 });
    expect(sb.run(['set', 'resources', 'deploy/web', '-c=nginx', '--limits=cpu=200m,memory=512Mi'])).toMatchObject({
      stdout: 'deployment.apps/web resource requirements updated\n', code: 0,
    });
    expect(get('deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image} {.spec.template.spec.containers[0].resources.limits.memory}')).toBe('nginx:1.28 512Mi');
  });

  it('names an unknown container as kubectl does', () => {
    expect(sb.run(['set', 'image', 'deploy/web', 'foo=x'])).toMatchObject({ stderr: 'error: deployments/web unable to find container named "foo"\n', code: 1 });
  });
});

describe('replace', () => {
  it('replaces from a file, refuses a stale one, and force-replaces', () => {
    const file = sb.path('web-pod.yaml');
    writeFileSync(file, get('pod', 'web', '-o', 'yaml').replace('nginx:1.27', 'nginx:1.28'));
    expect(sb.run(['replace', '-f', file])).toMatchObject({ stdout: 'pod/web replaced\n', code: 0 });
    expect(sb.run(['replace', '-f', file]).stderr).toMatch(/^Error from server \(Conflict\): error when replacing ".*web-pod.yaml": Operation cannot be fulfilled on pods "web"/);
    expect(sb.run(['replace', '--force', '-f', file])).toMatchObject({ stdout: 'pod "web" deleted\npod/web replaced\n', code: 0 });
    const missing = sb.path('missing.yaml');
    writeFileSync(missing, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nope\n');
    expect(sb.run(['replace', '-f', missing])).toMatchObject({ stderr: `Error from server (NotFound): error when replacing "${missing}": configmaps "nope" not found\n`, code: 1 });
  });
});

describe('edit', () => {
  it('edits through $KUBE_EDITOR', () => {
    const r = withEditor('sed -i s/nginx:1.28/nginx:1.29/', () => sb.run(['edit', 'deploy/web']));
    expect(r).toMatchObject({ stdout: 'deployment.apps/web edited\n', code: 0 });
    expect(get('deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}')).toBe('nginx:1.29');
  });

  it('cancels when nothing changed', () => {
    expect(withEditor('true', () => sb.run(['edit', 'deploy', 'web']))).toMatchObject({ stderr: 'Edit cancelled, no changes made.\n', code: 0 });
  });

  it('keeps a copy of an invalid edit and leaves the object unchanged', () => {
    const before = get('deploy', 'web', '-o', 'json');
    const r = withEditor('sed -i s/replicas:.2/replicas:\\ -3/', () => sb.run(['edit', 'deploy/web']));
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe('error: deployments.apps "web" is invalid');
    expect(lines[1]).toMatch(/^A copy of your changes has been stored to ".*pocketkube-edit-\d+\.yaml"$/);
    expect(lines[2]).toBe('error: Edit cancelled, no valid changes were saved.');
    const copy = /"(.*)"/.exec(lines[1])![1];
    expect(existsSync(copy)).toBe(true);
    rmSync(copy);
    expect(get('deploy', 'web', '-o', 'json')).toBe(before);
  });
});
