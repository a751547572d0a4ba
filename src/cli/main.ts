import './oclif-env.js';
import { Config, flush, run } from '@oclif/core';
import { type KnownCommands, normaliseArgv, unknownCommandMessage } from './argv.js';
import { setV8Flags } from './v8-flags.js';

/**
 * Runs the CLI: kubectl-style argv (global flags anywhere), then oclif. Errors that escape a
 * command (unknown command, oclif's own failures) are printed the kubectl way with exit code 1;
 * commands render their own errors (KubeCommand.catch).
 */
export async function main(argv: string[], load: string | { root: string; ignoreManifest?: boolean }): Promise<void> {
  setV8Flags();
  try {
    await run(normaliseArgv(argv), load);
    await flush();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const notFound = /^command (\S+) not found/.exec(message);
    if (notFound) process.stderr.write(unknownCommandMessage(notFound[1], 'pocketkube', await knownCommands(load)));
    else process.stderr.write(message.startsWith('error: ') ? `${message}\n` : `error: ${message}\n`);
    if (process.env.DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 1;
  }
}

/** The command ids and topics the CLI has (read only on the unknown-command path). */
async function knownCommands(load: string | { root: string }): Promise<KnownCommands> {
  try {
    const config = await Config.load(load);
    return { commands: new Set(config.commandIDs), topics: new Set(config.topics.map((t) => t.name)) };
  } catch {
    return { commands: new Set(), topics: new Set() };
  }
}
