import { Flags } from '@oclif/core';
import type { KubeObject } from '../api/types.js';
import { resourceOf } from '../api/kind.js';
import { withSource } from '../cli/apply/apply-object.js';
import { LAST_APPLIED, withLastApplied } from '../cli/apply/last-applied.js';
import { KubeCommand } from '../cli/base-command.js';
import { ReportedError, renderErrors } from '../cli/errors.js';
import { apiDryRun, dryRunFlag, dryRunStrategy, filenameFlag, outputFlag, recursiveFlag, writeOutput, fieldValidationOf, validateFlag } from '../cli/flags.js';
import { durationFlag } from '../util/go-duration.js';
import { forceReplace } from '../cli/inplace/force-replace.js';
import { ChangePrinter } from '../cli/inplace/print.js';
import { loadManifests } from '../cli/manifests.js';
import { placeObjects } from '../cli/object-namespace.js';

/** `--save-config`, or an object that already carries the annotation: record the manifest in it. */
function prepare(obj: KubeObject, saveConfig: boolean): KubeObject {
  if (saveConfig || obj.metadata?.annotations?.[LAST_APPLIED] !== undefined) return withLastApplied(obj).modified;
  return structuredClone(obj);
}

export default class Replace extends KubeCommand<typeof Replace> {
  static override summary = 'Replace a resource by file name or stdin';
  static override description = 'Replace a resource by file name or stdin.\n\n JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by\n\n        $ kubectl get TYPE NAME -o yaml';
  static override usage = 'replace -f FILENAME';
  static override examples = [
    '# Replace a pod using the data in pod.json\n<%= config.bin %> replace -f ./pod.json',
    '# Replace a pod based on the JSON passed into stdin\ncat pod.json | <%= config.bin %> replace -f -',
    "# Update a single-container pod's image version (tag) to v4\n<%= config.bin %> get pod mypod -o yaml | sed 's/\\(image: myimage\\):.*$/\\1:v4/' | <%= config.bin %> replace -f -",
    '# Force replace, delete and then re-create the resource\n<%= config.bin %> replace --force -f ./pod.json',
  ];
  static override flags = {
    filename: filenameFlag('The files that contain the configurations to replace.'),
    recursive: recursiveFlag,
    force: Flags.boolean({ description: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.', default: false }),
    'grace-period': Flags.integer({ description: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).', default: -1 }),
    timeout: Flags.string({ description: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object', default: '0s' }),
    'save-config': Flags.boolean({ description: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.", default: false }),
    'dry-run': dryRunFlag,
    validate: validateFlag,
    output: outputFlag,
    'field-manager': Flags.string({ description: 'Name of the manager used to track field ownership.', default: 'kubectl-replace' }),
  };

  async run(): Promise<void> {
    const f = this.flags;
    const dryRun = dryRunStrategy(f['dry-run']);
    const fieldValidation = fieldValidationOf(f.validate);
    const timeoutMs = durationFlag('timeout', f.timeout);
    if (f['grace-period'] >= 0 && !f.force) throw new Error('--grace-period must have --force specified');
    if (timeoutMs !== 0 && !f.force) throw new Error('--timeout must have --force specified');
    if (f.force && dryRun !== 'none') throw new Error('--dry-run can not be used when --force is set');
    if ((f.filename ?? []).length === 0) throw new Error(`Must specify --filename to replace\nSee '${this.config.bin} replace -h' for help and examples`);
    const printer = new ChangePrinter(writeOutput(f.output), dryRun);
    const errors: unknown[] = [];
    await this.withCluster(async (conn) => {
      // kinds are mapped with the cluster's registry (its CRDs serve custom resources)
      const set = await loadManifests(f.filename ?? [], { recursive: f.recursive, registry: conn.registry });
      errors.push(...set.errors);
      const items = placeObjects(set.items, this.namespace(), this.namespaceExplicit(), errors);
      if (f.force) {
        const count = await forceReplace(conn, items, {
          gracePeriodSeconds: f['grace-period'] >= 0 ? f['grace-period'] : undefined,
          timeoutMs: timeoutMs || 5 * 60_000,
          prepare: (obj) => prepare(obj, f['save-config']),
          print: (obj, item) => printer.print(obj, item.kind, 'replaced'),
        }, { out: (t) => this.out(t), err: (t) => this.err(t) }, errors);
        if (count === 0 && errors.length === 0) errors.push(new Error('no objects passed to replace'));
        return;
      }
      for (const item of items) {
        try {
          const obj = prepare(item.obj, f['save-config']);
          if (dryRun === 'client') {
            this.out(printer.print(obj, item.kind, 'replaced'));
            continue;
          }
          if (!obj.metadata.resourceVersion) {
            const live = await conn.client.get(resourceOf(item.kind), item.namespace, obj.metadata.name ?? '');
            obj.metadata.resourceVersion = live.metadata.resourceVersion;
          }
          const replaced = await conn.client.update(resourceOf(item.kind), obj, { dryRun: apiDryRun(dryRun), fieldManager: f['field-manager'], fieldValidation, onWarning: (w) => this.err(`Warning: ${w}`) });
          this.out(printer.print(replaced, item.kind, 'replaced'));
        } catch (err) {
          errors.push(withSource(err, `error when replacing "${item.source}": `));
        }
      }
    });
    if (errors.length > 0) {
      this.err(renderErrors(errors));
      throw new ReportedError(1);
    }
  }
}
