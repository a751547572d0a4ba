import { afterAll, describe, expect, it } from 'vitest';
import { CliSandbox } from './cli-runner.js';

const sb = new CliSandbox('pk-cluster-');
afterAll(() => sb.dispose());

describe('cluster', () => {
  it('starts with no clusters; the default one appears on first use', () => {
    expect(sb.run(['cluster', 'list'])).toMatchObject({ stdout: '', stderr: 'No clusters found.\n', code: 0 });
    expect(sb.run(['get', 'namespaces', '-o', 'name'])).toMatchObject({ code: 0 });
    expect(sb.run(['cluster', 'list']).stdout).toBe('pocketkube\n');
  });

  it('creates a named cluster, switches to it, and keeps clusters apart', () => {
    const res = sb.run(['cluster', 'create', 'dev', '--nodes', '2']);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/^Creating cluster "dev" \.\.\.\n/);
    expect(sb.run(['cluster', 'list']).stdout).toBe('dev\npocketkube\n');
    expect(sb.run(['get', 'nodes', '-o', 'name']).stdout.trim().split('\n')).toHaveLength(2);
    expect(sb.run(['--context', 'pocketkube', 'get', 'nodes', '-o', 'name']).stdout.trim().split('\n')).toHaveLength(3);
    expect(sb.run(['cluster', 'create', 'dev'])).toMatchObject({ stderr: 'error: cluster "dev" already exists\n', code: 1 });
  });

  it('refuses an unknown context and bad names', () => {
    expect(sb.run(['get', 'pods', '--context', 'nope'])).toMatchObject({
      stderr: 'Error in configuration: context was not found for specified context: nope\n',
      code: 1,
    });
    expect(sb.run(['cluster', 'create', 'Bad_Name']).code).toBe(1);
  });

  it('deletes a cluster and falls back to the default context', () => {
    expect(sb.run(['cluster', 'delete', 'dev'])).toMatchObject({ code: 0 });
    expect(sb.run(['cluster', 'list']).stdout).toBe('pocketkube\n');
    expect(sb.run(['get', 'nodes', '-o', 'name']).stdout.trim().split('\n')).toHaveLength(3);
    expect(sb.run(['cluster', 'delete', 'dev'])).toMatchObject({ stderr: 'error: cluster "dev" does not exist\n', code: 1 });
  });
});
