import { Flags } from '@oclif/core';
import { isStatusError } from '../api/errors.js';
import { resourceOf } from '../api/kind.js';
import { withSource } from '../cli/apply/apply-object.js';
import { KubeCommand } from '../cli/base-command.js';
import { deleteSettings } from '../cli/delete/options.js';
import { type DeleteTarget, argTargets, checkDeleteSelection } from '../cli/delete/targets.js';
import { type DeletedRef, waitForDeletion } from '../cli/delete/wait-deleted.js';
import { settle } from '../cli/watch/tick-loop.js';
import { ReportedError, renderErrors } from '../cli/errors.js';
import { allNamespacesFlag, apiDryRun, dryRunFlag, dryRunStrategy, dryRunSuffix, filenameFlag, outputFlag, recursiveFlag, selectorFlag } from '../cli/flags.js';
import { durationFlag } from '../util/go-duration.js';
import { loadManifests } from '../cli/manifests.js';
import { placeObjects } from '../cli/object-namespace.js';
import { kindPrefix } from '../cli/printers/name.js';
import { parseResourceArgs, checkNamedSelection } from '../cli/resource-args.js';

export default class Delete extends KubeCommand<typeof Delete> {
  static override summary = 'Delete resources by file names, stdin, resources and names, or by resources and label selector';
  static override strict = false;
  static override usage = 'delete ([-f FILENAME] | TYPE [(NAME | -l label | --field-selector query | --all)])';
  static override examples = [
    '# Delete a pod using the type and name specified in pod.json\n<%= config.bin %> delete -f ./pod.json',
    '# Delete pods and services with same names "baz" and "foo"\n<%= config.bin %> delete pod,service baz foo',
    '# Delete pods and services with label name=myLabel\n<%= config.bin %> delete pods,services -l name=myLabel',
    '# Delete all pods\n<%= config.bin %> delete pods --all',
    '# Delete the pods that have finished (succeeded or failed)\n<%= config.bin %> delete pods --field-selector=status.phase!=Running,status.phase!=Pending',
  ];
  static override flags = {
    filename: filenameFlag('containing the resource to delete.'),
    recursive: recursiveFlag,
    all: Flags.boolean({ description: 'Delete all resources, in the namespace of the specified resource types.', default: false }),
    'all-namespaces': allNamespacesFlag,
    selector: selectorFlag,
    'field-selector': Flags.string({
      description: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
    }),
    'ignore-not-found': Flags.boolean({ description: 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.' }),
    cascade: Flags.string({ description: 'Must be "background", "orphan", or "foreground". Defaults to background.', default: 'background' }),
    'grace-period': Flags.integer({ description: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).', default: -1 }),
    now: Flags.boolean({ description: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).', default: false }),
    force: Flags.boolean({ description: 'If true, immediately remove resources from API and bypass graceful deletion.', default: false }),
    wait: Flags.boolean({ description: 'If true, wait for resources to be gone before returning. This waits for finalizers.', default: true, allowNo: true }),
    timeout: Flags.string({ description: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object', default: '0s' }),
    'dry-run': dryRunFlag,
    output: outputFlag,
  };

  async run(): Promise<void> {
    const f = this.flags;
    if (f.output && f.output !== 'name') throw new Error(`unexpected -o output mode: ${f.output}. We only support '-o name'`);
    const settings = deleteSettings({ cascade: f.cascade, 'grace-period': f['grace-period'], now: f.now, force: f.force });
    const dryRun = dryRunStrategy(f['dry-run']);
    const timeoutMs = durationFlag('timeout', f.timeout);
    const files = f.filename ?? [];
    const errors: unknown[] = [];
    let found = 0;
    // types and kinds are resolved with the cluster's registry (its CRDs serve custom resources)
    await this.withCluster(async (conn) => {
      const registry = conn.registry;
      const sel = files.length === 0 && this.argList.length > 0 ? parseResourceArgs(this.argList, registry, this.config.bin) : undefined;
      const fieldSelector = f['field-selector']?.trim() || undefined;
      checkDeleteSelection(files, this.argList, sel, { all: f.all, selector: f.selector, fieldSelector });
      if (sel) checkNamedSelection(sel, { selector: Boolean(f.selector || fieldSelector) || f.all, allNamespaces: f['all-namespaces'] });
      for (const w of settings.warnings) this.err(w);
      const ignoreNotFound = f['ignore-not-found'] ?? (f.all || Boolean(f.selector) || Boolean(fieldSelector));

      let fileTargets: DeleteTarget[] = [];
      if (files.length > 0) {
        const set = await loadManifests(files, { recursive: f.recursive, registry });
        errors.push(...set.errors);
        fileTargets = placeObjects(set.items, this.namespace(), this.namespaceExplicit(), errors).map((p) => ({
          kind: p.kind,
          namespace: p.namespace,
          name: p.obj.metadata.name ?? '',
          source: p.source,
        }));
      }

      const targets = sel
        ? await argTargets(conn.client, sel, { namespace: this.namespace(), allNamespaces: f['all-namespaces'], selector: f.selector, fieldSelector, all: f.all })
        : fileTargets;
      let warnClusterScope = this.namespaceExplicit() && !f['all-namespaces'];
      const deleted: DeletedRef[] = [];
      for (const t of targets) {
        if (warnClusterScope && !t.kind.namespaced) {
          this.err('Warning: deleting cluster-scoped resources, not scoped to the provided namespace');
          warnClusterScope = false;
        }
        if (dryRun === 'client') {
          found++;
          this.out(this.line(t, settings.gracePeriod, dryRun, f.output));
          continue;
        }
        try {
          const res = await conn.client.delete(resourceOf(t.kind), t.namespace, t.name, {
            dryRun: apiDryRun(dryRun),
            propagationPolicy: settings.propagationPolicy,
            gracePeriodSeconds: settings.gracePeriod >= 0 ? settings.gracePeriod : undefined,
          });
          found++;
          this.out(this.line(t, settings.gracePeriod, dryRun, f.output));
          deleted.push({ kind: t.kind, namespace: t.namespace, name: t.name, uid: res.metadata?.uid });
        } catch (err) {
          if (ignoreNotFound && isStatusError(err) && err.reason === 'NotFound') continue;
          errors.push(t.source ? withSource(err, `error when deleting "${t.source}": `) : err);
        }
      }
      if (errors.length > 0 || found === 0 || !f.wait || dryRun !== 'none') return;
      await waitForDeletion(deleted, timeoutMs, { client: conn.client, settle: () => settle(conn) });
    });
    if (errors.length > 0) {
      this.err(renderErrors(errors));
      throw new ReportedError(1);
    }
    if (found === 0) this.out('No resources found\n');
  }

  /** kubectl's delete printer: `deployment.apps "web" deleted`, `force deleted`, dry-run suffixes, `-o name`. */
  private line(t: DeleteTarget, grace: number, dryRun: 'none' | 'client' | 'server', output: string | undefined): string {
    const prefix = kindPrefix(t.kind);
    if (output === 'name') return `${prefix}/${t.name}\n`;
    return `${prefix} "${t.name}" ${grace === 0 ? 'force deleted' : 'deleted'}${dryRunSuffix(dryRun)}\n`;
  }
}
