import { Flags } from '@oclif/core';
import { deepEqual } from '../api/patch/json-value.js';
import { KubeCommand } from '../cli/base-command.js';
import { ReportedError, renderErrors } from '../cli/errors.js';
import { apiDryRun, dryRunFlag, dryRunStrategy, filenameFlag, outputFlag, recursiveFlag, writeOutput } from '../cli/flags.js';
import { applyPatchLocally, patchType, readPatch } from '../cli/inplace/patch-input.js';
import { ChangePrinter } from '../cli/inplace/print.js';
import { findTargets } from '../cli/inplace/targets.js';
import { NO_RESOURCES } from '../cli/rollout/targets.js';
import { resourceOf } from '../api/kind.js';

export default class Patch extends KubeCommand<typeof Patch> {
  static override summary = 'Update fields of a resource';
  static override description = 'Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.\n\n JSON and YAML formats are accepted.\n\n Note: Strategic merge patch is not supported for custom resources.';
  static override strict = false;
  static override usage = 'patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]';
  static override examples = [
    '# Partially update a node using a strategic merge patch, specifying the patch as JSON\n<%= config.bin %> patch node k8s-node-1 -p \'{"spec":{"unschedulable":true}}\'',
    "# Partially update a node using a strategic merge patch, specifying the patch as YAML\n<%= config.bin %> patch node k8s-node-1 -p $'spec:\\n unschedulable: true'",
    '# Partially update a node identified by the type and name specified in "node.json" using strategic merge patch\n<%= config.bin %> patch -f node.json -p \'{"spec":{"unschedulable":true}}\'',
    '# Update a container\'s image; spec.containers[*].name is required because it\'s a merge key\n<%= config.bin %> patch pod valid-pod -p \'{"spec":{"containers":[{"name":"kubernetes-serve-hostname","image":"new image"}]}}\'',
    '# Update a container\'s image using a JSON patch with positional arrays\n<%= config.bin %> patch pod valid-pod --type=\'json\' -p=\'[{"op": "replace", "path": "/spec/containers/0/image", "value":"new image"}]\'',
  ];
  static override flags = {
    patch: Flags.string({ char: 'p', description: 'The patch to be applied to the resource JSON file.' }),
    'patch-file': Flags.string({ description: 'A file containing a patch to be applied to the resource.' }),
    type: Flags.string({ description: 'The type of patch being provided; one of [json merge strategic]', default: 'strategic' }),
    filename: filenameFlag('Filename, directory, or URL to files identifying the resource to update'),
    recursive: recursiveFlag,
    'dry-run': dryRunFlag,
    output: outputFlag,
    'field-manager': Flags.string({ description: 'Name of the manager used to track field ownership.', default: 'kubectl-patch' }),
  };

  async run(): Promise<void> {
    const f = this.flags;
    const value = readPatch(f.patch, f['patch-file']);
    const type = patchType(f.type);
    const dryRun = dryRunStrategy(f['dry-run']);
    const printer = new ChangePrinter(writeOutput(f.output), dryRun);
    if (this.argList.length === 0 && (f.filename ?? []).length === 0) throw new Error(NO_RESOURCES);
    const errors: unknown[] = [];
    await this.withCluster(async (conn) => {
      const found = await findTargets(conn.client, conn.registry, {
        args: this.argList, filenames: f.filename, recursive: f.recursive,
        namespace: this.namespace(), enforceNamespace: this.namespaceExplicit(), bin: this.config.bin,
      });
      errors.push(...found.errors);
      for (const { kind, obj } of found.targets) {
        try {
          const patched = dryRun === 'client'
            ? applyPatchLocally(kind, obj, type, value)
            : await conn.client.patch(resourceOf(kind), obj.metadata.namespace, obj.metadata.name ?? '', type, value, { dryRun: apiDryRun(dryRun), fieldManager: f['field-manager'] });
          this.out(printer.print(patched, kind, deepEqual(obj, patched) ? 'patched (no change)' : 'patched'));
        } catch (err) {
          errors.push(err);
        }
      }
      if (found.targets.length === 0 && found.errors.length === 0) errors.push(new Error('no objects passed to patch'));
    });
    if (errors.length > 0) {
      this.err(renderErrors(errors));
      throw new ReportedError(1);
    }
  }
}
