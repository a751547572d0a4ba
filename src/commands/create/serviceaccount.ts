import { generateServiceAccount } from '../../cli/generators/simple.js';
import { GeneratorCommand, generatorFlags } from '../../cli/generators/generator-command.js';

export default class CreateServiceAccount extends GeneratorCommand<typeof CreateServiceAccount> {
  static override summary = 'Create a service account with the specified name';
  static override description = 'Create a service account with the specified name.';
  static override aliases = ['create:sa'];
  static override strict = false;
  static override examples = ['# Create a new service account named my-service-account\n<%= config.bin %> create serviceaccount my-service-account'];
  static override flags = { ...generatorFlags };

  async run(): Promise<void> {
    await this.finish(generateServiceAccount(this.nameArg(), this.enforcedNamespace()), { failure: 'failed to create serviceaccount: ' });
  }
}
