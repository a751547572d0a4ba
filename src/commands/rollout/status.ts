import { Flags } from '@oclif/core';
import { KubeCommand } from '../../cli/base-command.js';
import { ReportedError, renderError } from '../../cli/errors.js';
import { selectorFlag, targetFileFlags } from '../../cli/flags.js';
import { durationFlag } from '../../util/go-duration.js';
import { statusViewer } from '../../cli/rollout/status-viewer.js';
import { groupKind, resolveTargets } from '../../cli/rollout/targets.js';
import { waitFor } from '../../cli/rollout/wait.js';
import { resourceOf } from '../../api/kind.js';

export default class RolloutStatus extends KubeCommand<typeof RolloutStatus> {
  static override summary = 'Show the status of the rollout';
  static override description = 'Show the status of the rollout.\n\nBy default \'rollout status\' will watch the status of the latest rollout until it\'s done. If you don\'t want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then \'rollout status\' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for.\n\nIn pocketkube, waiting runs the cluster in simulated time: when nothing is left to do now, the clock jumps to the next thing due (never past --timeout).';
  static override strict = false;
  static override usage = 'rollout status (TYPE NAME | TYPE/NAME) [flags]';
  static override examples = ['# Watch the rollout status of a deployment\n<%= config.bin %> rollout status deployment/nginx'];
  static override flags = {
    watch: Flags.boolean({ char: 'w', description: 'Watch the status of the rollout until it\'s done.', default: true, allowNo: true }),
    revision: Flags.integer({ description: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).', default: 0 }),
    timeout: Flags.string({ description: 'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).', default: '0s' }),
    selector: selectorFlag,
    ...targetFileFlags(),
  };

  async run(): Promise<void> {
    const timeoutMs = durationFlag('timeout', this.flags.timeout);
    await this.withCluster(async (conn) => {
      const { targets, errors } = await resolveTargets(conn.client, conn.registry, this.argList, { namespace: this.namespace(), selector: this.flags.selector, bin: this.config.bin, files: this.flags.filename, recursive: this.flags.recursive });
      if (errors.length > 0) throw errors[0];
      if (targets.length !== 1) {
        throw new Error(targets.length === 0 ? 'no objects passed to rollout status' : 'rollout status is only supported on individual resources and resource collections may only have one element');
      }
      const { kind, obj } = targets[0]!;
      const viewer = statusViewer(kind.kind);
      if (!viewer) throw new Error(`no status viewer has been implemented for ${groupKind(kind)}`);
      let last = '';
      const spinner = process.stderr.isTTY && this.flags.watch ? (await import('ora')).default({ stream: process.stderr }) : undefined;
      const check = async () => {
        const live = await conn.client.get(resourceOf(kind), obj.metadata.namespace, obj.metadata.name ?? '');
        if (live.metadata.uid !== obj.metadata.uid) throw new Error(`${kind.plural} "${obj.metadata.name}" was deleted and recreated`);
        const status = viewer(live, this.flags.revision);
        if (status.message !== last) {
          spinner?.stop();
          this.out(status.message);
          last = status.message;
          if (!status.done) spinner?.start('waiting for the rollout');
        }
        return status.done || !this.flags.watch;
      };
      try {
        await waitFor(conn, check, { timeoutMs });
      } catch (e) {
        this.err(renderError(e));
        throw new ReportedError(1);
      } finally {
        spinner?.stop();
      }
    });
  }
}
