import { KubeCommand } from '../../cli/base-command.js';
import { selectorFlag, targetFileFlags } from '../../cli/flags.js';
import { patchEach, pausePatch } from '../../cli/rollout/patch-each.js';
import { forTargets } from '../../cli/rollout/run-targets.js';

export default class RolloutPause extends KubeCommand<typeof RolloutPause> {
  static override summary = 'Mark the provided resource as paused';
  static override description = 'Mark the provided resource as paused.\n\nPaused resources will not be reconciled by a controller. Use "kubectl rollout resume" to resume a paused resource. Currently only deployments support being paused.';
  static override strict = false;
  static override usage = 'rollout pause RESOURCE';
  static override examples = ['# Mark the nginx deployment as paused\n# Any current state of the deployment will continue its function; new updates\n# to the deployment will not have an effect as long as the deployment is paused\n<%= config.bin %> rollout pause deployment/nginx'];
  static override flags = { selector: selectorFlag, ...targetFileFlags() };

  async run(): Promise<void> {
    await this.withCluster((conn) => forTargets(conn, this.argList, { namespace: this.namespace(), selector: this.flags.selector, bin: this.config.bin, files: this.flags.filename, recursive: this.flags.recursive },
      { out: (t) => this.out(t), err: (t) => this.err(t) },
      (targets) => patchEach(conn.client, targets, 'paused', pausePatch(true), () => 'already paused')));
  }
}
