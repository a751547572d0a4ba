import { Flags } from '@oclif/core';
import { GeneratorCommand, generatorFlags } from '../../cli/generators/generator-command.js';
import { generatePriorityClass } from '../../cli/generators/priority-class.js';
import { intFlag } from '../../cli/int-flag.js';

export default class CreatePriorityClass extends GeneratorCommand<typeof CreatePriorityClass> {
  static override summary = 'Create a priority class with the specified name';
  static override description = 'Create a priority class with the specified name, value, globalDefault and description.';
  static override aliases = ['create:pc'];
  static override strict = false;
  static override usage = 'create priorityclass NAME --value=VALUE --global-default=BOOL [--dry-run=server|client|none]';
  static override examples = [
    '# Create a priority class named high-priority\n<%= config.bin %> create priorityclass high-priority --value=1000 --description="high priority"',
    '# Create a priority class named default-priority that is considered as the global default priority\n<%= config.bin %> create priorityclass default-priority --value=1000 --global-default=true --description="default priority"',
    '# Create a priority class named high-priority that cannot preempt pods with lower priority\n<%= config.bin %> create priorityclass high-priority --value=1000 --description="high priority" --preemption-policy="Never"',
  ];
  static override flags = {
    ...generatorFlags,
    value: intFlag({ description: 'the value of this priority class.', default: 0, bits: 32 }),
    'global-default': Flags.boolean({ description: 'global-default specifies whether this PriorityClass should be considered as the default priority.', default: false }),
    description: Flags.string({ description: 'description is an arbitrary string that usually provides guidelines on when this priority class should be used.', default: '' }),
    'preemption-policy': Flags.string({ description: 'preemption-policy is the policy for preempting pods with lower priority.', default: 'PreemptLowerPriority' }),
  };

  async run(): Promise<void> {
    const obj = generatePriorityClass({
      name: this.nameArg(),
      value: this.flags.value,
      globalDefault: this.flags['global-default'],
      description: this.flags.description,
      preemptionPolicy: this.flags['preemption-policy'],
    });
    await this.finish(obj, { failure: 'failed to create priorityclass: ' });
  }
}
