import { Flags } from '@oclif/core';
import { resourceOf } from '../api/kind.js';
import type { KubeObject } from '../api/types.js';
import { withSource } from '../cli/apply/apply-object.js';
import { withLastApplied } from '../cli/apply/last-applied.js';
import { KubeCommand } from '../cli/base-command.js';
import { PlainError, ReportedError, renderErrors } from '../cli/errors.js';
import { apiDryRun, dryRunFlag, dryRunStrategy, dryRunSuffix, fieldValidationOf, filenameFlag, outputFlag, recursiveFlag, validateFlag, writeOutput } from '../cli/flags.js';
import { loadManifests } from '../cli/manifests.js';
import { placeObjects } from '../cli/object-namespace.js';
import { printCollected, successLine } from '../cli/write-output.js';

export default class Create extends KubeCommand<typeof Create> {
  static override summary = 'Create a resource from a file or from stdin';
  static override description = 'Create a resource from a file or from stdin. JSON and YAML formats are accepted.';
  static override examples = [
    '# Create a pod using the data in pod.json\n<%= config.bin %> create -f ./pod.json',
    '# Create a pod based on the JSON passed into stdin\ncat pod.json | <%= config.bin %> create -f -',
  ];
  static override flags = {
    filename: filenameFlag('Filename, directory, or URL to files to use to create the resource'),
    recursive: recursiveFlag,
    'dry-run': dryRunFlag,
    validate: validateFlag,
    output: outputFlag,
    'save-config': Flags.boolean({
      description: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
      default: false,
    }),
  };

  async run(): Promise<void> {
    const files = this.flags.filename ?? [];
    if (files.length === 0) throw new PlainError('Error: must specify one of -f and -k');
    const dryRun = dryRunStrategy(this.flags['dry-run']);
    const fieldValidation = fieldValidationOf(this.flags.validate);
    const format = writeOutput(this.flags.output);
    const errors: unknown[] = [];
    const collected: KubeObject[] = [];
    await this.withClusterOnDemand(async (cluster) => {
      // kinds are mapped with the cluster's registry (its CRDs serve custom resources)
      const set = await loadManifests(files, { recursive: this.flags.recursive, registry: async () => (await cluster()).registry });
      errors.push(...set.errors);
      const targets = placeObjects(set.items, this.namespace(), this.namespaceExplicit(), errors);
      if (targets.length === 0 && errors.length === 0) throw new Error('no objects passed to create');
      const report = (obj: KubeObject, t: (typeof targets)[number]) => {
        if (format === 'json' || format === 'yaml') collected.push(obj);
        else this.out(successLine(obj, t.kind, 'created', format, dryRunSuffix(dryRun)));
      };
      const body = (obj: KubeObject) => (this.flags['save-config'] ? withLastApplied(obj).modified : obj);
      if (dryRun === 'client') {
        for (const t of targets) report(body(t.obj), t);
        return;
      }
      if (targets.length === 0) return;
      const conn = await cluster();
      for (const t of targets) {
        try {
          report(await conn.client.create(resourceOf(t.kind), body(t.obj), { dryRun: apiDryRun(dryRun), fieldManager: 'kubectl-create', fieldValidation, onWarning: (w) => this.err(`Warning: ${w}`) }), t);
        } catch (err) {
          errors.push(withSource(err, `error when creating "${t.source}": `));
        }
      }
    });
    if (format === 'json' || format === 'yaml') this.out(printCollected(collected, format));
    if (errors.length > 0) {
      this.err(renderErrors(errors));
      throw new ReportedError(1);
    }
  }
}
