import { Args } from '@oclif/core';
import { KubeCommand } from '../../cli/base-command.js';
import { goDurationString, parseGoDuration } from '../../util/go-duration.js';
import { MAX_ADVANCE_STEPS } from '../../cluster-limits.js';
import { rfc3339 } from '../../util/clock.js';

export default class ClusterAdvance extends KubeCommand<typeof ClusterAdvance> {
  static override summary = "Move the current cluster's simulated time forward, running everything that falls due";
  static override description = `Controllers, kubelets and the scheduler act at each moment work falls due on the way (a restart
after back-off, the next CronJob run, a Job's deadline), in order, as a live cluster would have.`;
  static override examples = ['<%= config.bin %> cluster advance 5m', '<%= config.bin %> cluster advance 1h30m'];
  static override args = {
    duration: Args.string({ description: 'how far to move, as a Go duration (90s, 5m, 1h30m)', required: true }),
  };

  async run(): Promise<void> {
    const text = this.args.duration;
    const ms = parseGoDuration(text);
    if (ms === undefined) throw new Error(`invalid duration "${text}": use a duration such as 90s, 5m or 1h30m`);
    if (ms < 0) throw new Error(`invalid duration "${text}": cluster time only moves forward`);
    const whole = Math.round(ms);
    const name = this.contextName();
    const { now, steps } = await this.withCluster(async (conn) => {
      if (!conn.cluster) throw new Error('cluster advance needs a local (embedded) cluster');
      const steps = await conn.cluster.advanceStepwise(whole);
      return { now: conn.now(), steps };
    });
    // what was done on the way is committed; the time that remained is not skipped over
    if (steps >= MAX_ADVANCE_STEPS) {
      throw new Error(`cluster time stopped at ${rfc3339(now)}: work fell due ${MAX_ADVANCE_STEPS} times on the way; run the command again to go on`);
    }
    this.outLine(`Cluster "${name}" advanced by ${goDurationString(whole)} (now ${rfc3339(now)}).`);
  }
}
