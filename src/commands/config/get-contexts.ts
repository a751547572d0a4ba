import { Args, Flags } from '@oclif/core';
import { KubeCommand } from '../../cli/base-command.js';
import { PlainError } from '../../cli/errors.js';
import { contextNamespace, currentContext, listContexts } from '../../cli/contexts.js';
import { tabulate } from '../../cli/printers/tabwriter.js';

export default class ConfigGetContexts extends KubeCommand<typeof ConfigGetContexts> {
  static override summary = 'Describe one or many contexts';

  static override description = 'Display one or many contexts. Every pocketkube cluster is a context of the same name.';

  static override examples = [
    '# List all the contexts\n<%= config.bin %> config get-contexts',
    '# Describe one context\n<%= config.bin %> config get-contexts my-cluster',
    '# List the context names only\n<%= config.bin %> config get-contexts -o name',
  ];

  static override args = {
    name: Args.string({ description: 'context to describe', required: false }),
  };

  static override flags = {
    output: Flags.string({ char: 'o', description: 'Output format. One of: (name).' }),
    'no-headers': Flags.boolean({ description: "When using the default or custom-column output format, don't print headers (default print headers).", default: false }),
  };

  async run(): Promise<void> {
    const root = this.stateRoot();
    const output = this.flags.output;
    if (output !== undefined && output !== 'name') throw new PlainError(`error: output must be one of '' or 'name'`);
    const all = listContexts(root);
    const wanted = this.args.name ? [this.args.name] : all;
    const current = currentContext(root, this.flags.context);
    if (output === 'name') {
      this.out(wanted.filter((n) => all.includes(n)).map((n) => n + '\n').join(''));
    } else {
      const rows = wanted
        .filter((n) => all.includes(n))
        .map((n) => [n === current ? '*' : '', n, n, n, contextNamespace(root, n) ?? '']);
      const header = this.flags['no-headers'] ? [] : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']];
      this.out(tabulate([...header, ...rows]));
    }
    const missing = wanted.find((n) => !all.includes(n));
    if (missing) throw new PlainError(`error: context ${missing} not found`);
  }
}
