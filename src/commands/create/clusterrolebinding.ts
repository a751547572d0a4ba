import { Flags } from '@oclif/core';
import { arrayFlag, GeneratorCommand, generatorFlags } from '../../cli/generators/generator-command.js';
import { generateClusterRoleBinding } from '../../cli/generators/role-binding.js';

export default class CreateClusterRoleBinding extends GeneratorCommand<typeof CreateClusterRoleBinding> {
  static override summary = 'Create a cluster role binding for a particular cluster role';
  static override description = 'Create a cluster role binding for a particular cluster role.';
  static override strict = false;
  static override usage = 'create clusterrolebinding NAME --clusterrole=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]';
  static override examples = [
    '# Create a cluster role binding for user1, user2, and group1 using the cluster-admin cluster role\n<%= config.bin %> create clusterrolebinding cluster-admin --clusterrole=cluster-admin --user=user1 --user=user2 --group=group1',
  ];
  static override flags = {
    ...generatorFlags,
    clusterrole: Flags.string({ description: 'ClusterRole this ClusterRoleBinding should reference' }),
    group: arrayFlag('Groups to bind to the clusterrole. The flag can be repeated to add multiple groups.'),
    serviceaccount: arrayFlag('Service accounts to bind to the clusterrole, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts.'),
    user: arrayFlag('Usernames to bind to the clusterrole. The flag can be repeated to add multiple users.'),
  };

  async run(): Promise<void> {
    const f = this.flags;
    const name = this.nameArg();
    this.requireFlags({ clusterrole: f.clusterrole });
    const obj = generateClusterRoleBinding({
      name,
      clusterRole: f.clusterrole,
      users: f.user ?? [],
      groups: f.group ?? [],
      serviceAccounts: f.serviceaccount ?? [],
    });
    await this.finish(obj);
  }
}
