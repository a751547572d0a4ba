import { KubeCommand } from '../../cli/base-command.js';
import { listClusters } from '../../cli/contexts.js';

export default class ClusterList extends KubeCommand<typeof ClusterList> {
  static override summary = 'List local clusters, one name per line';
  static override examples = ['# List the local clusters\n<%= config.bin %> cluster list'];
  static override aliases = ['cluster:ls'];

  async run(): Promise<void> {
    const names = listClusters(this.stateRoot());
    if (names.length === 0) {
      this.err('No clusters found.');
      return;
    }
    this.out(names.map((n) => `${n}\n`).join(''));
  }
}
