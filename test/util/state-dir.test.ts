import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterDir, ensurePrivateDir, resolveStateRoot } from '../../src/util/state-dir.js';

const root = mkdtempSync(join(tmpdir(), 'pk-state-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('resolveStateRoot', () => {
  const env = { POCKETKUBE_HOME: '/env/home', XDG_DATA_HOME: '/xdg' };
  it('prefers the flag, then POCKETKUBE_HOME, then XDG_DATA_HOME, then the user data dir', () => {
    expect(resolveStateRoot('/flag/dir', env, '/home/u', 'linux')).toBe('/flag/dir');
    expect(resolveStateRoot(undefined, env, '/home/u', 'linux')).toBe('/env/home');
    expect(resolveStateRoot(undefined, { XDG_DATA_HOME: '/xdg' }, '/home/u', 'linux')).toBe('/xdg/pocketkube');
    expect(resolveStateRoot(undefined, {}, '/home/u', 'linux')).toBe('/home/u/.local/share/pocketkube');
    expect(resolveStateRoot(undefined, {}, '/Users/u', 'darwin')).toBe('/Users/u/Library/Application Support/pocketkube');
  });

  it('makes a relative flag absolute and ignores empty values', () => {
    expect(resolveStateRoot('rel/dir', {}, '/home/u', 'linux')).toBe(resolve('rel/dir'));
    expect(resolveStateRoot('', { POCKETKUBE_HOME: '', XDG_DATA_HOME: '' }, '/home/u', 'linux')).toBe(
      '/home/u/.local/share/pocketkube',
    );
  });
});

describe('clusterDir', () => {
  it('places clusters under <root>/clusters/<name>', () => {
    expect(clusterDir('/r', 'default')).toBe('/r/clusters/default');
  });
  it('refuses names that would leave that folder', () => {
    for (const bad of ['', '.', '..', 'a/b', 'a\\b']) expect(() => clusterDir('/r', bad)).toThrow(/invalid cluster name/);
  });
});

describe('ensurePrivateDir', () => {
  it('creates missing directories with mode 0700', () => {
    const dir = join(root, 'a', 'b');
    ensurePrivateDir(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });
  it('tightens an existing directory', () => {
    const dir = join(root, 'open');
    mkdirSync(dir, { mode: 0o755 });
    ensurePrivateDir(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });
});
