import { Args } from '@oclif/core';
import { KubeCommand } from '../cli/base-command.js';
import { PlainError } from '../cli/errors.js';
import { SHELLS, type Shell, completionScript } from '../cli/completion/scripts.js';

export default class Completion extends KubeCommand<typeof Completion> {
  static override summary = 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)';

  static override description = `Output shell completion code for the specified shell (bash, zsh, fish, or powershell). The shell code must be evaluated to provide interactive completion of pocketkube commands, flags, resource types and the names of objects in the current cluster. This can be done by sourcing it from the .bash_profile.`;

  static override examples = [
    '# Load completion into the current bash shell\nsource <(<%= config.bin %> completion bash)',
    '# Write bash completion code to a file and source it from .bash_profile\n<%= config.bin %> completion bash > ~/.kube/completion.bash.inc\nprintf "\\n# pocketkube shell completion\\nsource \'$HOME/.kube/completion.bash.inc\'\\n" >> $HOME/.bash_profile',
    '# Load completion into the current zsh shell\nsource <(<%= config.bin %> completion zsh)',
    '# Load completion into the current fish shell\n<%= config.bin %> completion fish | source',
    '# Load completion into the current PowerShell session\n<%= config.bin %> completion powershell | Out-String | Invoke-Expression',
  ];

  static override args = {
    shell: Args.string({ description: 'bash, zsh, fish or powershell', required: false }),
  };

  async run(): Promise<void> {
    const shell = this.args.shell;
    const help = `See '${this.config.bin} completion -h' for help and examples`;
    if (!shell) throw new PlainError(`error: Shell not specified.\n${help}`);
    if (!(SHELLS as readonly string[]).includes(shell)) throw new PlainError(`error: Unsupported shell type "${shell}".\n${help}`);
    this.out(completionScript(shell as Shell, this.config.bin));
  }
}
