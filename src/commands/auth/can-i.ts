import { Flags } from '@oclif/core';
import { KubeCommand } from '../../cli/base-command.js';
import { ReportedError } from '../../cli/errors.js';
import { impersonationFlags, impersonationOf } from '../../cli/auth/impersonation-flags.js';
import { resolveTarget, targetWarnings } from '../../cli/auth/can-i-target.js';
import { printRulesTable } from '../../cli/auth/rules-table.js';

/** `auth can-i`: a SelfSubjectAccessReview (or, with --list, a SelfSubjectRulesReview) of the caller. */
export default class AuthCanI extends KubeCommand<typeof AuthCanI> {
  static override summary = 'Check whether an action is allowed';
  static override description = `Check whether an action is allowed.

 VERB is a logical Kubernetes API verb like 'get', 'list', 'watch', 'delete', etc. TYPE is a Kubernetes resource. Shortcuts and groups will be resolved. NONRESOURCEURL is a partial URL that starts with "/". NAME is the name of a particular Kubernetes resource. This command pairs nicely with impersonation. See --as global flag.`;
  static override strict = false;
  static override usage = 'auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL]';
  static override examples = [
    '# Check to see if I can create pods in any namespace\n<%= config.bin %> auth can-i create pods --all-namespaces',
    '# Check to see if I can list deployments in my current namespace\n<%= config.bin %> auth can-i list deployments.apps',
    '# Check to see if service account "foo" of namespace "dev" can list pods in the namespace "prod"\n# You must be allowed to use impersonation for the global option "--as"\n<%= config.bin %> auth can-i list pods --as=system:serviceaccount:dev:foo -n prod',
    '# Check to see if I can do everything in my current namespace ("*" means all)\n<%= config.bin %> auth can-i \'*\' \'*\'',
    '# Check to see if I can get the job named "bar" in namespace "foo"\n<%= config.bin %> auth can-i list jobs.batch/bar -n foo',
    '# Check to see if I can read pod logs\n<%= config.bin %> auth can-i get pods --subresource=log',
    '# Check to see if I can access the URL /logs/\n<%= config.bin %> auth can-i get /logs/',
    '# List all allowed actions in namespace "foo"\n<%= config.bin %> auth can-i --list --namespace=foo',
  ];
  static override flags = {
    'all-namespaces': Flags.boolean({ char: 'A', description: 'If true, check the specified action in all namespaces.', default: false }),
    quiet: Flags.boolean({ char: 'q', description: 'If true, suppress output and just return the exit code.', default: false }),
    subresource: Flags.string({ description: 'SubResource such as pod/log or deployment/scale' }),
    list: Flags.boolean({ description: 'If true, prints all allowed actions.', default: false }),
    'no-headers': Flags.boolean({ description: 'If true, prints allowed actions without headers', default: false }),
    ...impersonationFlags,
  };

  /** kubectl's WarningPrinter: the messages carry their own newline, so a blank line follows. */
  private warning(message: string): void {
    process.stderr.write(`Warning: ${message}\n\n`);
  }

  async run(): Promise<void> {
    const f = this.flags;
    const args = this.argList;
    const impersonate = impersonationOf(f, this.contextName());
    if (f.list) {
      if (args.length !== 0) throw new Error('list option must be specified with no arguments');
      if (f.quiet || f['all-namespaces'] || f.subresource) throw new Error("list option can't be specified with neither quiet, all-namespaces nor subresource options");
      const namespace = this.namespace();
      const review = await this.withCluster((conn) => conn.client.review(
        { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', metadata: {}, spec: { namespace } }, { impersonate }));
      if (review.status?.incomplete) this.warning(`the list may be incomplete: ${review.status.evaluationError ?? ''}`.replace(/\n$/, ''));
      this.out(printRulesTable(review.status, f['no-headers']));
      return;
    }
    if (args.length !== 2) {
      throw new Error(`you must specify two arguments: verb resource or verb resource/resourceName.\nSee '${this.config.bin} auth can-i -h' for help and examples.`);
    }
    const [verb, arg] = args;
    const namespace = f['all-namespaces'] ? '' : this.namespace();
    const status = await this.withCluster(async (conn) => {
      const target = resolveTarget(conn.registry, arg, (m) => this.warning(m));
      if (target.nonResourceURL !== undefined && f.subresource) throw new Error('--subresource can not be used with NonResourceURL');
      for (const w of targetWarnings(target, verb, f['all-namespaces'])) this.warning(w);
      if (f['no-headers']) throw new Error('--no-headers cannot be set without --list specified');
      const spec = target.nonResourceURL !== undefined
        ? { nonResourceAttributes: { path: target.nonResourceURL, verb } }
        : { resourceAttributes: { namespace, verb, group: target.group, resource: target.resource, subresource: f.subresource ?? '', name: target.name } };
      const review = await conn.client.review({ apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', metadata: {}, spec }, { impersonate });
      return review.status ?? {};
    });
    if (!f.quiet) {
      if (status.allowed) this.outLine('yes');
      else this.outLine(['no', ...(status.reason ? [status.reason] : []), ...(status.evaluationError ? [status.evaluationError] : [])].join(' - '));
    }
    if (!status.allowed) throw new ReportedError(1);
  }
}
