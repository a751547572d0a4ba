import { Flags } from '@oclif/core';
import type { KubeObject } from '../../api/types.js';
import { KubeCommand } from '../../cli/base-command.js';
import { ReportedError, renderErrors } from '../../cli/errors.js';
import { dryRunStrategy, writeOutput } from '../../cli/flags.js';
import { type EnvChange, listEnv, overwriteRefusal, parseEnv, updateEnv } from '../../cli/inplace/env-change.js';
import { podSpecOf, selectContainers } from '../../cli/inplace/pod-spec.js';
import { ChangePrinter } from '../../cli/inplace/print.js';
import { runSet } from '../../cli/inplace/run-set.js';
import { requireResources, setFlags, setTargets } from '../../cli/inplace/set-flags.js';
import { findTargets } from '../../cli/inplace/targets.js';
import { splitResourcesAndPairs } from '../../cli/metadata-change.js';

/** `--from=configmap/NAME|secret/NAME`: one variable per key (upper-cased, other characters as `_`). */
function envFrom(objs: KubeObject[], keys: string[], prefix: string): EnvChange['set'] {
  const out: EnvChange['set'] = [];
  for (const o of objs) {
    const ref = o.kind === 'Secret' ? 'secretKeyRef' : o.kind === 'ConfigMap' ? 'configMapKeyRef' : undefined;
    if (!ref) throw new Error('unsupported resource specified in --from');
    for (const key of Object.keys((o.data ?? {}) as Record<string, string>).sort()) {
      if (keys.length > 0 && !keys.includes(key)) continue;
      out.push({ name: prefix + key.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase(), valueFrom: { [ref]: { key, name: o.metadata.name } } });
    }
  }
  return out;
}

export default class SetEnv extends KubeCommand<typeof SetEnv> {
  static override summary = 'Update environment variables on a pod template';
  static override description = 'Update environment variables on a pod template.\n\n List environment variable definitions in one or more pods, pod templates. Add, update, or remove container environment variable definitions in one or more pod templates (within replication controllers or deployment configurations). View or modify the environment variable definitions on all containers in the specified pods or pod templates, or just those that match a wildcard.\n\n If "--env -" is passed, environment variables can be read from STDIN using the standard env syntax.';
  static override strict = false;
  static override usage = 'set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N';
  static override examples = [
    "# Update deployment 'registry' with a new environment variable\n<%= config.bin %> set env deployment/registry STORAGE_DIR=/local",
    "# List the environment variables defined on a deployments 'sample-build'\n<%= config.bin %> set env deployment/sample-build --list",
    '# Import environment from a config map with a prefix\n<%= config.bin %> set env --from=configmap/myconfigmap --prefix=MYSQL_ deployment/myapp',
    '# Remove the environment variable ENV from container \'c1\' in all deployment configs\n<%= config.bin %> set env deployments --all --containers="c1" ENV-',
  ];
  static override flags = {
    ...setFlags('kubectl-set'),
    containers: Flags.string({ char: 'c', description: 'The names of containers in the selected pod templates to change - may use wildcards', default: '*' }),
    env: Flags.string({ char: 'e', description: 'Specify a key-value pair for an environment variable to set into each container.', multiple: true }),
    list: Flags.boolean({ description: 'If true, display the environment and any changes in the standard format. this flag will removed when we have kubectl view env.', default: false }),
    overwrite: Flags.boolean({ description: 'If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment.', default: true, allowNo: true }),
    from: Flags.string({ description: 'The name of a resource from which to inject environment variables' }),
    keys: Flags.string({ description: 'Comma-separated list of keys to import from specified resource', multiple: true, delimiter: ',' }),
    prefix: Flags.string({ description: 'Prefix to append to variable names', default: '' }),
  };

  async run(): Promise<void> {
    const f = this.flags;
    const { resources, pairs } = splitResourcesAndPairs(this.argList, 'environment');
    requireResources(resources, f);
    if (f.list && f.output) throw new Error('--list and --output may not be specified together');
    if ((f.keys ?? []).length > 0 && !f.from) throw new Error('when specifying --keys, a configmap or secret must be provided with --from');
    const change = parseEnv([...(f.env ?? []), ...pairs]);
    const dryRun = dryRunStrategy(f['dry-run']);
    const printer = new ChangePrinter(writeOutput(f.output), dryRun);
    const io = { out: (t: string) => this.out(t), err: (t: string) => this.err(t) };
    const where = { namespace: this.namespace(), enforceNamespace: this.namespaceExplicit(), bin: this.config.bin };
    await this.withCluster(async (conn) => {
      if (f.from) {
        const src = await findTargets(conn.client, conn.registry, { args: [f.from], ...where });
        if (src.errors.length > 0) {
          this.err(renderErrors(src.errors));
          throw new ReportedError(1);
        }
        change.set.push(...envFrom(src.targets.map((t) => t.obj), f.keys ?? [], ''));
      }
      for (const e of change.set) e.name = f.prefix + e.name;
      const found = await setTargets(conn, resources, f, where);
      await runSet({
        client: conn.client, found, dryRun: f.list ? 'client' : dryRun, printer, io, fieldManager: f['field-manager'],
        operation: 'env updated',
        patchFailure: 'failed to patch env update to pod template',
        change: (obj): void | 'skip' => {
          const containers = selectContainers(podSpecOf(obj).containers, f.containers);
          if (containers.length === 0) {
            this.err(`warning: ${obj.kind}/${obj.metadata.name ?? ''} does not have any containers matching ${JSON.stringify(f.containers)}`);
            return 'skip';
          }
          for (const c of containers) {
            if (!f.overwrite) {
              const refusal = overwriteRefusal(c.env, change);
              if (refusal) throw new Error(refusal);
            }
            c.env = updateEnv(c.env, change);
            if (c.env.length === 0) delete c.env;
            if (f.list) this.out(listEnv(obj.kind ?? '', obj.metadata.name ?? '', c));
          }
          if (f.list) return 'skip';
        },
      });
    });
  }
}

