import { Args, Flags } from '@oclif/core';
import { KubeCommand } from '../cli/base-command.js';
import { PlainError } from '../cli/errors.js';
import { explainBody, explainHeader } from '../cli/explain/plaintext.js';
import { FieldNotFoundError } from '../cli/explain/schema-view.js';
import { CRD_RESOURCE } from '../api/crd/custom-kind.js';
import type { JSONSchemaProps } from '../api/crd/json-schema.js';
import { apiVersionOf, type KindDef, resourceOf } from '../api/kind.js';
import type { Client } from '../api/client.js';

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
    const apiVersion = this.flags['api-version'];
    // the cluster's registry: it also holds the custom resources its CRDs serve
    const kind = await this.withCluster(async (conn) => {
      const found = conn.registry.resolve(resource);
      if (!found) throw new PlainError(`the server doesn't have a resource type "${resource}"`);
      if (!apiVersion || apiVersion === apiVersionOf(found)) return found;
      const other = found.customSchema && found.alsoServed?.includes(apiVersion) ? await otherServedVersion(conn.client, found, apiVersion) : undefined;
      if (other) return other;
      // a built-in kind's other served version with a shape of its own (autoscaling/v1 HorizontalPodAutoscaler)
      const typeName = found.alsoServed?.includes(apiVersion) ? found.versionSchemaTypes?.[apiVersion] : undefined;
      if (typeName) return { ...found, version: apiVersion.slice(apiVersion.indexOf('/') + 1), schemaType: typeName };
      const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
      throw new PlainError(`error: couldn't find resource for "${group}/${version}, Resource=${found.plural}"`);
    });
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

/**
 * A custom resource in another version its CRD serves: kubectl reads that version's OpenAPI
 * document, whose schema is that version's own.
 */
async function otherServedVersion(client: Client, kind: KindDef, apiVersion: string): Promise<KindDef | undefined> {
  const crd = await client.get(CRD_RESOURCE, undefined, resourceOf(kind));
  const name = apiVersion.slice(apiVersion.indexOf('/') + 1);
  const versions: { name: string; served?: boolean; schema?: { openAPIV3Schema?: JSONSchemaProps } }[] = crd.spec?.versions ?? [];
  const version = versions.find((v) => v.name === name && v.served);
  if (!version) return undefined;
  // as customKindOf, a version without a schema keeps any field
  const schema = version.schema?.openAPIV3Schema ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  return { ...kind, version: name, customSchema: schema };
}
