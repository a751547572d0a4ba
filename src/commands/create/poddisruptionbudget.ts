import { Flags } from '@oclif/core';
import { GeneratorCommand, generatorFlags } from '../../cli/generators/generator-command.js';
import { generatePodDisruptionBudget } from '../../cli/generators/pod-disruption-budget.js';

export default class CreatePodDisruptionBudget extends GeneratorCommand<typeof CreatePodDisruptionBudget> {
  static override summary = 'Create a pod disruption budget with the specified name';
  static override description = 'Create a pod disruption budget with the specified name, selector, and desired minimum available pods.';
  static override aliases = ['create:pdb'];
  static override strict = false;
  static override usage = 'create poddisruptionbudget NAME --selector=SELECTOR --min-available=N [--dry-run=server|client|none]';
  static override examples = [
    '# Create a pod disruption budget named my-pdb that will select all pods with the app=rails label\n# and require at least one of them being available at any point in time\n<%= config.bin %> create poddisruptionbudget my-pdb --selector=app=rails --min-available=1',
    '# Create a pod disruption budget named my-pdb that will select all pods with the app=nginx label\n# and require at least half of the pods selected to be available at any point in time\n<%= config.bin %> create pdb my-pdb --selector=app=nginx --min-available=50%',
  ];
  static override flags = {
    ...generatorFlags,
    'max-unavailable': Flags.string({ description: 'The maximum number or percentage of unavailable pods this budget requires.', default: '' }),
    'min-available': Flags.string({ description: 'The minimum number or percentage of available pods this budget requires.', default: '' }),
    selector: Flags.string({ description: 'A label selector to use for this budget. Only equality-based selector requirements are supported.', default: '' }),
  };

  async run(): Promise<void> {
    const name = this.nameArg();
    const obj = generatePodDisruptionBudget({
      name,
      namespace: this.enforcedNamespace(),
      selector: this.flags.selector,
      minAvailable: this.flags['min-available'],
      maxUnavailable: this.flags['max-unavailable'],
    });
    await this.finish(obj, { failure: 'failed to create poddisruptionbudgets: ' });
  }
}
