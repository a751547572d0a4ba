import { Flags } from '@oclif/core';
import { KubeCommand } from '../cli/base-command.js';
import { dryRunFlag, dryRunStrategy, outputFlag, selectorFlag, writeOutput } from '../cli/flags.js';
import { runTaint } from '../cli/node/run-taint.js';

export default class Taint extends KubeCommand<typeof Taint> {
  static override summary = 'Update the taints on one or more nodes';
  static override description = [
    'Update the taints on one or more nodes.',
    '',
    '  *  A taint consists of a key, value, and effect. As an argument here, it is expressed as key=value:effect.',
    '  *  The key must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 253 characters.',
    "  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.",
    '  *  The value is optional. If given, it must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters.',
    '  *  The effect must be NoSchedule, PreferNoSchedule or NoExecute.',
    '  *  Currently taint can only apply to node.',
  ].join('\n');
  static override strict = false;
  static override usage = 'taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N';
  static override examples = [
    "# Update node 'foo' with a taint with key 'dedicated' and value 'special-user' and effect 'NoSchedule'\n# If a taint with that key and effect already exists, its value is replaced as specified\n<%= config.bin %> taint nodes foo dedicated=special-user:NoSchedule",
    "# Remove from node 'foo' the taint with key 'dedicated' and effect 'NoSchedule' if one exists\n<%= config.bin %> taint nodes foo dedicated:NoSchedule-",
    "# Remove from node 'foo' all the taints with key 'dedicated'\n<%= config.bin %> taint nodes foo dedicated-",
    "# Add a taint with key 'dedicated' on nodes having label myLabel=X\n<%= config.bin %> taint node -l myLabel=X  dedicated=foo:PreferNoSchedule",
    "# Add to node 'foo' a taint with key 'bar' and no value\n<%= config.bin %> taint nodes foo bar:NoSchedule",
  ];
  static override flags = {
    all: Flags.boolean({ description: 'Select all nodes in the cluster', default: false }),
    overwrite: Flags.boolean({ description: 'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.', default: false }),
    selector: selectorFlag,
    'dry-run': dryRunFlag,
    output: outputFlag,
    'field-manager': Flags.string({ description: 'Name of the manager used to track field ownership.', default: 'kubectl-taint' }),
  };

  async run(): Promise<void> {
    const f = this.flags;
    const dryRun = dryRunStrategy(f['dry-run']);
    const output = writeOutput(f.output);
    await this.withCluster((conn) => runTaint(conn, {
      args: this.argList,
      all: f.all,
      overwrite: f.overwrite,
      selector: f.selector,
      dryRun,
      output,
      fieldManager: f['field-manager'],
      commandLine: `${this.config.bin} taint`,
    }, { out: (t) => this.out(t), err: (t) => this.err(t) }));
  }
}
