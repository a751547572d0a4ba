import { generateNamespace } from '../../cli/generators/simple.js';
import { GeneratorCommand, generatorFlags } from '../../cli/generators/generator-command.js';

export default class CreateNamespace extends GeneratorCommand<typeof CreateNamespace> {
  static override summary = 'Create a namespace with the specified name';
  static override description = 'Create a namespace with the specified name.';
  static override aliases = ['create:ns'];
  static override strict = false;
  static override examples = ['# Create a new namespace named my-namespace\n<%= config.bin %> create namespace my-namespace'];
  static override flags = { ...generatorFlags };

  async run(): Promise<void> {
    await this.finish(generateNamespace(this.nameArg()));
  }
}
