import { Flags } from '@oclif/core';
import { KubeCommand } from '../../cli/base-command.js';
import { impersonationFlags, impersonationOf } from '../../cli/auth/impersonation-flags.js';
import { tabulate } from '../../cli/printers/tabwriter.js';
import { toYaml } from '../../cli/printers/serialize.js';

const ALLOWED_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** A SelfSubjectReview with its keys in the order of the Go structs (TypeMeta, ObjectMeta, UserInfo). */
function inGoOrder(r: any): any {
  const u = r.status?.userInfo ?? {};
  const userInfo = { username: u.username, uid: u.uid, groups: u.groups, extra: u.extra };
  return { kind: r.kind, apiVersion: r.apiVersion, metadata: r.metadata, status: { userInfo: JSON.parse(JSON.stringify(userInfo)) } };
}

/** `auth whoami`: a SelfSubjectReview, as kubectl prints it (pkg/cmd/auth/whoami.go). */
export default class AuthWhoami extends KubeCommand<typeof AuthWhoami> {
  static override summary = 'Experimental: Check self subject attributes';
  static override description = `Experimental: Check who you are and your attributes (groups, extra).

 This command is helpful to get yourself aware of the current user attributes, especially when dynamic authentication, e.g., token webhook, auth proxy, or OIDC provider, is enabled in the Kubernetes cluster.`;
  static override examples = [
    '# Get your subject attributes\n<%= config.bin %> auth whoami',
    '# Get your subject attributes in JSON format\n<%= config.bin %> auth whoami -o json',
  ];
  static override flags = {
    output: Flags.string({ char: 'o', description: 'Output format. One of: (json, yaml).' }),
    ...impersonationFlags,
  };

  async run(): Promise<void> {
    const output = this.flags.output ?? '';
    if (output !== '' && output !== 'json' && output !== 'yaml') {
      throw new Error(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED_FORMATS}`);
    }
    const impersonate = impersonationOf(this.flags, this.contextName());
    const review = await this.withCluster((conn) => conn.client.review(
      { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview', metadata: {} }, { impersonate }));
    // kubectl marshals the typed object: Go field order (kind first), not sorted keys
    if (output === 'json') return this.out(JSON.stringify(inGoOrder(review), null, 4) + '\n');
    if (output === 'yaml') return this.out(toYaml(review));
    const u = review.status?.userInfo ?? {};
    const rows = [['ATTRIBUTE', 'VALUE'], ['Username', u.username ?? '']];
    if (u.uid) rows.push(['UID', u.uid]);
    if ((u.groups ?? []).length > 0) rows.push(['Groups', `[${u.groups.join(' ')}]`]);
    for (const k of Object.keys(u.extra ?? {}).sort()) rows.push([`Extra: ${k}`, `[${u.extra[k].join(' ')}]`]);
    this.out(tabulate(rows));
  }
}
