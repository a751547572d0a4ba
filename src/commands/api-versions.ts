import { KubeCommand } from '../cli/base-command.js';
import { apiVersionOf } from '../api/kind.js';

export default class ApiVersions extends KubeCommand<typeof ApiVersions> {
  static override summary = 'Print the supported API versions on the server, in the form of "group/version"';
  static override description = 'Print the supported API versions on the server, in the form of "group/version".';
  static override examples = ['# Print the supported API versions\n<%= config.bin %> api-versions'];

  async run(): Promise<void> {
    const kinds = await this.withCluster(async (conn) => conn.registry.kinds);
    // kubectl sorts the group/versions discovery lists (the core group's is plain `v1`)
    const versions = [...new Set(kinds.flatMap((k) => [apiVersionOf(k), ...(k.alsoServed ?? [])]))].sort();
    this.out(versions.map((v) => `${v}\n`).join(''));
  }
}
