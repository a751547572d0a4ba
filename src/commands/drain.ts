import { Flags } from '@oclif/core';
import { KubeCommand } from '../cli/base-command.js';
import { dryRunFlag, dryRunStrategy, selectorFlag } from '../cli/flags.js';
import { runDrain } from '../cli/node/run-drain.js';
import { durationFlag } from '../util/go-duration.js';

export default class Drain extends KubeCommand<typeof Drain> {
  static override summary = 'Drain node in preparation for maintenance';
  static override description = [
    'Drain node in preparation for maintenance.',
    '',
    " The given node will be marked unschedulable to prevent new pods from arriving. 'drain' evicts the pods (the eviction API, which respects PodDisruptionBudgets), or deletes them with --disable-eviction. If there are daemon set-managed pods, drain will not proceed without --ignore-daemonsets, and regardless it will not delete any daemon set-managed pods, because those pods would be immediately replaced by the daemon set controller, which ignores unschedulable markings. If there are any pods that are neither mirror pods nor managed by a replication controller, replica set, daemon set, stateful set, or job, then drain will not delete any pods unless you use --force. --force will also allow deletion to proceed if the managing resource of one or more pods is missing.",
    '',
    " 'drain' waits for graceful termination. An eviction a PodDisruptionBudget refuses is retried every 5 seconds until --timeout.",
    '',
    ' When you are ready to put the node back into service, use uncordon, which will make the node schedulable again.',
  ].join('\n');
  static override strict = false;
  static override usage = 'drain NODE';
  static override examples = [
    '# Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it\n<%= config.bin %> drain foo --force',
    '# As above, but abort if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set, and use a grace period of 15 minutes\n<%= config.bin %> drain foo --grace-period=900',
  ];
  static override flags = {
    'delete-emptydir-data': Flags.boolean({ description: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).', default: false }),
    'disable-eviction': Flags.boolean({ description: 'Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution.', default: false }),
    'dry-run': dryRunFlag,
    force: Flags.boolean({ description: 'Continue even if there are pods that do not declare a controller.', default: false }),
    'grace-period': Flags.integer({ description: 'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.', default: -1 }),
    'ignore-daemonsets': Flags.boolean({ description: 'Ignore DaemonSet-managed pods.', default: false }),
    'pod-selector': Flags.string({ description: 'Label selector to filter pods on the node' }),
    selector: selectorFlag,
    'skip-wait-for-delete-timeout': Flags.integer({ description: 'If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip.', default: 0 }),
    timeout: Flags.string({ description: 'The length of time to wait before giving up, zero means infinite', default: '0s' }),
  };

  async run(): Promise<void> {
    const f = this.flags;
    const dryRun = dryRunStrategy(f['dry-run']);
    const timeoutMs = durationFlag('timeout', f.timeout);
    await this.withCluster((conn) => runDrain(conn, {
      args: this.argList,
      selector: f.selector,
      podSelector: f['pod-selector'],
      force: f.force,
      ignoreDaemonSets: f['ignore-daemonsets'],
      deleteEmptyDirData: f['delete-emptydir-data'],
      skipWaitForDeleteTimeout: f['skip-wait-for-delete-timeout'],
      gracePeriod: f['grace-period'],
      timeoutMs: Math.max(0, timeoutMs),
      disableEviction: f['disable-eviction'],
      dryRun,
      commandLine: `${this.config.bin} drain`,
    }, { out: (t) => this.out(t), err: (t) => this.err(t) }));
  }
}
