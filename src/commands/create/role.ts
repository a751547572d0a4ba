import { kindRegistry } from '../../api/kinds/index.js';
import { arrayFlag, GeneratorCommand, generatorFlags, sliceFlag } from '../../cli/generators/generator-command.js';
import { generateRole } from '../../cli/generators/role.js';

export default class CreateRole extends GeneratorCommand<typeof CreateRole> {
  static override summary = 'Create a role with single rule';
  static override description = 'Create a role with single rule.';
  static override strict = false;
  static override usage = 'create role NAME --verb=verb --resource=resource.group/subresource [--resource-name=resourcename] [--dry-run=server|client|none]';
  static override examples = [
    '# Create a role named "pod-reader" that allows user to perform "get", "watch" and "list" on pods\n<%= config.bin %> create role pod-reader --verb=get --verb=list --verb=watch --resource=pods',
    '# Create a role named "pod-reader" with ResourceName specified\n<%= config.bin %> create role pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod',
    '# Create a role named "foo" with API Group specified\n<%= config.bin %> create role foo --verb=get,list,watch --resource=rs.apps',
    '# Create a role named "foo" with SubResource specified\n<%= config.bin %> create role foo --verb=get,list,watch --resource=pods,pods/status',
  ];
  static override flags = {
    ...generatorFlags,
    resource: sliceFlag('Resource that the rule applies to'),
    'resource-name': arrayFlag('Resource in the white list that the rule applies to, repeat this flag for multiple items'),
    verb: sliceFlag('Verb that applies to the resources contained in the rule'),
  };

  async run(): Promise<void> {
    const f = this.flags;
    const obj = generateRole(kindRegistry(), {
      name: this.nameArg(),
      namespace: this.enforcedNamespace(),
      verbs: f.verb ?? [],
      resources: f.resource ?? [],
      resourceNames: f['resource-name'] ?? [],
    }, (line) => this.err(line));
    await this.finish(obj);
  }
}
