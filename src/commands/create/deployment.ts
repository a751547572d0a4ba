import { Flags } from '@oclif/core';
import { GeneratorCommand, generatorFlags, sliceFlag } from '../../cli/generators/generator-command.js';
import { generateDeployment } from '../../cli/generators/workloads.js';

export default class CreateDeployment extends GeneratorCommand<typeof CreateDeployment> {
  static override summary = 'Create a deployment with the specified name';
  static override description = 'Create a deployment with the specified name.';
  static override aliases = ['create:deploy'];
  static override strict = false;
  static override usage = 'create deployment NAME --image=image -- [COMMAND] [args...]';
  static override examples = [
    '# Create a deployment named my-dep that runs the busybox image\n<%= config.bin %> create deployment my-dep --image=busybox',
    '# Create a deployment with a command\n<%= config.bin %> create deployment my-dep --image=busybox -- date',
    '# Create a deployment named my-dep that runs the nginx image with 3 replicas\n<%= config.bin %> create deployment my-dep --image=nginx --replicas=3',
    '# Create a deployment named my-dep that runs the busybox image and expose port 5701\n<%= config.bin %> create deployment my-dep --image=busybox --port=5701',
    '# Create a deployment named my-dep that runs multiple containers\n<%= config.bin %> create deployment my-dep --image=busybox:latest --image=ubuntu:latest --image=nginx',
  ];
  static override flags = {
    ...generatorFlags,
    image: sliceFlag('Image names to run. A deployment can have multiple images set for multi-container pod.'),
    port: Flags.integer({ description: 'The containerPort that this deployment exposes.', default: -1 }),
    replicas: Flags.integer({ char: 'r', description: 'Number of replicas to create. Default is 1.', default: 1 }),
  };

  async run(): Promise<void> {
    const name = this.nameArg();
    this.requireFlags({ image: this.flags.image });
    const obj = generateDeployment({
      name,
      namespace: this.enforcedNamespace(),
      images: this.flags.image ?? [],
      replicas: this.flags.replicas,
      port: this.flags.port,
      command: this.splitAtDash().after,
    });
    await this.finish(obj, { failure: 'failed to create deployment: ' });
  }
}
