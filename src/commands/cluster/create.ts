import { existsSync } from 'node:fs';
import { Args, Flags } from '@oclif/core';
import { KubeCommand } from '../../cli/base-command.js';
import { checkClusterSize } from '../../cli/cluster-options.js';
import { DEFAULT_CLUSTER, setCurrentContext, validateClusterName } from '../../cli/contexts.js';
import { clusterDir, ensurePrivateDir } from '../../util/state-dir.js';

export default class ClusterCreate extends KubeCommand<typeof ClusterCreate> {
  static override summary = 'Create a local cluster and make it the current context';
  static override examples = [
    '# Create the default cluster (3 nodes)\n<%= config.bin %> cluster create',
    '# Create a cluster named dev with 5 nodes of 8 CPUs and 32Gi each\n<%= config.bin %> cluster create dev --nodes=5 --cpu=8 --memory=32Gi',
  ];
  static override args = {
    name: Args.string({ description: `cluster name (default "${DEFAULT_CLUSTER}")`, required: false }),
  };
  static override flags = {
    nodes: Flags.integer({ description: 'number of simulated worker nodes', default: 3 }),
    cpu: Flags.string({ description: 'CPU capacity of each node', default: '4' }),
    memory: Flags.string({ description: 'memory capacity of each node', default: '16Gi' }),
    pods: Flags.integer({ description: 'pod capacity of each node', default: 110 }),
  };

  async run(): Promise<void> {
    const name = this.args.name ?? DEFAULT_CLUSTER;
    const bad = validateClusterName(name);
    if (bad) throw new Error(bad);
    const size = { nodes: this.flags.nodes, cpu: this.flags.cpu, memory: this.flags.memory, pods: this.flags.pods };
    checkClusterSize(size);
    const root = this.stateRoot();
    const dir = clusterDir(root, name);
    if (existsSync(dir)) throw new Error(`cluster "${name}" already exists`);
    this.err(`Creating cluster "${name}" ...`);
    ensurePrivateDir(root);
    const { openEmbedded } = await import('../../client/embedded.js');
    const conn = await openEmbedded({ dir, bootstrap: size });
    await conn.close();
    this.err(` ✓ Preparing nodes (${size.nodes} × ${size.cpu} CPU, ${size.memory} memory, ${size.pods} pods)`);
    this.err(' ✓ Starting control-plane');
    setCurrentContext(root, name);
    this.err(`Set pocketkube context to "${name}"`);
    this.err(`You can now use your cluster with:\n\n${this.config.bin} get nodes --context ${name}\n`);
  }
}
