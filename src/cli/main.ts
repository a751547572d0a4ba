import './oclif-env.js';
import { flush, run } from '@oclif/core';
import { normaliseArgv, unknownCommandMessage } from './argv.js';

/**
 * Runs the CLI: kubectl-style argv (global flags anywhere), then oclif. Errors that escape a
 * command (unknown command, oclif's own failures) are printed the kubectl way with exit code 1;
 * commands render their own errors (KubeCommand.catch).
 */
export async function main(argv: string[], load: string | { root: string; ignoreManifest?: boolean }): Promise<void> {
  try {
    await run(normaliseArgv(argv), load);
    await flush();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const notFound = /^command (\S+) not found/.exec(message);
    if (notFound) process.stderr.write(unknownCommandMessage(notFound[1], 'pocketkube'));
    else process.stderr.write(message.startsWith('error: ') ? `${message}\n` : `error: ${message}\n`);
    if (process.env.DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 1;
  }
}
