import { Flags } from '@oclif/core';
import { arrayFlag, GeneratorCommand, generatorFlags } from '../../cli/generators/generator-command.js';
import { generateRoleBinding } from '../../cli/generators/role-binding.js';

export default class CreateRoleBinding extends GeneratorCommand<typeof CreateRoleBinding> {
  static override summary = 'Create a role binding for a particular role or cluster role';
  static override description = 'Create a role binding for a particular role or cluster role.';
  static override strict = false;
  static override usage = 'create rolebinding NAME --clusterrole=NAME|--role=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]';
  static override examples = [
    '# Create a role binding for user1, user2, and group1 using the admin cluster role\n<%= config.bin %> create rolebinding admin --clusterrole=admin --user=user1 --user=user2 --group=group1',
    '# Create a role binding for service account monitoring:sa-dev using the admin role\n<%= config.bin %> create rolebinding admin-binding --role=admin --serviceaccount=monitoring:sa-dev',
  ];
  static override flags = {
    ...generatorFlags,
    clusterrole: Flags.string({ description: 'ClusterRole this RoleBinding should reference' }),
    group: arrayFlag('Groups to bind to the role. The flag can be repeated to add multiple groups.'),
    role: Flags.string({ description: 'Role this RoleBinding should reference' }),
    serviceaccount: arrayFlag('Service accounts to bind to the role, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts.'),
    user: arrayFlag('Usernames to bind to the role. The flag can be repeated to add multiple users.'),
  };

  async run(): Promise<void> {
    const f = this.flags;
    const obj = generateRoleBinding({
      name: this.nameArg(),
      namespace: this.enforcedNamespace(),
      role: f.role,
      clusterRole: f.clusterrole,
      users: f.user ?? [],
      groups: f.group ?? [],
      serviceAccounts: f.serviceaccount ?? [],
    });
    await this.finish(obj);
  }
}
