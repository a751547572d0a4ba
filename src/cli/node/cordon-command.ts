import { KubeCommand } from '../base-command.js';
import { dryRunFlag, dryRunStrategy, selectorFlag } from '../flags.js';
import { type CordonVerb, cordonNodes } from './cordon.js';
import { findNodes } from './node-targets.js';

/** `cordon` and `uncordon`: one command shape, told apart by the state they ask for. */
export abstract class CordonCommand extends KubeCommand<typeof CordonCommand> {
  static override strict = false;
  static override flags = { 'dry-run': dryRunFlag, selector: selectorFlag };

  protected abstract readonly verb: CordonVerb;

  async run(): Promise<void> {
    const dryRun = dryRunStrategy(this.flags['dry-run']);
    await this.withCluster(async (conn) => {
      const nodes = await findNodes(conn.client, conn.registry, {
        args: this.argList,
        selector: this.flags.selector,
        usage: `${this.verb} NODE`,
        commandLine: `${this.config.bin} ${this.verb}`,
      });
      await cordonNodes(conn.client, nodes, this.verb, dryRun, { out: (t) => this.out(t), err: (t) => this.err(t) });
    });
  }
}
