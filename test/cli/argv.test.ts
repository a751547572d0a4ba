import { describe, expect, it } from 'vitest';
import { normaliseArgv, normaliseFlagForms } from '../../src/cli/argv.js';

describe('normaliseArgv', () => {
  it.each([
    [['-n', 'shop', 'get', 'pods'], ['get', 'pods', '-n', 'shop']],
    [['--namespace=shop', 'get', 'pods'], ['get', 'pods', '--namespace=shop']],
    [['-nshop', 'get', 'pods'], ['get', 'pods', '-nshop']],
    [['--context', 'x', '--state-dir', '/s', 'get', 'pods'], ['get', 'pods', '--context', 'x', '--state-dir', '/s']],
    [['-v', '6', 'cluster', 'list'], ['cluster', 'list', '-v', '6']],
    [['get', 'pods', '-n', 'shop'], ['get', 'pods', '-n', 'shop']],
    [['-n', 'x', 'exec', 'p', '--', 'ls', '-n', 'y'], ['exec', 'p', '-n', 'x', '--', 'ls', '-n', 'y']],
    [['--help'], ['--help']],
    [['-n', 'x'], ['-n', 'x']],
  ])('%j → %j', (input, output) => {
    expect(normaliseArgv(input)).toEqual(output);
  });
});

describe('normaliseFlagForms', () => {
  it('gives bare --dry-run and --cascade their kubectl meaning', () => {
    expect(normaliseFlagForms(['delete', 'pod', 'x', '--dry-run', '--cascade'])).toEqual(['delete', 'pod', 'x', '--dry-run=client', '--cascade=background']);
  });

  it('rewrites boolean --flag=true|false for oclif', () => {
    expect(normaliseFlagForms(['delete', 'pods', '--all=true', '--wait=false', '--force=false'])).toEqual(['delete', 'pods', '--all', '--no-wait']);
    expect(normaliseFlagForms(['logs', 'deploy/web', '--all-pods=true', '--all-containers=true', '--prefix=false'])).toEqual(['logs', 'deploy/web', '--all-pods', '--all-containers']);
    expect(normaliseFlagForms(['run', 'x', '--image=nginx', '--port=80', '--expose=true'])).toEqual(['run', 'x', '--image=nginx', '--port=80', '--expose']);
    expect(normaliseFlagForms(['create', 'pc', 'a', '--global-default=true'])).toEqual(['create', 'pc', 'a', '--global-default']);
    expect(normaliseFlagForms(['create', 'pc', 'a', '--global-default=false'])).toEqual(['create', 'pc', 'a']);
    expect(normaliseFlagForms(['create', 'pc', 'a', '--global-default=1', '--save-config=T', '--wait=0'])).toEqual(['create', 'pc', 'a', '--global-default', '--save-config', '--no-wait']);
  });

  it('leaves string flags and everything after -- alone', () => {
    expect(normaliseFlagForms(['delete', '--cascade=false', '--', '--wait=false'])).toEqual(['delete', '--cascade=false', '--', '--wait=false']);
  });
});
