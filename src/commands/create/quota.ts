import { Flags } from '@oclif/core';
import { GeneratorCommand, generatorFlags } from '../../cli/generators/generator-command.js';
import { generateResourceQuota } from '../../cli/generators/resource-quota.js';

export default class CreateQuota extends GeneratorCommand<typeof CreateQuota> {
  static override summary = 'Create a quota with the specified name';
  static override description = 'Create a resource quota with the specified name, hard limits, and optional scopes.';
  static override aliases = ['create:resourcequota'];
  static override strict = false;
  static override usage = 'create quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2] [--dry-run=server|client|none]';
  static override examples = [
    '# Create a new resource quota named my-quota\n<%= config.bin %> create quota my-quota --hard=cpu=1,memory=1G,pods=2,services=3,replicationcontrollers=2,resourcequotas=1,secrets=5,persistentvolumeclaims=10',
    '# Create a new resource quota named best-effort\n<%= config.bin %> create quota best-effort --hard=pods=100 --scopes=BestEffort',
  ];
  // plain string flags in kubectl: given twice, the last one counts
  static override flags = {
    ...generatorFlags,
    hard: Flags.string({ description: 'A comma-delimited set of resource=quantity pairs that define a hard limit.', multiple: true, multipleNonGreedy: true }),
    scopes: Flags.string({ description: 'A comma-delimited set of quota scopes that must all match each object tracked by the quota.', multiple: true, multipleNonGreedy: true }),
  };

  async run(): Promise<void> {
    const name = this.nameArg();
    const { hard, scopes } = this.flags;
    const obj = generateResourceQuota({ name, namespace: this.enforcedNamespace(), hard: hard?.at(-1) ?? '', scopes: scopes?.at(-1) ?? '' });
    await this.finish(obj, { failure: 'failed to create quota: ' });
  }
}
