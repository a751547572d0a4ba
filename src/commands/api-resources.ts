import { Flags } from '@oclif/core';
import { KubeCommand } from '../cli/base-command.js';
import { type ApiResourceSort, printApiResources, selectResources } from '../cli/printers/api-resources.js';

export default class ApiResources extends KubeCommand<typeof ApiResources> {
  static override summary = 'Print the supported API resources on the server';

  static override description = 'Print the supported API resources on the server: their names, short names, API version, whether they live in a namespace, and their kind.';

  static override examples = [
    '# Print the supported API resources\n<%= config.bin %> api-resources',
    '# Print the supported API resources with more information\n<%= config.bin %> api-resources -o wide',
    '# Print the supported API resources sorted by a column\n<%= config.bin %> api-resources --sort-by=name',
    '# Print the supported namespaced resources\n<%= config.bin %> api-resources --namespaced=true',
    '# Print the supported non-namespaced resources\n<%= config.bin %> api-resources --namespaced=false',
    '# Print the supported API resources with a specific APIGroup\n<%= config.bin %> api-resources --api-group=apps',
  ];

  static override flags = {
    output: Flags.string({ char: 'o', description: 'Output format. One of: (wide, name).' }),
    'api-group': Flags.string({ description: 'Limit to resources in the specified API group.' }),
    namespaced: Flags.string({
      description: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.',
      options: ['true', 'false'],
    }),
    verbs: Flags.string({ multiple: true, description: 'Limit to resources that support the specified verbs.' }),
    categories: Flags.string({ multiple: true, description: 'Limit to resources that belong to the specified categories.' }),
    'sort-by': Flags.string({ description: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." }),
    'no-headers': Flags.boolean({ description: "When using the default or custom-column output format, don't print headers (default print headers).", default: false }),
  };

  async run(): Promise<void> {
    const f = this.flags;
    const output = f.output ?? '';
    if (output !== '' && output !== 'wide' && output !== 'name') {
      throw new Error(`unable to match a printer suitable for the output format "${output}", allowed formats are: name,wide`);
    }
    const sortBy = f['sort-by'] ?? '';
    if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') throw new Error('--sort-by accepts only name or kind');
    const list = (v: string[] | undefined): string[] => (v ?? []).flatMap((s) => s.split(',')).filter(Boolean);

    const kinds = await this.withCluster(async (conn) => conn.registry.kinds);
    const picked = selectResources(kinds, {
      apiGroup: f['api-group'],
      namespaced: f.namespaced === undefined ? undefined : f.namespaced === 'true',
      verbs: list(f.verbs),
      categories: list(f.categories),
    }, sortBy as ApiResourceSort);
    this.out(printApiResources(picked, { output: output === '' ? undefined : output, noHeaders: f['no-headers'] }));
  }
}
