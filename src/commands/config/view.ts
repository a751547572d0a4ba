import { Flags } from '@oclif/core';
import { KubeCommand } from '../../cli/base-command.js';
import { PlainError } from '../../cli/errors.js';
import { contextNamespace, listContexts } from '../../cli/contexts.js';
import { clusterDir } from '../../util/state-dir.js';

export default class ConfigView extends KubeCommand<typeof ConfigView> {
  static override summary = 'Display the contexts as a kubeconfig';

  static override description = 'Display the contexts pocketkube knows as a kubeconfig-shaped document: one cluster, one user and one context per pocketkube cluster (the server is the cluster\'s state directory).';

  static override examples = [
    '# Show every context\n<%= config.bin %> config view',
    '# Show only the current context\n<%= config.bin %> config view --minify',
    '# Get the namespace of the current context\n<%= config.bin %> config view --minify -o jsonpath=\'{..namespace}\'',
  ];

  static override flags = {
    minify: Flags.boolean({ description: 'Remove all information not used by current-context from the output', default: false }),
    output: Flags.string({ char: 'o', description: 'Output format. One of: (json, yaml).', default: 'yaml' }),
  };

  async run(): Promise<void> {
    const root = this.stateRoot();
    const current = this.contextName();
    const names = this.flags.minify ? [current] : listContexts(root);
    if (this.flags.minify && !listContexts(root).includes(current)) {
      throw new PlainError(`error: cannot locate context ${current}`);
    }
    const doc = {
      apiVersion: 'v1',
      clusters: names.map((n) => ({ cluster: { server: `file://${clusterDir(root, n)}` }, name: n })),
      contexts: names.map((n) => {
        const ns = contextNamespace(root, n);
        return { context: { cluster: n, ...(ns ? { namespace: ns } : {}), user: n }, name: n };
      }),
      'current-context': current,
      kind: 'Config',
      preferences: {},
      users: names.map((n) => ({ name: n, user: {} })),
    };
    const format = this.flags.output;
    if (format !== 'yaml' && format !== 'json') throw new PlainError(`error: output format "${format}" is not supported by config view; use yaml or json`);
    const { toJson, toYaml } = await import('../../cli/printers/serialize.js');
    this.out(format === 'json' ? toJson(doc) : toYaml(doc));
  }
}
