import { Args, Flags } from '@oclif/core';
import { KubeCommand } from '../cli/base-command.js';
import { PlainError, ReportedError } from '../cli/errors.js';
import { logOptions } from '../cli/logs/log-request.js';
import { logPods } from '../cli/logs/log-pods.js';
import { type LogStream, podContainers, prefixed, readStreams } from '../cli/logs/log-streams.js';
import { durationFlag } from '../util/go-duration.js';

const USAGE = 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]';

export default class Logs extends KubeCommand<typeof Logs> {
  static override summary = 'Print the logs for a container in a pod';

  static override description =
    'Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.\n\n' +
    'Containers of the simulated runtime print the lines their pod\'s `pocketkube.io/logs` annotation names, each time they start; ' +
    'with -f the command waits (the cluster running as wall time passes) until each followed container run ends, or until interrupted.';

  static override usage = `${USAGE} [flags]`;

  static override examples = [
    '# Return snapshot logs from pod nginx with only one container\n<%= config.bin %> logs nginx',
    '# Return snapshot logs from pod nginx with multi containers\n<%= config.bin %> logs nginx --all-containers=true',
    '# Return snapshot logs from all pods in the deployment nginx\n<%= config.bin %> logs deployment/nginx --all-pods=true',
    '# Return snapshot logs from all containers in pods defined by label app=nginx\n<%= config.bin %> logs -l app=nginx --all-containers=true',
    '# Return snapshot of previous terminated ruby container logs from pod web-1\n<%= config.bin %> logs -p -c ruby web-1',
    '# Begin streaming the logs of the ruby container in pod web-1\n<%= config.bin %> logs -f -c ruby web-1',
    '# Begin streaming the logs from all containers in pods defined by label app=nginx\n<%= config.bin %> logs -f -l app=nginx --all-containers=true',
    '# Display only the most recent 20 lines of output in pod nginx\n<%= config.bin %> logs --tail=20 nginx',
    '# Show all logs from pod nginx written in the last hour\n<%= config.bin %> logs --since=1h nginx',
    '# Return snapshot logs from first container of a job named hello\n<%= config.bin %> logs job/hello',
    '# Return snapshot logs from container nginx-1 of a deployment named nginx\n<%= config.bin %> logs deployment/nginx -c nginx-1',
  ];

  static override args = {
    target: Args.string({ description: 'POD or TYPE/NAME' }),
    container: Args.string({ description: 'container name (same as -c)' }),
  };

  static override flags = {
    'all-containers': Flags.boolean({ description: 'Get all containers\' logs in the pod(s).', default: false }),
    'all-pods': Flags.boolean({ description: 'Get logs from all pod(s). Sets prefix to true.', default: false }),
    container: Flags.string({ char: 'c', description: 'Print the logs of this container' }),
    follow: Flags.boolean({ char: 'f', description: 'Specify if the logs should be streamed.', default: false }),
    'ignore-errors': Flags.boolean({ description: 'If watching / following pod logs, allow for any errors that occur to be non-fatal', default: false }),
    'limit-bytes': Flags.integer({ description: 'Maximum bytes of logs to return. Defaults to no limit.', default: 0 }),
    'max-log-requests': Flags.integer({ description: 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.', default: 5 }),
    'pod-running-timeout': Flags.string({ description: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running', default: '20s' }),
    prefix: Flags.boolean({ description: 'Prefix each log line with the log source (pod name and container name)', default: false }),
    previous: Flags.boolean({ char: 'p', description: 'If true, print the logs for the previous instance of the container in a pod if it exists.', default: false }),
    selector: Flags.string({ char: 'l', description: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." }),
    since: Flags.string({ description: 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.' }),
    'since-time': Flags.string({ description: 'Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.' }),
    tail: Flags.integer({ description: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.' }),
    timestamps: Flags.boolean({ description: 'Include timestamps on each line in the log output', default: false }),
  };

  async run(): Promise<void> {
    const f = this.flags;
    const { target } = this.args;
    const usage = (text: string) => new PlainError(`error: ${text}\nSee '${this.config.bin} logs -h' for help and examples`);
    if (!target && !f.selector) throw usage(`expected '${USAGE}'.\nPOD or TYPE/NAME is a required argument for the logs command`);
    if (target && f.selector) throw usage('only a selector (-l) or a POD name is allowed');
    if (f.container !== undefined && this.args.container !== undefined) throw new Error('only one of -c or an inline [CONTAINER] arg is allowed');
    const container = f.container ?? this.args.container;
    if (f['all-containers'] && container) throw new Error(`--all-containers=true should not be specified with container name ${container}`);
    const podRunningTimeoutMs = durationFlag('pod-running-timeout', f['pod-running-timeout']);
    if (podRunningTimeoutMs <= 0) throw new Error('--pod-running-timeout must be higher than zero');
    const namespace = this.namespace();
    const prefix = f.prefix || f['all-pods'];

    const interrupt = new AbortController();
    const onSigint = (): void => interrupt.abort();
    process.once('SIGINT', onSigint);
    try {
      await this.withCluster(async (conn) => {
        const options = logOptions(f, conn.now().getTime());
        const note = (text: string) => this.err(text);
        const loop = { signal: interrupt.signal };
        const pods = await logPods(conn, { namespace, target, selector: f.selector, allPods: f['all-pods'], podRunningTimeoutMs, note, loop });
        if (f.selector && pods.length === 0) this.err(`No resources found in ${namespace} namespace.`);
        const streams: LogStream[] = pods.flatMap((pod) => podContainers(pod, container, f['all-containers'], note).map((c) => ({ pod, container: c })));
        if (f.follow && streams.length > 1 && streams.length > f['max-log-requests']) {
          throw new Error(`you are attempting to follow ${streams.length} log streams, but maximum allowed concurrency is ${f['max-log-requests']}, use --max-log-requests to increase the limit`);
        }
        const print = (text: string, stream?: LogStream) => this.out(prefix && stream ? prefixed(text, stream) : text);
        const follow = f.follow ? { ignoreErrors: f['ignore-errors'] && streams.length > 1, loop } : undefined;
        await readStreams(conn, streams, options, print, follow);
      });
    } finally {
      process.removeListener('SIGINT', onSigint);
    }
    // no interrupt handler in kubectl logs: SIGINT ends it as the signal does (128 + 2)
    if (interrupt.signal.aborted) throw new ReportedError(130);
  }
}
