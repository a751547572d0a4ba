import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CliSandbox } from './cli-runner.js';

const sb = new CliSandbox('pk-errors-');
afterAll(() => sb.dispose());

describe('errors', () => {
  it('names a missing path', () => {
    expect(sb.run(['apply', '-f', 'missing.yaml'])).toMatchObject({ stdout: '', stderr: 'error: the path "missing.yaml" does not exist\n', code: 1 });
  });

  it('names the file and line of a YAML error, with no stack trace', () => {
    const file = sb.path('bad.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: 1\n  y: a: b\n');
    expect(sb.run(['apply', '-f', file])).toMatchObject({
      stderr: `error: error parsing ${file}: error converting YAML to JSON: yaml: line 7: mapping values are not allowed in this context\n`,
      code: 1,
    });
  });

  it('says when there is nothing to apply', () => {
    const file = sb.path('empty.yaml');
    writeFileSync(file, '# nothing here\n---\n');
    expect(sb.run(['apply', '-f', file])).toMatchObject({ stderr: 'error: no objects passed to apply\n', code: 1 });
    expect(sb.run(['apply'])).toMatchObject({ stderr: 'error: must specify one of -f and -k\n', code: 1 });
    expect(sb.run(['create'])).toMatchObject({ stderr: 'Error: must specify one of -f and -k\n', code: 1 });
  });

  it('uses cobra\'s words for unknown commands and flags', () => {
    expect(sb.run(['frobnicate'])).toMatchObject({ stderr: 'Error: unknown command "frobnicate" for "pocketkube"\n', code: 1 });
    expect(sb.run(['rollout', 'frobnicate'])).toMatchObject({ stderr: 'error: unknown command "frobnicate"\nSee \'pocketkube rollout -h\' for help and examples\n', code: 1 });
    expect(sb.run(['create', 'secret', 'opaque', 'x'])).toMatchObject({ stderr: 'error: unknown command "opaque"\nSee \'pocketkube create secret -h\' for help and examples\n', code: 1 });
    expect(sb.run(['create', 'foo', 'bar'])).toMatchObject({ stderr: 'error: Unexpected args: [foo bar]\nSee \'pocketkube create -h\' for help and examples\n', code: 1 });
    expect(sb.run(['apply', '--frob'])).toMatchObject({ stderr: "Error: unknown flag: --frob\nSee 'pocketkube apply --help' for usage.\n", code: 1 });
    expect(sb.run(['apply', '-f', 'x.yaml', '--dry-run=maybe'])).toMatchObject({
      stderr: 'Error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n',
      code: 1,
    });
  });

  it('accepts global flags before the verb', () => {
    const file = sb.path('cm.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
    expect(sb.run(['-n', 'kube-public', 'apply', '-f', file]).stdout).toBe('configmap/c created\n');
    expect(sb.run(['--namespace=kube-public', 'delete', 'cm', 'c']).stdout).toBe('configmap "c" deleted\n');
  });
});
