import { KubeCommand } from '../base-command.js';
import type { MetaField } from '../metadata-change.js';
import type { metadataFlags } from './metadata-flags.js';
import { runMetadata } from './run-metadata.js';

/**
 * `label` and `annotate`: one command shape, told apart by the metadata map they change (and by
 * their help texts and flag words, which each subclass sets).
 */
export abstract class MetadataCommand extends KubeCommand<typeof MetadataCommand> {
  declare static flags: ReturnType<typeof metadataFlags>;
  static override strict = false;

  protected abstract readonly field: MetaField;

  async run(): Promise<void> {
    await this.withCluster((conn) =>
      runMetadata(conn, {
        field: this.field,
        args: this.argList,
        flags: this.flags,
        namespace: this.namespace(),
        enforceNamespace: this.namespaceExplicit(),
        bin: this.config.bin,
      }, { out: (t) => this.out(t), err: (t) => this.err(t) }),
    );
  }
}
