import { ServiceCommand, serviceFlags } from '../../../cli/generators/service-command.js';

export default class CreateServiceLoadBalancer extends ServiceCommand<typeof CreateServiceLoadBalancer> {
  static override summary = 'Create a LoadBalancer service';
  static override description = 'Create a LoadBalancer service with the specified name.';
  static override aliases = ['create:svc:loadbalancer'];
  static override strict = false;
  static override examples = ['# Create a new LoadBalancer service named my-lbs\n<%= config.bin %> create service loadbalancer my-lbs --tcp=5678:8080'];
  static override flags = { ...serviceFlags };
  protected readonly serviceType = 'LoadBalancer' as const;

  async run(): Promise<void> {
    await this.createService({});
  }
}
