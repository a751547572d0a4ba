import { existsSync, rmSync } from 'node:fs';
import { Args } from '@oclif/core';
import { KubeCommand } from '../../cli/base-command.js';
import { DEFAULT_CLUSTER, forgetContext } from '../../cli/contexts.js';
import { clusterDir } from '../../store/state-dir.js';
import { FileWriteLock } from '../../store/write-lock.js';

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
    const lock = new FileWriteLock(dir);
    await lock.acquire(30_000);
    try {
      rmSync(dir, { recursive: true, force: true });
    } finally {
      if (lock.held()) lock.release();
    }
    forgetContext(root, name);
    this.err(`Deleted cluster "${name}"`);
  }
}
