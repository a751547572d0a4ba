import { KubeCommand } from '../../cli/base-command.js';
import { dryRunStrategy, writeOutput } from '../../cli/flags.js';
import { podSpecOf } from '../../cli/inplace/pod-spec.js';
import { ChangePrinter } from '../../cli/inplace/print.js';
import { runSet } from '../../cli/inplace/run-set.js';
import { requireResources, setFlags, setTargets } from '../../cli/inplace/set-flags.js';
import { splitResourcesAndPairs } from '../../cli/metadata-change.js';

/** `name=image` pairs (kubectl's ParsePairs without removal). */
function parseImages(pairs: string[]): Map<string, string> {
  const images = new Map<string, string>();
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes('=') && !p.startsWith('=')) images.set(p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1));
    else invalid.push(p);
  }
  if (invalid.length > 0) throw new Error(`invalid image format: ${invalid.join(', ')}`);
  return images;
}

export default class SetImage extends KubeCommand<typeof SetImage> {
  static override summary = 'Update the image of a pod template';
  static override description = 'Update existing container image(s) of resources.\n\n Possible resources include (case insensitive):\n\n        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)';
  static override strict = false;
  static override usage = 'set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N';
  static override examples = [
    "# Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'\n<%= config.bin %> set image deployment/nginx busybox=busybox nginx=nginx:1.9.1",
    "# Update all deployments' and rc's nginx container's image to 'nginx:1.9.1'\n<%= config.bin %> set image deployments,rc nginx=nginx:1.9.1 --all",
    "# Update image of all containers of daemonset abc to 'nginx:1.9.1'\n<%= config.bin %> set image daemonset abc *=nginx:1.9.1",
  ];
  static override flags = setFlags('kubectl-set');

  async run(): Promise<void> {
    const f = this.flags;
    const { resources, pairs } = splitResourcesAndPairs(this.argList, 'image');
    const images = parseImages(pairs);
    const problems: string[] = [];
    if (resources.length === 0 && (f.filename ?? []).length === 0) problems.push('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    if (images.size === 0) problems.push('at least one image update is required');
    else if (images.size > 1 && images.has('*')) problems.push('all containers are already specified by *, but saw more than one container_name=container_image pairs');
    if (problems.length === 1) throw new Error(problems[0]);
    if (problems.length > 1) throw new Error(`[${problems.join(', ')}]`);
    requireResources(resources, f);
    const dryRun = dryRunStrategy(f['dry-run']);
    const printer = new ChangePrinter(writeOutput(f.output), dryRun);
    await this.withCluster(async (conn) => {
      const found = await setTargets(conn, resources, f, { namespace: this.namespace(), enforceNamespace: this.namespaceExplicit(), bin: this.config.bin });
      await runSet({
        client: conn.client, found, dryRun, printer, fieldManager: f['field-manager'],
        io: { out: (t) => this.out(t), err: (t) => this.err(t) },
        operation: 'image updated',
        patchFailure: 'failed to patch image update to pod template',
        change: (obj) => {
          const spec = podSpecOf(obj);
          const missing: string[] = [];
          for (const [name, image] of images) {
            let hit = false;
            for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])]) {
              if (c.name === name || name === '*') {
                c.image = image;
                hit = true;
              }
            }
            if (!hit) missing.push(`unable to find container named ${JSON.stringify(name)}`);
          }
          if (missing.length > 0) throw new Error(missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`);
        },
      });
    });
  }
}
