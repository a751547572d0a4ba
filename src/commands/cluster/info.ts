import { KubeCommand } from '../../cli/base-command.js';
import { clusterDir } from '../../util/state-dir.js';
import { rfc3339 } from '../../util/clock.js';
import { goDurationString } from '../../util/go-duration.js';
import { resourceOf } from '../../api/kind.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export default class ClusterInfo extends KubeCommand<typeof ClusterInfo> {
  static override summary = "Show the current cluster: where its state lives, its simulated time, nodes and object counts";
  static override examples = [
    '# Show the current cluster\n<%= config.bin %> cluster info',
    '# Show the dev cluster\n<%= config.bin %> cluster info --context dev',
  ];

  async run(): Promise<void> {
    const name = this.contextName();
    const dir = clusterDir(this.stateRoot(), name);
    const lines = await this.withCluster(async (conn) => {
      const cluster = conn.cluster;
      const now = conn.now();
      const offset = cluster ? cluster.clock.offsetMs : 0;
      const nodes = (await conn.client.list('nodes')).items;
      const ready = nodes.filter((n) => (n.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True')).length;
      const counts: string[] = [];
      for (const kind of [...conn.registry.kinds].sort((a, b) => a.plural.localeCompare(b.plural))) {
        if (kind.plural === 'nodes' || kind.plural === 'events') continue;
        let n: number;
        try {
          n = (await conn.client.list(resourceOf(kind))).items.length;
        } catch {
          continue;
        }
        if (n > 0) counts.push(`${kind.plural} ${n}`);
      }
      const ahead = offset === 0 ? 'same as wall time' : `${goDurationString(Math.abs(Math.round(offset)))} ${offset > 0 ? 'ahead of' : 'behind'} wall time`;
      return [
        `Kubernetes control plane is running in-process for cluster "${name}" (pocketkube, embedded)`,
        '',
        `Name:          ${name}`,
        `State dir:     ${dir}`,
        `Cluster time:  ${rfc3339(now)} (${ahead})`,
        `Nodes:         ${nodes.length} (${ready} Ready)`,
        `Objects:       ${counts.join(', ') || '<none>'}`,
        '',
        `To move simulated time forward, use '${this.config.bin} cluster advance DURATION'.`,
      ];
    });
    this.out(lines.map((l) => `${l}\n`).join(''));
  }
}
