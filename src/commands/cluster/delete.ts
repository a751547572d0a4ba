import { existsSync } from 'node:fs';
import { Args } from '@oclif/core';
import { KubeCommand } from '../../cli/base-command.js';
import { DEFAULT_CLUSTER, forgetContext } from '../../cli/contexts.js';
import { clusterDir } from '../../util/state-dir.js';
import { removeEmbedded } from '../../client/remove-embedded.js';

export default class ClusterDelete extends KubeCommand<typeof ClusterDelete> {
  static override summary = 'Delete a local cluster and all its state';
  static override examples = [
    '# Delete the default cluster\n<%= config.bin %> cluster delete',
    '# Delete the dev cluster\n<%= config.bin %> cluster delete dev',
  ];
  static override args = {
    name: Args.string({ description: `cluster name (default "${DEFAULT_CLUSTER}")`, required: false }),
  };

  async run(): Promise<void> {
    const name = this.args.name ?? DEFAULT_CLUSTER;
    const root = this.stateRoot();
    const dir = clusterDir(root, name);
    if (!existsSync(dir)) throw new Error(`cluster "${name}" does not exist`);
    this.err(`Deleting cluster "${name}" ...`);
    await removeEmbedded(dir);
    forgetContext(root, name);
    this.err(`Deleted cluster "${name}"`);
  }
}
