import { Args, Flags } from '@oclif/core';
import { KubeCommand } from '../cli/base-command.js';
import { PlainError } from '../cli/errors.js';
import { resolveType } from '../cli/resource-args.js';
import type { Client } from '../api/client.js';
import { formatLabelSelector } from '../api/label-selector.js';
import type { KubeObject } from '../api/types.js';
import { containerLogs } from '../node/runtime/logs.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const DEFAULT_CONTAINER = 'kubectl.kubernetes.io/default-container';

/** kubectl's podutils.ByLogging order: scheduled, then running, then ready, then older first. */
function loggingRank(p: KubeObject): number[] {
  const phase = { Running: 0, Pending: 1, Unknown: 2 }[p.status?.phase as string] ?? 3;
  const ready = (p.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True') ? 0 : 1;
  return [p.spec?.nodeName ? 0 : 1, phase, ready, new Date(p.metadata.creationTimestamp ?? 0).getTime()];
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

export default class Logs extends KubeCommand<typeof Logs> {
  static override summary = 'Print the logs for a container in a pod';

  static override description =
    'Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.\n\n' +
    'Containers of the simulated runtime print the lines their pod\'s `pocketkube.io/logs` annotation names, each time they start.';

  static override usage = 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [flags]';

  static override examples = [
    '# Return snapshot logs from pod nginx with only one container\n<%= config.bin %> logs nginx',
    '# Return snapshot logs from pod nginx with multi containers\n<%= config.bin %> logs nginx --all-containers=true',
    '# Return snapshot of previous terminated ruby container logs from pod web-1\n<%= config.bin %> logs -p -c ruby web-1',
    '# Display only the most recent 20 lines of output in pod nginx\n<%= config.bin %> logs --tail=20 nginx',
    '# Return snapshot logs from first container of a deployment named nginx\n<%= config.bin %> logs deployment/nginx',
  ];

  static override args = {
    target: Args.string({ description: 'POD or TYPE/NAME' }),
    container: Args.string({ description: 'container name (same as -c)' }),
  };

  static override flags = {
    container: Flags.string({ char: 'c', description: 'Print the logs of this container' }),
    previous: Flags.boolean({ char: 'p', description: 'If true, print the logs for the previous instance of the container in a pod if it exists.', default: false }),
    tail: Flags.integer({ description: 'Lines of recent log file to display. Defaults to -1, showing all log lines.', default: -1 }),
    timestamps: Flags.boolean({ description: 'Include timestamps on each line in the log output', default: false }),
    'all-containers': Flags.boolean({ description: 'Get all containers\' logs in the pod(s).', default: false }),
    prefix: Flags.boolean({ description: 'Prefix each log line with the log source (pod name and container name)', default: false }),
  };

  async run(): Promise<void> {
    const target = this.args.target;
    if (!target) throw new PlainError('error: expected \'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]\'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee \'pocketkube logs -h\' for help and examples');
    const containerArg = this.flags.container ?? this.args.container;
    const lines = await this.withCluster(async (conn) => {
      const pod = await this.pickPod(conn.client, conn.registry, target);
      const containers = this.containersOf(pod, containerArg);
      const out: string[] = [];
      for (const c of containers) {
        const prefix = this.flags.prefix ? `[pod/${pod.metadata.name}/${c}] ` : '';
        for (const l of containerLogs(pod, c, { previous: this.flags.previous, tail: this.flags.tail, timestamps: this.flags.timestamps })) out.push(prefix + l);
      }
      return out;
    });
    for (const l of lines) this.outLine(l);
  }

  /** The containers to print: -c, all, or the default one (kubectl's "Defaulted container" rule). */
  private containersOf(pod: KubeObject, wanted: string | undefined): string[] {
    const inits: string[] = (pod.spec?.initContainers ?? []).map((c: any) => c.name);
    const regular: string[] = (pod.spec?.containers ?? []).map((c: any) => c.name);
    if (this.flags['all-containers']) return [...inits, ...regular];
    if (wanted !== undefined) {
      if (![...inits, ...regular].includes(wanted)) {
        throw new PlainError(`Error from server (BadRequest): container ${wanted} is not valid for pod ${pod.metadata.name}`);
      }
      return [wanted];
    }
    const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER];
    if (annotated && regular.includes(annotated)) return [annotated];
    if (regular.length + inits.length > 1) {
      const all = [...regular, ...inits.map((n) => `${n} (init)`)].join(', ');
      this.err(`Defaulted container "${regular[0]}" out of: ${all}`);
    }
    return [regular[0]!];
  }

  private async pickPod(client: Client, registry: Parameters<typeof resolveType>[0], target: string): Promise<KubeObject> {
    const namespace = this.namespace();
    const slash = target.indexOf('/');
    if (slash < 0) return client.get('pods', namespace, target);
    const [kind] = resolveType(registry, target.slice(0, slash));
    const name = target.slice(slash + 1);
    if (kind!.plural === 'pods') return client.get('pods', namespace, name);
    const owner = await client.get(kind!.plural, namespace, name);
    const selector = owner.spec?.selector;
    const labelSelector = kind!.plural === 'services' || kind!.plural === 'replicationcontrollers' ? Object.entries(selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',') : formatLabelSelector(selector);
    if (!labelSelector) throw new PlainError(`error: cannot get the logs from ${kind!.plural}.${kind!.group || ''}`.replace(/\.$/, ''));
    const pods = (await client.list('pods', { namespace, labelSelector })).items.sort((a, b) => compareRank(loggingRank(a), loggingRank(b)));
    if (pods.length === 0) throw new PlainError(`error: timed out waiting for the condition`);
    if (pods.length > 1) this.err(`Found ${pods.length} pods, using pod/${pods[0]!.metadata.name}`);
    return pods[0]!;
  }
}
