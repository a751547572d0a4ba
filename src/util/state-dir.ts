import { chmodSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Where pocketkube keeps its state: the --state-dir flag, else $POCKETKUBE_HOME, else
 * $XDG_DATA_HOME/pocketkube, else the platform's user data dir.
 */
export function resolveStateRoot(
  flag?: string,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
  platform: NodeJS.Platform = process.platform,
): string {
  if (flag) return resolve(flag);
  if (env.POCKETKUBE_HOME) return resolve(env.POCKETKUBE_HOME);
  if (env.XDG_DATA_HOME) return resolve(env.XDG_DATA_HOME, 'pocketkube');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'pocketkube');
  return join(home, '.local', 'share', 'pocketkube');
}

/** The directory of one cluster under the state root. */
export function clusterDir(root: string, name: string): string {
  if (!name || name === '.' || name === '..' || /[/\\]/.test(name)) {
    throw new Error(`invalid cluster name "${name}"`);
  }
  return join(root, 'clusters', name);
}

/** Creates path (and missing parents) readable by the owner only; tightens an existing one. */
export function ensurePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  chmodSync(path, 0o700);
}
