import { Flags } from '@oclif/core';
import { kindRegistry } from '../../api/kinds/index.js';
import { arrayFlag, GeneratorCommand, generatorFlags, sliceFlag } from '../../cli/generators/generator-command.js';
import { generateClusterRole } from '../../cli/generators/role.js';

/** A `key=value,key2=value2` flag (pflag's mapStringString). */
function parseMap(flag: string, value: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!value) return out;
  for (const pair of value.split(',')) {
    const eq = pair.indexOf('=');
    if (eq < 0) throw new Error(`invalid argument "${value}" for "--${flag}" flag: ${pair} must be formatted as key=value`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

export default class CreateClusterRole extends GeneratorCommand<typeof CreateClusterRole> {
  static override summary = 'Create a cluster role';
  static override description = 'Create a cluster role.';
  static override strict = false;
  static override usage = 'create clusterrole NAME --verb=verb --resource=resource.group [--resource-name=resourcename] [--dry-run=server|client|none]';
  static override examples = [
    '# Create a cluster role named "pod-reader" that allows user to perform "get", "watch" and "list" on pods\n<%= config.bin %> create clusterrole pod-reader --verb=get,list,watch --resource=pods',
    '# Create a cluster role named "pod-reader" with ResourceName specified\n<%= config.bin %> create clusterrole pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod',
    '# Create a cluster role named "foo" with API Group specified\n<%= config.bin %> create clusterrole foo --verb=get,list,watch --resource=rs.apps',
    '# Create a cluster role named "foo" with SubResource specified\n<%= config.bin %> create clusterrole foo --verb=get,list,watch --resource=pods,pods/status',
    '# Create a cluster role name "foo" with NonResourceURL specified\n<%= config.bin %> create clusterrole "foo" --verb=get --non-resource-url=/logs/*',
    '# Create a cluster role name "monitoring" with AggregationRule specified\n<%= config.bin %> create clusterrole monitoring --aggregation-rule="rbac.example.com/aggregate-to-monitoring=true"',
  ];
  static override flags = {
    ...generatorFlags,
    'aggregation-rule': Flags.string({ description: 'An aggregation label selector for combining ClusterRoles.' }),
    'non-resource-url': sliceFlag('A partial url that user should have access to.'),
    resource: sliceFlag('Resource that the rule applies to'),
    'resource-name': arrayFlag('Resource in the white list that the rule applies to, repeat this flag for multiple items'),
    verb: sliceFlag('Verb that applies to the resources contained in the rule'),
  };

  async run(): Promise<void> {
    const f = this.flags;
    const aggregationRule = parseMap('aggregation-rule', f['aggregation-rule']);
    const obj = generateClusterRole(kindRegistry(), {
      name: this.nameArg(),
      verbs: f.verb ?? [],
      resources: f.resource ?? [],
      resourceNames: f['resource-name'] ?? [],
      nonResourceURLs: f['non-resource-url'] ?? [],
      aggregationRule,
    }, (line) => this.err(line));
    await this.finish(obj);
  }
}
