import { ServiceCommand, clusterIPFlag, serviceFlags } from '../../../cli/generators/service-command.js';

export default class CreateServiceClusterIP extends ServiceCommand<typeof CreateServiceClusterIP> {
  static override summary = 'Create a ClusterIP service';
  static override description = 'Create a ClusterIP service with the specified name.';
  static override aliases = ['create:svc:clusterip'];
  static override strict = false;
  static override examples = [
    '# Create a new ClusterIP service named my-cs\n<%= config.bin %> create service clusterip my-cs --tcp=5678:8080',
    '# Create a new ClusterIP service named my-cs (in headless mode)\n<%= config.bin %> create service clusterip my-cs --clusterip="None"',
  ];
  static override flags = { ...serviceFlags, clusterip: clusterIPFlag };
  protected readonly serviceType = 'ClusterIP' as const;

  async run(): Promise<void> {
    await this.createService({ clusterIP: this.flags.clusterip });
  }
}
