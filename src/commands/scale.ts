import { Flags } from '@oclif/core';
import { StatusError } from '../api/errors.js';
import { type KindDef, resourceOf } from '../api/kind.js';
import type { KubeObject } from '../api/types.js';
import { KubeCommand } from '../cli/base-command.js';
import { ReportedError, renderErrors } from '../cli/errors.js';
import { apiDryRun, dryRunFlag, dryRunStrategy, dryRunSuffix, selectorFlag, targetFileFlags } from '../cli/flags.js';
import { durationFlag } from '../util/go-duration.js';
import { kindPrefix } from '../cli/printers/name.js';
import { resolveTargets } from '../cli/rollout/targets.js';
import { hasScaleSubresource } from '../cli/scale-subresource.js';
import { waitFor } from '../cli/rollout/wait.js';

export default class Scale extends KubeCommand<typeof Scale> {
  static override summary = 'Set a new size for a deployment, replica set, or replication controller';
  static override description = 'Set a new size for a deployment, replica set, replication controller, or stateful set.\n\nScale also allows users to specify one or more preconditions for the scale action.\n\nIf --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.';
  static override strict = false;
  static override usage = 'scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)';
  static override examples = [
    '# Scale a replica set named \'foo\' to 3\n<%= config.bin %> scale --replicas=3 rs/foo',
    '# If the deployment named mysql\'s current size is 2, scale mysql to 3\n<%= config.bin %> scale --current-replicas=2 --replicas=3 deployment/mysql',
    '# Scale multiple replication controllers\n<%= config.bin %> scale --replicas=5 rc/example1 rc/example2 rc/example3',
    '# Scale stateful set named \'web\' to 3\n<%= config.bin %> scale --replicas=3 statefulset/web',
  ];
  static override flags = {
    replicas: Flags.integer({ description: 'The new desired number of replicas. Required.', required: true }),
    'current-replicas': Flags.integer({ description: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.', default: -1 }),
    'resource-version': Flags.string({ description: 'Precondition for resource version. Requires that the current resource version match this value in order to scale.', default: '' }),
    all: Flags.boolean({ description: 'Select all resources in the namespace of the specified resource types', default: false }),
    selector: selectorFlag,
    ...targetFileFlags('identifying the resource to set a new size'),
    timeout: Flags.string({ description: 'The length of time to wait before giving up on a scale operation, zero means don\'t wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).', default: '0s' }),
    'dry-run': dryRunFlag,
    output: Flags.string({ char: 'o', description: 'Output format. One of: (name).' }),
  };

  async run(): Promise<void> {
    const f = this.flags;
    if (f.replicas < 0) throw new Error('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    if (f.output && f.output !== 'name') throw new Error(`unable to match a printer suitable for the output format "${f.output}", allowed formats are: name`);
    const dryRun = dryRunStrategy(f['dry-run']);
    const timeoutMs = durationFlag('timeout', f.timeout);
    const errors: unknown[] = [];
    await this.withCluster(async (conn) => {
      const res = await resolveTargets(conn.client, conn.registry, this.argList, { namespace: this.namespace(), selector: f.selector, all: f.all, bin: this.config.bin, files: f.filename, recursive: f.recursive });
      errors.push(...res.errors);
      if (res.targets.length === 0 && res.errors.length === 0) throw new Error('no objects passed to scale');
      const preconditioned = f['current-replicas'] >= 0 || f['resource-version'] !== '';
      if (preconditioned && res.targets.length > 1) throw new Error('cannot use --resource-version with multiple resources');
      const scaled: { kind: KindDef; obj: KubeObject }[] = [];
      for (const { kind, obj } of res.targets) {
        try {
          if (!hasScaleSubresource(kind)) {
            throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
          }
          if (f['current-replicas'] >= 0 && (obj.spec?.replicas ?? 1) !== f['current-replicas']) {
            throw new Error(`Expected replicas to be ${f['current-replicas']}, was ${obj.spec?.replicas ?? 1}`);
          }
          if (f['resource-version'] && obj.metadata.resourceVersion !== f['resource-version']) {
            throw new Error(`Expected resource version to be ${f['resource-version']}, was ${obj.metadata.resourceVersion}`);
          }
          if (dryRun !== 'client') {
            const next = { ...obj, spec: { ...obj.spec, replicas: f.replicas } };
            // kubectl scales through the scale subresource, as managedFields record it
            scaled.push({ kind, obj: await conn.client.update(resourceOf(kind), next, { dryRun: apiDryRun(dryRun), fieldManager: 'kubectl', subresource: 'scale' }) });
          }
          const name = `${kindPrefix(kind)}/${obj.metadata.name}`;
          this.out(f.output === 'name' ? `${name}\n` : `${name} scaled${dryRunSuffix(dryRun)}\n`);
        } catch (e) {
          errors.push(e);
        }
      }
      if (timeoutMs > 0 && dryRun === 'none' && scaled.length > 0) {
        await waitFor(conn, async () => {
          for (const { kind, obj } of scaled) {
            const live = await conn.client.get(resourceOf(kind), obj.metadata.namespace, obj.metadata.name ?? '');
            if ((live.status?.replicas ?? 0) !== f.replicas || (live.status?.observedGeneration ?? 0) < (live.metadata.generation ?? 0)) return false;
          }
          return true;
        }, { timeoutMs });
      }
    });
    if (errors.length > 0) {
      this.err(renderErrors(errors));
      throw new ReportedError(1);
    }
  }
}
