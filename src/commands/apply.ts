import { KubeCommand } from '../cli/base-command.js';
import { applyObject } from '../cli/apply/apply-object.js';
import { applyServerSide, checkServerSideFlags, CLIENT_SIDE_MANAGER } from '../cli/apply/server-side.js';
import { ReportedError, renderErrors } from '../cli/errors.js';
import { dryRunFlag, dryRunStrategy, dryRunSuffix, fieldValidationOf, filenameFlag, outputFlag, recursiveFlag, validateFlag, writeOutput } from '../cli/flags.js';
import { loadManifests } from '../cli/manifests.js';
import { placeObjects } from '../cli/object-namespace.js';
import { printCollected, successLine } from '../cli/write-output.js';
import type { KubeObject } from '../api/types.js';
import { Flags } from '@oclif/core';
import { parseSelector } from '../api/label-selector.js';
import { checkPruneFlags, objectKey, prune, pruneKinds } from '../cli/prune.js';

export default class Apply extends KubeCommand<typeof Apply> {
  static override summary = 'Apply a configuration to a resource by file name or stdin';
  static override description =
    'Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn\'t exist yet. JSON and YAML formats are accepted.';
  static override examples = [
    '# Apply the configuration in pod.json to a pod\n<%= config.bin %> apply -f ./pod.json',
    '# Apply resources from a directory\n<%= config.bin %> apply -f dir/',
    '# Apply the JSON passed into stdin to a pod\ncat pod.json | <%= config.bin %> apply -f -',
    '# Apply in the server (server-side apply), taking over fields other managers own\n<%= config.bin %> apply --server-side --force-conflicts -f ./crds.yaml',
  ];
  static override flags = {
    filename: filenameFlag('The files that contain the configurations to apply.'),
    recursive: recursiveFlag,
    'dry-run': dryRunFlag,
    validate: validateFlag,
    output: outputFlag,
    prune: Flags.boolean({ description: 'Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all.', default: false }),
    selector: Flags.string({ char: 'l', description: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.' }),
    all: Flags.boolean({ description: 'Select all resources in the namespace of the specified resource types.', default: false }),
    'prune-allowlist': Flags.string({ description: 'Overwrite the default allowlist with <group/version/kind> for --prune', multiple: true, multipleNonGreedy: true }),
    'server-side': Flags.boolean({ description: 'If true, apply runs in the server instead of the client.', default: false }),
    'force-conflicts': Flags.boolean({ description: 'If true, server-side apply will force the changes against conflicts.', default: false }),
    'field-manager': Flags.string({ description: 'Name of the manager used to track field ownership.', default: CLIENT_SIDE_MANAGER }),
  };

  async run(): Promise<void> {
    const files = this.flags.filename ?? [];
    if (files.length === 0) throw new Error('must specify one of -f and -k');
    const dryRun = dryRunStrategy(this.flags['dry-run']);
    const serverSide = this.flags['server-side'];
    checkServerSideFlags(serverSide, this.flags['force-conflicts'], dryRun);
    // kubectl's manager under --server-side is `kubectl` unless --field-manager names one
    const manager = this.flags['field-manager'];
    const fieldManager = serverSide && manager === CLIENT_SIDE_MANAGER ? 'kubectl' : manager;
    const fieldValidation = fieldValidationOf(this.flags.validate);
    const format = writeOutput(this.flags.output);
    const errors: unknown[] = [];
    const allowlist = this.flags['prune-allowlist'] ?? [];
    const collected: KubeObject[] = [];
    // kinds are mapped with the cluster's registry (its CRDs serve custom resources)
    await this.withClusterOnDemand(async (cluster) => {
      const set = await loadManifests(files, { recursive: this.flags.recursive, registry: async () => (await cluster()).registry });
      if (set.items.length === 0 && set.errors.length === 0) throw new Error('no objects passed to apply');
      errors.push(...set.errors);
      checkPruneFlags({ prune: this.flags.prune, selector: this.flags.selector, all: this.flags.all, allowlist });
      const selector = this.flags.selector ? parseSelector(this.flags.selector) : undefined;
      const targets = placeObjects(set.items, this.namespace(), this.namespaceExplicit(), errors).filter((t) => !selector || selector.matches(t.obj.metadata?.labels));
      if (targets.length === 0) return;
      const conn = await cluster();
      for (const t of targets) {
        try {
          const res = serverSide
            ? await applyServerSide(conn.client, t, { fieldManager, force: this.flags['force-conflicts'], dryRun, fieldValidation })
            : await applyObject(conn.client, t, dryRun, fieldValidation, fieldManager);
          for (const w of res.warnings) this.err(w);
          if (format === 'json' || format === 'yaml') collected.push(res.object);
          else this.out(successLine(res.object, t.kind, res.operation, format, dryRunSuffix(dryRun)));
        } catch (err) {
          errors.push(err);
        }
      }
      if (this.flags.prune && errors.length === 0) {
        const pruned = await prune(conn.client, {
          kinds: pruneKinds(conn.registry, allowlist),
          selector: this.flags.selector,
          namespaces: new Set(targets.flatMap((t) => (t.namespace ? [t.namespace] : []))),
          applied: new Set(targets.map((t) => objectKey(t.kind, t.namespace, t.obj.metadata?.name ?? ''))),
          dryRun,
        });
        if (format !== 'json' && format !== 'yaml') for (const p of pruned) this.out(successLine(p.object, p.kind, 'pruned', format, dryRunSuffix(dryRun)));
      }
    });
    if (format === 'json' || format === 'yaml') this.out(printCollected(collected, format));
    if (errors.length > 0) {
      this.err(renderErrors(errors));
      throw new ReportedError(1);
    }
  }
}
