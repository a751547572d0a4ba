import { Args, Flags } from '@oclif/core';
import { KubeCommand } from '../cli/base-command.js';
import { PlainError } from '../cli/errors.js';
import { explainBody, explainHeader } from '../cli/explain/plaintext.js';
import { FieldNotFoundError } from '../cli/explain/schema-view.js';
import { apiVersionOf } from '../api/kind.js';
import { kindRegistry } from '../api/kinds/index.js';

export default class Explain extends KubeCommand<typeof Explain> {
  static override summary = 'Get documentation for a resource';

  static override description = `Describe fields and structure of various resources.

This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:

        <type>.<fieldName>[.<fieldName>]

The documentation comes from the OpenAPI schema of the resource types pocketkube serves.

Use "pocketkube api-resources" for a complete list of supported resources.`;

  static override usage = 'explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext]';

  static override examples = [
    '# Get the documentation of the resource and its fields\n<%= config.bin %> explain pods',
    '# Get all the fields in the resource\n<%= config.bin %> explain pods --recursive',
    '# Get the explanation for deployment in supported api versions\n<%= config.bin %> explain deployments --api-version=apps/v1',
    '# Get the documentation of a specific field of a resource\n<%= config.bin %> explain pods.spec.containers',
  ];

  static override args = {
    type: Args.string({ description: 'TYPE[.FIELD[.FIELD…]]', required: false }),
  };

  static override flags = {
    'api-version': Flags.string({ description: 'Use given api-version (group/version) of the resource.' }),
    output: Flags.string({
      char: 'o',
      description: 'Format in which to render the schema. Valid values are: (plaintext).',
      default: 'plaintext',
    }),
    recursive: Flags.boolean({
      description: 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.',
      default: false,
    }),
  };

  async run(): Promise<void> {
    const bin = this.config.bin;
    const arg = this.args.type;
    if (!arg) {
      throw new PlainError(`error: You must specify the type of resource to explain. Use "${bin} api-resources" for a complete list of supported resources.`);
    }
    if (this.flags.output !== 'plaintext') {
      throw new PlainError(`error: unrecognized format: ${this.flags.output}`);
    }
    const [resource, ...path] = arg.split('.');
    const kind = kindRegistry().resolve(resource);
    if (!kind) throw new PlainError(`the server doesn't have a resource type "${resource}"`);
    const apiVersion = this.flags['api-version'];
    if (apiVersion && apiVersion !== apiVersionOf(kind)) {
      const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
      throw new PlainError(`error: couldn't find resource for "${group}/${version}, Resource=${kind.plural}"`);
    }
    // kubectl streams the header before it walks the path, so it is printed even when a field is missing.
    this.out(explainHeader(kind));
    try {
      this.out(explainBody({ kind, path, recursive: this.flags.recursive }));
    } catch (err) {
      if (err instanceof FieldNotFoundError) throw new PlainError(`error: ${err.message}`);
      throw err;
    }
  }
}
