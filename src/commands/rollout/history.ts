import { Flags } from '@oclif/core';
import { KubeCommand } from '../../cli/base-command.js';
import { selectorFlag, targetFileFlags } from '../../cli/flags.js';
import { kindPrefix } from '../../cli/printers/name.js';
import { controllerHistory, controllerRevisionsOf, hasControllerHistory } from '../../cli/rollout/controller-history.js';
import { historyOf, historyText, replicaSetsOf } from '../../cli/rollout/history.js';
import { forTargets } from '../../cli/rollout/run-targets.js';
import { groupKind } from '../../cli/rollout/targets.js';

export default class RolloutHistory extends KubeCommand<typeof RolloutHistory> {
  static override summary = 'View rollout history';
  static override description = 'View previous rollout revisions and configurations.';
  static override strict = false;
  static override usage = 'rollout history (TYPE NAME | TYPE/NAME) [flags]';
  static override examples = [
    '# View the rollout history of a deployment\n<%= config.bin %> rollout history deployment/abc',
    '# View the details of daemonset revision 3\n<%= config.bin %> rollout history daemonset/abc --revision=3',
  ];
  static override flags = {
    revision: Flags.integer({ description: 'See the details, including podTemplate of the revision specified', default: 0 }),
    selector: selectorFlag,
    ...targetFileFlags(),
  };

  async run(): Promise<void> {
    const revision = this.flags.revision;
    await this.withCluster((conn) => forTargets(conn, this.argList, { namespace: this.namespace(), selector: this.flags.selector, bin: this.config.bin, files: this.flags.filename, recursive: this.flags.recursive },
      { out: (t) => this.out(t), err: (t) => this.err(t) },
      async (targets) => {
        const lines: string[] = [];
        const errors: Error[] = [];
        for (const { kind, obj } of targets) {
          if (kind.kind !== 'Deployment' && !hasControllerHistory(kind)) {
            errors.push(new Error(`no history viewer has been implemented for "${groupKind(kind)}"`));
            continue;
          }
          try {
            const history = kind.kind === 'Deployment'
              ? historyOf(await replicaSetsOf(conn.client, obj))
              : controllerHistory(await controllerRevisionsOf(conn.client, obj));
            const text = historyText(history, revision);
            const header = revision > 0 ? `with revision #${revision}` : '';
            lines.push(`${kindPrefix(kind)}/${obj.metadata.name} ${header}\n${text}`);
          } catch (e) {
            errors.push(e instanceof Error ? e : new Error(String(e)));
          }
        }
        return { lines, errors };
      }));
  }
}
