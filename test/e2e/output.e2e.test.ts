import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, CliSandbox } from './cli-runner.js';
import { runAsync } from './settle.js';

/** `get -o jsonpath|custom-columns` and `--sort-by` through the built CLI (`npm run build` first). */
let sb: CliSandbox;

const pk = (...args: string[]): Promise<CliResult> => runAsync(sb, args);

const MANIFEST = `apiVersion: v1
kind: ConfigMap
metadata: {name: zeta, namespace: out, labels: {app.kubernetes.io/name: web, tier: b}}
data: {size: 10Gi}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: alpha, namespace: out, labels: {tier: a}}
data: {size: 512Mi}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: mid, namespace: out}
data: {size: 2Gi}
`;

beforeAll(async () => {
  sb = new CliSandbox('pk-output-');
  writeFileSync(sb.path('m.yaml'), MANIFEST);
  expect((await pk('create', 'namespace', 'out')).code).toBe(0);
  expect((await pk('apply', '-f', sb.path('m.yaml'))).code).toBe(0);
}, 60_000);
afterAll(() => sb.dispose());

describe('get output for scripts', () => {
  it('runs a jsonpath over the List of a collection and over a named object', async () => {
    const list = await pk('get', 'cm', '-n', 'out', '-o', 'jsonpath={.items[*].metadata.name}');
    expect(list).toEqual({ stdout: 'alpha kube-root-ca.crt mid zeta', stderr: '', code: 0 });
    const one = await pk('get', 'cm', 'zeta', '-n', 'out', '-o', 'jsonpath={.metadata.labels.app\\.kubernetes\\.io/name} {.data}');
    expect(one.stdout).toBe('web {"size":"10Gi"}');
    const kind = await pk('get', 'cm', '-n', 'out', '-o', 'jsonpath={.kind} {.apiVersion} {.metadata}');
    expect(kind.stdout).toBe('List v1 {"resourceVersion":""}');
    const ranged = await pk('get', 'cm', '-n', 'out', '-l', 'tier', '-o', 'jsonpath={range .items[*]}{.metadata.name}={.metadata.labels.tier}{"\\n"}{end}');
    expect(ranged.stdout).toBe('alpha=a\nzeta=b\n');
  }, 30_000);

  it('reports missing keys only with --allow-missing-template-keys=false, and bad templates, exit 1', async () => {
    expect((await pk('get', 'cm', 'zeta', '-n', 'out', '-o', 'jsonpath={.nope}')).stdout).toBe('');
    const strict = await pk('get', 'cm', 'zeta', '-n', 'out', '-o', 'jsonpath={.nope}', '--allow-missing-template-keys=false');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/^error: error executing jsonpath "\{\.nope\}": Error executing template: nope is not found\. Printing more information for debugging the template:\n\ttemplate was:\n\t\t\{\.nope\}\n\tobject given to jsonpath engine was:\n\t\tmap\[string\]interface \{\}\{"apiVersion":"v1", /);
    const bad = await pk('get', 'cm', '-n', 'out', '-o', 'jsonpath={.a[}');
    expect(bad).toEqual({ stdout: '', stderr: 'error: error parsing jsonpath {.a[}, unterminated array\n', code: 1 });
  }, 30_000);

  it('prints custom columns, sorted by a quantity', async () => {
    const r = await pk('get', 'cm', '-n', 'out', '-o', 'custom-columns=NAME:.metadata.name,SIZE:.data.size,Tier:{.metadata.labels.tier}', '--sort-by=.data.size');
    expect(r.stdout).toBe(
      'NAME               SIZE     Tier\n' +
        'kube-root-ca.crt   <none>   <none>\n' +
        'alpha              512Mi    a\n' +
        'mid                2Gi      <none>\n' +
        'zeta               10Gi     b\n',
    );
    const bad = await pk('get', 'cm', '-n', 'out', '-o', 'custom-columns=NAME');
    expect(bad).toEqual({ stdout: '', stderr: 'error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n', code: 1 });
  }, 30_000);

  it('sorts tables and -o name, and fails for a field no object has', async () => {
    const table = await pk('get', 'cm', '-n', 'out', '-l', 'tier', '--sort-by=.metadata.labels.tier', '--no-headers');
    expect(table.stdout.split('\n').map((l) => l.split(' ')[0])).toEqual(['alpha', 'zeta', '']);
    const names = await pk('get', 'cm', '-n', 'out', '-o', 'name', '--sort-by={.data.size}');
    expect(names.stdout).toBe('configmap/kube-root-ca.crt\nconfigmap/alpha\nconfigmap/mid\nconfigmap/zeta\n');
    const none = await pk('get', 'cm', '-n', 'out', '--sort-by=.nope');
    expect(none).toEqual({ stdout: '', stderr: 'error: couldn\'t find any field with path "{.nope}" in the list of objects\n', code: 1 });
  }, 30_000);
});
