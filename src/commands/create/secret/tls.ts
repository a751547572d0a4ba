import { Flags } from '@oclif/core';
import { appendHash } from '../../../cli/generators/append-hash.js';
import { GeneratorCommand, generatorFlags } from '../../../cli/generators/generator-command.js';
import { generateSecretTls } from '../../../cli/generators/secret-tls.js';

export default class CreateSecretTls extends GeneratorCommand<typeof CreateSecretTls> {
  static override summary = 'Create a TLS secret';
  static override description = 'Create a TLS secret from the given public/private key pair.\n\nThe public/private key pair must exist beforehand. The public key certificate must be .PEM encoded and match the given private key.';
  static override strict = false;
  static override examples = ['# Create a new TLS secret named tls-secret with the given key pair\n<%= config.bin %> create secret tls tls-secret --cert=path/to/tls.crt --key=path/to/tls.key'];
  static override flags = {
    ...generatorFlags,
    cert: Flags.string({ description: 'Path to PEM encoded public key certificate.' }),
    key: Flags.string({ description: 'Path to private key associated with given certificate.' }),
    'append-hash': Flags.boolean({ description: 'Append a hash of the secret to its name.', default: false }),
  };

  async run(): Promise<void> {
    const obj = generateSecretTls({ name: this.nameArg(), namespace: this.enforcedNamespace(), cert: this.flags.cert, key: this.flags.key });
    await this.finish(this.flags['append-hash'] ? appendHash(obj) : obj, { failure: 'failed to create secret ' });
  }
}
