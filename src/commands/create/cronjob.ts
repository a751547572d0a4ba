import { Flags } from '@oclif/core';
import { GeneratorCommand, generatorFlags } from '../../cli/generators/generator-command.js';
import { generateCronJob } from '../../cli/generators/workloads.js';

export default class CreateCronJob extends GeneratorCommand<typeof CreateCronJob> {
  static override summary = 'Create a cron job with the specified name';
  static override description = 'Create a cron job with the specified name.';
  static override aliases = ['create:cj'];
  static override strict = false;
  static override usage = 'create cronjob NAME --image=image --schedule=\'0/5 * * * ?\' -- [COMMAND] [args...]';
  static override examples = [
    '# Create a cron job\n<%= config.bin %> create cronjob my-job --image=busybox --schedule="*/1 * * * *"',
    '# Create a cron job with a command\n<%= config.bin %> create cronjob my-job --image=busybox --schedule="*/1 * * * *" -- date',
  ];
  static override flags = {
    ...generatorFlags,
    image: Flags.string({ description: 'Image name to run.' }),
    schedule: Flags.string({ description: 'A schedule in the Cron format the job should be run with.' }),
    restart: Flags.string({ description: 'job\'s restart policy. supported values: OnFailure, Never' }),
  };

  async run(): Promise<void> {
    const name = this.nameArg();
    this.requireFlags({ image: this.flags.image, schedule: this.flags.schedule });
    const obj = generateCronJob({
      name,
      namespace: this.enforcedNamespace(),
      image: this.flags.image!,
      schedule: this.flags.schedule!,
      restart: this.flags.restart ?? '',
      command: this.splitAtDash().after,
    });
    await this.finish(obj, { failure: 'failed to create cronjob: ' });
  }
}
