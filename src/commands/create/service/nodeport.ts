import { ServiceCommand, nodePortFlag, serviceFlags } from '../../../cli/generators/service-command.js';

export default class CreateServiceNodePort extends ServiceCommand<typeof CreateServiceNodePort> {
  static override summary = 'Create a NodePort service';
  static override description = 'Create a NodePort service with the specified name.';
  static override aliases = ['create:svc:nodeport'];
  static override strict = false;
  static override examples = ['# Create a new NodePort service named my-ns\n<%= config.bin %> create service nodeport my-ns --tcp=5678:8080'];
  static override flags = { ...serviceFlags, 'node-port': nodePortFlag };
  protected readonly serviceType = 'NodePort' as const;

  async run(): Promise<void> {
    await this.createService({ nodePort: this.flags['node-port'] });
  }
}
