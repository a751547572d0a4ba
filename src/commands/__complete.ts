import { Command } from '@oclif/core';
import { existsSync } from 'node:fs';
import type { Client } from '../api/client.js';
import { kindRegistry } from '../api/kinds/index.js';
import { KubeCommand, type KubeFlags } from '../cli/base-command.js';
import { complete } from '../cli/completion/candidates.js';
import { completionCommands, completionWorld } from '../cli/completion/world.js';
import { listContexts } from '../cli/contexts.js';
import type { Connection } from '../client/embedded.js';
import { clusterDir } from '../util/state-dir.js';

/**
 * The callback of the completion scripts (cobra's protocol): `pocketkube __complete WORDS… PARTIAL`
 * prints one candidate per line, then `:DIRECTIVE`. The words are taken as typed, not parsed as
 * flags; only --state-dir, --context and -n among them are honoured, as the command would.
 */
export default class Complete extends KubeCommand<typeof Complete> {
  static override hidden = true;
  static override strict = false;
  static override summary = 'Complete the words of a command line (used by the completion scripts)';

  override async init(): Promise<void> {
    // oclif's own set-up only: the words are completion input, not flags of this command.
    await (Command.prototype as unknown as { init(this: Command): Promise<void> }).init.call(this);
    this.argList = [...this.argv];
    this.flags = globalsIn(this.argList) as KubeFlags<typeof Complete>;
  }

  async run(): Promise<void> {
    const words = this.argList.length ? this.argList : [''];
    let conn: Connection | undefined;
    const root = this.stateRoot();
    const world = completionWorld({
      commands: completionCommands(this.config.commands),
      registry: kindRegistry(),
      contexts: listContexts(root),
      defaultNamespace: this.namespace(),
      client: async (): Promise<Client | undefined> => {
        if (!conn && existsSync(clusterDir(root, this.contextName()))) conn = await this.connect();
        return conn?.client;
      },
    });
    try {
      const { candidates, directive } = await complete(world, words);
      this.out(candidates.map((c) => c + '\n').join('') + `:${directive}\n`);
    } finally {
      await conn?.close();
    }
  }
}

/** The global flags among the typed words that decide where completion looks. */
function globalsIn(words: string[]): Record<string, string | number | undefined> {
  const out: Record<string, string | number | undefined> = { v: 0 };
  const names: Record<string, string> = { '--state-dir': 'state-dir', '--context': 'context', '--namespace': 'namespace', '-n': 'namespace' };
  for (let i = 0; i < words.length - 1; i++) {
    const w = words[i];
    const eq = w.indexOf('=');
    const key = names[eq > 0 ? w.slice(0, eq) : w];
    if (!key) continue;
    const value = eq > 0 ? w.slice(eq + 1) : words[i + 1];
    // The word under the cursor is not a value yet.
    if (eq > 0 || i + 1 < words.length - 1) out[key] = value;
  }
  return out;
}
