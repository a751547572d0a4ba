import { KubeCommand } from '../../cli/base-command.js';
import { selectorFlag, targetFileFlags } from '../../cli/flags.js';
import { patchEach, pausePatch } from '../../cli/rollout/patch-each.js';
import { forTargets } from '../../cli/rollout/run-targets.js';

export default class RolloutResume extends KubeCommand<typeof RolloutResume> {
  static override summary = 'Resume a paused resource';
  static override description = 'Resume a paused resource.\n\nPaused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.';
  static override strict = false;
  static override usage = 'rollout resume RESOURCE';
  static override examples = ['# Resume an already paused deployment\n<%= config.bin %> rollout resume deployment/nginx'];
  static override flags = { selector: selectorFlag, ...targetFileFlags() };

  async run(): Promise<void> {
    await this.withCluster((conn) => forTargets(conn, this.argList, { namespace: this.namespace(), selector: this.flags.selector, bin: this.config.bin, files: this.flags.filename, recursive: this.flags.recursive },
      { out: (t) => this.out(t), err: (t) => this.err(t) },
      (targets) => patchEach(conn.client, targets, 'resumed', pausePatch(false), () => 'already resumed')));
  }
}
