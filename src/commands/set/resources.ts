import { Flags } from '@oclif/core';
import { canonicalQuantity, isValidQuantity } from '../../api/quantity.js';
import { KubeCommand } from '../../cli/base-command.js';
import { dryRunStrategy, writeOutput } from '../../cli/flags.js';
import { podSpecOf, selectContainers } from '../../cli/inplace/pod-spec.js';
import { ChangePrinter } from '../../cli/inplace/print.js';
import { runSet } from '../../cli/inplace/run-set.js';
import { requireResources, setFlags, setTargets } from '../../cli/inplace/set-flags.js';

const QUANTITY_RE = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** `cpu=200m,memory=512Mi` → a resource list (kubectl's populateResourceListV1). */
export function parseResourceList(spec: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!spec) return out;
  for (const pair of spec.split(',')) {
    const parts = pair.split('=');
    if (parts.length !== 2) throw new Error(`Invalid argument syntax ${pair}, expected <resource>=<value>`);
    if (!isValidQuantity(parts[1])) throw new Error(QUANTITY_RE);
    out[parts[0]] = canonicalQuantity(parts[1]);
  }
  return out;
}

export default class SetResources extends KubeCommand<typeof SetResources> {
  static override summary = 'Update resource requests/limits on objects with pod templates';
  static override description = 'Specify compute resource requirements (CPU, memory) for any resource that defines a pod template.  If a pod is successfully scheduled, it is guaranteed the amount of resource requested, but may burst up to its specified limits.\n\n For each compute resource, if a limit is specified and a request is omitted, the request will default to the limit.';
  static override strict = false;
  static override usage = 'set resources (-f FILENAME | TYPE NAME)  ([--limits=LIMITS & --requests=REQUESTS]';
  static override examples = [
    '# Set a deployments nginx container cpu limits to "200m" and memory to "512Mi"\n<%= config.bin %> set resources deployment nginx -c=nginx --limits=cpu=200m,memory=512Mi',
    '# Set the resource request and limits for all containers in nginx\n<%= config.bin %> set resources deployment nginx --limits=cpu=200m,memory=512Mi --requests=cpu=100m,memory=256Mi',
    '# Remove the resource requests for resources on containers in nginx\n<%= config.bin %> set resources deployment nginx --limits=cpu=0,memory=0 --requests=cpu=0,memory=0',
  ];
  static override flags = {
    ...setFlags('kubectl-set'),
    containers: Flags.string({ char: 'c', description: 'The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards', default: '*' }),
    limits: Flags.string({ description: 'The resource requirement requests for this container.  For example, \'cpu=100m,memory=256Mi\'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges.' }),
    requests: Flags.string({ description: 'The resource requirement requests for this container.  For example, \'cpu=100m,memory=256Mi\'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges.' }),
  };

  async run(): Promise<void> {
    const f = this.flags;
    requireResources(this.argList, f);
    if (!f.limits && !f.requests) throw new Error('you must specify an update to requests or limits (in the form of --requests/--limits)');
    const limits = parseResourceList(f.limits);
    const requests = parseResourceList(f.requests);
    const dryRun = dryRunStrategy(f['dry-run']);
    const printer = new ChangePrinter(writeOutput(f.output), dryRun);
    await this.withCluster(async (conn) => {
      const found = await setTargets(conn, this.argList, f, { namespace: this.namespace(), enforceNamespace: this.namespaceExplicit(), bin: this.config.bin });
      await runSet({
        client: conn.client, found, dryRun, printer, fieldManager: f['field-manager'],
        io: { out: (t) => this.out(t), err: (t) => this.err(t) },
        operation: 'resource requirements updated',
        patchFailure: 'failed to patch resources update to pod template',
        change: (obj) => {
          const containers = selectContainers(podSpecOf(obj).containers, f.containers);
          if (containers.length === 0) throw new Error(`error: unable to find container named ${f.containers}`);
          for (const c of containers) {
            const res = (c.resources ??= {});
            if (Object.keys(limits).length > 0) res.limits = { ...(res.limits ?? {}), ...limits };
            if (Object.keys(requests).length > 0) res.requests = { ...(res.requests ?? {}), ...requests };
          }
        },
      });
    });
  }
}
