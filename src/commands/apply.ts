import { KubeCommand } from '../cli/base-command.js';
import { applyObject } from '../cli/apply/apply-object.js';
import { ReportedError, renderErrors } from '../cli/errors.js';
import { dryRunFlag, dryRunStrategy, dryRunSuffix, filenameFlag, outputFlag, recursiveFlag, writeOutput } from '../cli/flags.js';
import { loadManifests } from '../cli/manifests.js';
import { placeObjects } from '../cli/object-namespace.js';
import { printCollected, successLine } from '../cli/write-output.js';
import { kindRegistry } from '../api/kinds/index.js';
import type { KubeObject } from '../api/types.js';

export default class Apply extends KubeCommand<typeof Apply> {
  static override summary = 'Apply a configuration to a resource by file name or stdin';
  static override description =
    'Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn\'t exist yet. JSON and YAML formats are accepted.';
  static override examples = [
    '# Apply the configuration in pod.json to a pod\n<%= config.bin %> apply -f ./pod.json',
    '# Apply resources from a directory\n<%= config.bin %> apply -f dir/',
    '# Apply the JSON passed into stdin to a pod\ncat pod.json | <%= config.bin %> apply -f -',
  ];
  static override flags = {
    filename: filenameFlag('The files that contain the configurations to apply.'),
    recursive: recursiveFlag,
    'dry-run': dryRunFlag,
    output: outputFlag,
  };

  async run(): Promise<void> {
    const files = this.flags.filename ?? [];
    if (files.length === 0) throw new Error('must specify one of -f and -k');
    const dryRun = dryRunStrategy(this.flags['dry-run']);
    const format = writeOutput(this.flags.output);
    const set = await loadManifests(files, { recursive: this.flags.recursive, registry: kindRegistry() });
    if (set.items.length === 0 && set.errors.length === 0) throw new Error('no objects passed to apply');

    const errors: unknown[] = [...set.errors];
    const targets = placeObjects(set.items, this.namespace(), this.namespaceExplicit(), errors);
    const collected: KubeObject[] = [];
    if (targets.length > 0) {
      await this.withCluster(async (conn) => {
        for (const t of targets) {
          try {
            const res = await applyObject(conn.client, t, dryRun);
            for (const w of res.warnings) this.err(w);
            if (format === 'json' || format === 'yaml') collected.push(res.object);
            else this.out(successLine(res.object, t.kind, res.operation, format, dryRunSuffix(dryRun)));
          } catch (err) {
            errors.push(err);
          }
        }
      });
    }
    if (format === 'json' || format === 'yaml') this.out(printCollected(collected, format));
    if (errors.length > 0) {
      this.err(renderErrors(errors));
      throw new ReportedError(1);
    }
  }
}
