import { Flags } from '@oclif/core';
import { KubeCommand } from '../../cli/base-command.js';
import { dryRunFlag, dryRunStrategy, dryRunSuffix, apiDryRun, selectorFlag, targetFileFlags } from '../../cli/flags.js';
import { kindPrefix } from '../../cli/printers/name.js';
import { replicaSetForRevision, replicaSetsOf, templateForRollback, templateText } from '../../cli/rollout/history.js';
import { hasControllerHistory, rollbackToRevision } from '../../cli/rollout/controller-history.js';
import { forTargets } from '../../cli/rollout/run-targets.js';
import { groupKind } from '../../cli/rollout/targets.js';
import { equalIgnoreHash, SKIPPED_ANNOTATIONS } from '../../controllers/deployment/replica-sets.js';

export default class RolloutUndo extends KubeCommand<typeof RolloutUndo> {
  static override summary = 'Undo a previous rollout';
  static override description = 'Roll back to a previous rollout.';
  static override strict = false;
  static override usage = 'rollout undo (TYPE NAME | TYPE/NAME) [flags]';
  static override examples = [
    '# Roll back to the previous deployment\n<%= config.bin %> rollout undo deployment/abc',
    '# Roll back to daemonset revision 3\n<%= config.bin %> rollout undo daemonset/abc --to-revision=3',
    '# Roll back to the previous deployment with dry-run\n<%= config.bin %> rollout undo --dry-run=server deployment/abc',
  ];
  static override flags = {
    'to-revision': Flags.integer({ description: 'The revision to rollback to. Default to 0 (last revision).', default: 0 }),
    selector: selectorFlag,
    ...targetFileFlags(),
    'dry-run': dryRunFlag,
  };

  async run(): Promise<void> {
    const toRevision = this.flags['to-revision'];
    const dryRun = dryRunStrategy(this.flags['dry-run']);
    await this.withCluster((conn) => forTargets(conn, this.argList, { namespace: this.namespace(), selector: this.flags.selector, bin: this.config.bin, files: this.flags.filename, recursive: this.flags.recursive },
      { out: (t) => this.out(t), err: (t) => this.err(t) },
      async (targets) => {
        const lines: string[] = [];
        const errors: Error[] = [];
        for (const { kind, obj: d } of targets) {
          const name = `${kindPrefix(kind)}/${d.metadata.name}`;
          try {
            if (hasControllerHistory(kind)) {
              lines.push(`${name} ${await rollbackToRevision(conn.client, kind, d, toRevision, dryRun)}`);
              continue;
            }
            if (kind.kind !== 'Deployment') throw new Error(`no rollbacker has been implemented for "${groupKind(kind)}"`);
            if (toRevision < 0) throw new Error(`unable to find specified revision ${toRevision} in history`);
            if (d.spec?.paused) throw new Error("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
            const rs = replicaSetForRevision(d, await replicaSetsOf(conn.client, d), toRevision);
            const template = templateForRollback(rs);
            if (dryRun === 'client') {
              lines.push(`${name} ${templateText(template)}`);
              continue;
            }
            if (equalIgnoreHash(template, d.spec?.template)) {
              lines.push(`${name} skipped rollback (current template already matches revision ${toRevision})`);
              continue;
            }
            const annotations: Record<string, string> = {};
            for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (SKIPPED_ANNOTATIONS.has(k)) annotations[k] = v;
            for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!SKIPPED_ANNOTATIONS.has(k)) annotations[k] = v;
            const patch = [
              { op: 'replace', path: '/spec/template', value: template },
              { op: 'replace', path: '/metadata/annotations', value: annotations },
            ];
            try {
              await conn.client.patch('deployments', d.metadata.namespace, d.metadata.name ?? '', 'json', patch, { dryRun: apiDryRun(dryRun) });
            } catch (e) {
              throw new Error(`failed restoring revision ${toRevision}: ${e instanceof Error ? e.message : String(e)}`);
            }
            lines.push(`${name} rolled back${dryRunSuffix(dryRun)}`);
          } catch (e) {
            errors.push(e instanceof Error ? e : new Error(String(e)));
          }
        }
        return { lines, errors };
      }));
  }
}
