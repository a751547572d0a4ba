import { KubeCommand } from '../../cli/base-command.js';
import { selectorFlag, targetFileFlags } from '../../cli/flags.js';
import { patchEach } from '../../cli/rollout/patch-each.js';
import { restartedAt } from '../../cli/rollout/restart-time.js';
import { forTargets } from '../../cli/rollout/run-targets.js';
import type { Target } from '../../cli/rollout/targets.js';

const RESTARTABLE = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);
const ANNOTATION = 'kubectl.kubernetes.io/restartedAt';

export default class RolloutRestart extends KubeCommand<typeof RolloutRestart> {
  static override summary = 'Restart a resource';
  static override description = 'Restart a resource.\n\n        Resource rollout will be restarted.';
  static override strict = false;
  static override usage = 'rollout restart RESOURCE';
  static override examples = [
    '# Restart all deployments in the test-namespace namespace\n<%= config.bin %> rollout restart deployment -n test-namespace',
    '# Restart a deployment\n<%= config.bin %> rollout restart deployment/nginx',
    '# Restart a daemon set\n<%= config.bin %> rollout restart daemonset/abc',
    '# Restart deployments with the app=nginx label\n<%= config.bin %> rollout restart deployment --selector=app=nginx',
  ];
  static override flags = { selector: selectorFlag, ...targetFileFlags() };

  async run(): Promise<void> {
    await this.withCluster(async (conn) => {
      const stamp = restartedAt(conn.now());
      const patch = (t: Target) => {
        if (!RESTARTABLE.has(t.kind.kind)) throw new Error('restarting is not supported');
        if (t.kind.kind === 'Deployment' && t.obj.spec?.paused) throw new Error("can't restart paused deployment (run rollout resume first)");
        if (t.obj.spec?.template?.metadata?.annotations?.[ANNOTATION] === stamp) return undefined;
        return { spec: { template: { metadata: { annotations: { [ANNOTATION]: stamp } } } } };
      };
      const empty = (t: Target) => new Error(`failed to create patch for ${t.obj.metadata.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`);
      await forTargets(conn, this.argList, { namespace: this.namespace(), selector: this.flags.selector, bin: this.config.bin, files: this.flags.filename, recursive: this.flags.recursive },
        { out: (t) => this.out(t), err: (t) => this.err(t) },
        (targets) => patchEach(conn.client, targets, 'restarted', patch, empty));
    });
  }
}
