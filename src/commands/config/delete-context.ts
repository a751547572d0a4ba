import { Args } from '@oclif/core';
import { KubeCommand } from '../../cli/base-command.js';
import { PlainError } from '../../cli/errors.js';
import { configFile, contextExists, currentContext, deleteContext } from '../../cli/contexts.js';

export default class ConfigDeleteContext extends KubeCommand<typeof ConfigDeleteContext> {
  static override summary = 'Delete the specified context';

  static override description = 'Delete the specified context. The cluster and its state stay (delete those with "cluster delete"); "config set-context NAME" brings the context back.';

  static override examples = ['# Delete the context for the my-cluster cluster\n<%= config.bin %> config delete-context my-cluster'];

  static override args = {
    name: Args.string({ description: 'context name', required: false }),
  };

  async run(): Promise<void> {
    const name = this.args.name;
    const root = this.stateRoot();
    if (!name) throw new PlainError(`error: Unexpected args: []\nSee '${this.config.bin} config delete-context -h' for help and examples`);
    if (!contextExists(root, name)) throw new PlainError(`error: cannot delete context ${name}, not in ${configFile(root)}`);
    if (currentContext(root) === name) {
      this.err(`warning: this removed your active context, use "${this.config.bin} config use-context" to select a different one`);
    }
    deleteContext(root, name);
    this.outLine(`deleted context ${name} from ${configFile(root)}`);
  }
}
