import { Args } from '@oclif/core';
import { KubeCommand } from '../../cli/base-command.js';
import { PlainError } from '../../cli/errors.js';
import { contextExists, setCurrentContext } from '../../cli/contexts.js';

export default class ConfigUseContext extends KubeCommand<typeof ConfigUseContext> {
  static override summary = 'Set the current-context';

  static override description = 'Set the current-context: the cluster every later command uses when --context is not given.';

  static override examples = ['# Use the context for the my-cluster cluster\n<%= config.bin %> config use-context my-cluster'];

  static override aliases = ['config:use'];

  static override args = {
    name: Args.string({ description: 'context name', required: false }),
  };

  async run(): Promise<void> {
    const name = this.args.name;
    if (!name) throw new PlainError('error: Unexpected args: []');
    const root = this.stateRoot();
    if (!contextExists(root, name)) throw new PlainError(`error: no context exists with the name: "${name}"`);
    setCurrentContext(root, name);
    this.outLine(`Switched to context "${name}".`);
  }
}
