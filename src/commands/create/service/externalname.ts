import { Flags } from '@oclif/core';
import { ServiceCommand, serviceFlags } from '../../../cli/generators/service-command.js';

export default class CreateServiceExternalName extends ServiceCommand<typeof CreateServiceExternalName> {
  static override summary = 'Create an ExternalName service';
  static override description =
    'Create an ExternalName service with the specified name.\n\nExternalName service references to an external DNS address instead of only pods, which will allow application authors to reference services that exist off platform, on other clusters, or locally.';
  static override aliases = ['create:svc:externalname'];
  static override strict = false;
  static override examples = ['# Create a new ExternalName service named my-ns\n<%= config.bin %> create service externalname my-ns --external-name bar.com'];
  static override flags = { ...serviceFlags, 'external-name': Flags.string({ description: 'External name of service' }) };
  protected readonly serviceType = 'ExternalName' as const;

  async run(): Promise<void> {
    this.requireFlags({ 'external-name': this.flags['external-name'] });
    await this.createService({ externalName: this.flags['external-name'] });
  }
}
