import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { BIN, CliSandbox } from './cli-runner.js';

let sb: CliSandbox;
beforeAll(() => {
  sb = new CliSandbox('pk-completion-');
  expect(sb.run(['run', 'web', '--image=nginx']).code).toBe(0);
  expect(sb.run(['create', 'configmap', 'settings', '--from-literal=a=b']).code).toBe(0);
});
afterAll(() => sb.dispose());

const lines = (s: string) => s.trimEnd().split('\n');

describe('__complete through the CLI', () => {
  it('completes resource types and object names from the cluster', () => {
    const types = lines(sb.run(['__complete', 'get', 'po']).stdout);
    expect(types).toEqual(expect.arrayContaining(['po', 'pod', 'pods', ':4']));
    expect(lines(sb.run(['__complete', 'get', 'pods', '']).stdout)).toEqual(['web', ':4']);
    expect(lines(sb.run(['__complete', 'describe', 'cm/s']).stdout)).toEqual(['cm/settings', ':4']);
    expect(lines(sb.run(['__complete', 'config', 'use-']).stdout)).toEqual(['use-context', ':4']);
  });

  it('prints a bash script that completes object names through the program', () => {
    const script = sb.run(['completion', 'bash']).stdout;
    const harness = `${script}
pocketkube() { "${process.execPath}" "${BIN}" --state-dir "${sb.stateDir}" "$@"; }
COMP_LINE='pocketkube get pods '; COMP_POINT=\${#COMP_LINE}
__pocketkube_complete
printf '%s\\n' "\${COMPREPLY[@]}"`;
    expect(execFileSync('bash', ['-c', harness], { encoding: 'utf8' })).toBe('web\n');
  });

  it('rejects unknown shells', () => {
    const r = sb.run(['completion', 'tcsh']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: Unsupported shell type "tcsh".\nSee \'pocketkube completion -h\' for help and examples\n');
  });
});
