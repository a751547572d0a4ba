import { KubeCommand } from '../../cli/base-command.js';

export default class ConfigCurrentContext extends KubeCommand<typeof ConfigCurrentContext> {
  static override summary = 'Display the current-context';

  static override description = 'Display the current-context: the cluster commands use when --context is not given.';

  static override examples = ['# Display the current-context\n<%= config.bin %> config current-context'];

  async run(): Promise<void> {
    this.outLine(this.contextName());
  }
}
