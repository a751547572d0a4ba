import { Args, Flags } from '@oclif/core';
import { KubeCommand } from '../../cli/base-command.js';
import { PlainError } from '../../cli/errors.js';
import { setContext } from '../../cli/contexts.js';

export default class ConfigSetContext extends KubeCommand<typeof ConfigSetContext> {
  static override summary = 'Set a context entry';

  static override description = `Set a context entry.

Specifying a name that already exists modifies that context; a new name creates a context (use "cluster create" to give it a cluster). The context's namespace is the default namespace of every command run in it.`;

  static override usage = 'config set-context [NAME | --current] [--namespace=namespace]';

  static override examples = [
    '# Set the default namespace of the current context\n<%= config.bin %> config set-context --current --namespace=shop',
    '# Set the default namespace of the my-cluster context\n<%= config.bin %> config set-context my-cluster --namespace=shop',
  ];

  static override args = {
    name: Args.string({ description: 'context name', required: false }),
  };

  static override flags = {
    current: Flags.boolean({ description: 'Modify the current context', default: false }),
  };

  async run(): Promise<void> {
    const root = this.stateRoot();
    const given = this.args.name;
    if (this.flags.current && given) throw new PlainError('error: you cannot specify both a context name and --current');
    if (!this.flags.current && !given) throw new PlainError(`error: Unexpected args: []\nSee '${this.config.bin} config set-context -h' for help and examples`);
    const name = given ?? this.contextName();
    // --namespace is the global flag; here it names the context's default namespace.
    const existed = setContext(root, name, { namespace: this.flags.namespace });
    this.outLine(`Context "${name}" ${existed ? 'modified' : 'created'}.`);
  }
}
