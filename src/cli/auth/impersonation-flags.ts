/**
 * kubectl's global impersonation flags (`--as`, `--as-group`), for the commands that take them. A
 * group without a user is refused before any request, naming the kubeconfig user (here, like
 * `config view` shows it, the context's name).
 */
import { Flags } from '@oclif/core';
import type { Impersonation } from '../../api/client.js';

export const impersonationFlags = {
  as: Flags.string({ description: 'Username to impersonate for the operation. User could be a regular user or a service account in a namespace.', helpGroup: 'GLOBAL' }),
  'as-group': Flags.string({ multiple: true, description: 'Group to impersonate for the operation, this flag can be repeated to specify multiple groups.', helpGroup: 'GLOBAL' }),
};

export function impersonationOf(flags: { as?: string; 'as-group'?: string[] }, kubeconfigUser: string): Impersonation | undefined {
  const groups = flags['as-group'] ?? [];
  if (!flags.as) {
    if (groups.length > 0) throw new Error(`requesting uid, groups or user-extra for ${kubeconfigUser} without impersonating a user`);
    return undefined;
  }
  return { user: flags.as, groups };
}
