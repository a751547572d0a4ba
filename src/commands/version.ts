import { Flags } from '@oclif/core';
import { KubeCommand } from '../cli/base-command.js';
import { PlainError } from '../cli/errors.js';
import { EMULATED_SERVER_VERSION, printVersions, type VersionInfo, versionInfo, type Versions } from '../cli/printers/version-info.js';

export default class Version extends KubeCommand<typeof Version> {
  static override summary = 'Print the client and server version information';

  static override description = 'Print the client and server version information for the current context. The client is pocketkube itself; the server is the embedded cluster, which reports the Kubernetes release it emulates.';

  static override examples = [
    '# Print the client and server versions for the current context\n<%= config.bin %> version',
    '# Print only the client version, as JSON\n<%= config.bin %> version --client -o json',
  ];

  static override flags = {
    client: Flags.boolean({ description: 'If true, shows client version only (no server required).', default: false }),
    output: Flags.string({ char: 'o', description: "One of 'yaml' or 'json'." }),
  };

  async run(): Promise<void> {
    const output = this.flags.output ?? '';
    if (output !== '' && output !== 'json' && output !== 'yaml') throw new PlainError("Error: --output must be 'yaml' or 'json'");
    const versions: Versions = { clientVersion: versionInfo(`v${this.config.version}`, 'node') };
    if (!this.flags.client) {
      // Reaching the cluster is part of the answer: kubectl asks the server for its version.
      versions.serverVersion = await this.withCluster(async (conn) =>
        (conn.serverVersion ? ((await conn.serverVersion()) as VersionInfo) : versionInfo(EMULATED_SERVER_VERSION, 'node')));
    }
    this.out(printVersions(versions, output));
  }
}
