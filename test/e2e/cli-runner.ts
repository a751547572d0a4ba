import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Runs the built CLI (`npm run build` first) against one temporary state directory. */
export const BIN = process.env.POCKETKUBE_E2E_BIN ?? fileURLToPath(new URL('../../bin/run.js', import.meta.url));

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

export class CliSandbox {
  readonly stateDir: string;
  readonly dir: string;

  constructor(prefix = 'pk-e2e-') {
    this.dir = mkdtempSync(join(tmpdir(), prefix));
    this.stateDir = join(this.dir, 'state');
  }

  /** `pocketkube --state-dir <tmp> ...args`, optionally with standard input. */
  run(args: string[], input?: string): CliResult {
    const res = spawnSync(process.execPath, [BIN, '--state-dir', this.stateDir, ...args], {
      input,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', DEBUG: '' },
      timeout: 60_000,
    });
    return { stdout: res.stdout, stderr: res.stderr, code: res.status ?? -1 };
  }

  path(name: string): string {
    return join(this.dir, name);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
