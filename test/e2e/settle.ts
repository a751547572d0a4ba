import { execFile } from 'node:child_process';
import { BIN, type CliResult, type CliSandbox } from './cli-runner.js';

/** `pocketkube --state-dir <sandbox> ...args` without blocking the test worker's event loop. */
export function runAsync(sb: CliSandbox, args: string[], timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, '--state-dir', sb.stateDir, ...args], { env: { ...process.env, NO_COLOR: '1', DEBUG: '' }, timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ stdout, stderr, code: err ? (typeof err.code === 'number' ? err.code : 1) : 0 }));
  });
}

/**
 * Runs a CLI command until `done` accepts its result (each invocation lets the cluster's control loop
 * catch up with the time that passed), returning the last result. Gives up after `tries`.
 */
export async function runUntil(sb: CliSandbox, args: string[], done: (r: CliResult) => boolean, tries = 40): Promise<CliResult> {
  let last = await runAsync(sb, args);
  for (let i = 1; i < tries && !done(last); i++) {
    await new Promise((r) => setTimeout(r, 500));
    last = await runAsync(sb, args);
  }
  return last;
}
