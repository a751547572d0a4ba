import { Flags } from '@oclif/core';
import { appendHash } from '../../../cli/generators/append-hash.js';
import { GeneratorCommand, arrayFlag, generatorFlags, sliceFlag } from '../../../cli/generators/generator-command.js';
import { generateSecretGeneric } from '../../../cli/generators/secret-generic.js';

export default class CreateSecretGeneric extends GeneratorCommand<typeof CreateSecretGeneric> {
  static override summary = 'Create a secret from a local file, directory, or literal value';
  static override description =
    'Create a secret based on a file, directory, or specified literal value.\n\nA single secret may package one or more key/value pairs.\n\nWhen creating a secret based on a file, the key will default to the basename of the file, and the value will default to the file content. If the basename is an invalid key or you wish to chose your own, you may specify an alternate key.\n\nWhen creating a secret based on a directory, each file whose basename is a valid key in the directory will be packaged into the secret. Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).';
  static override strict = false;
  static override examples = [
    '# Create a new secret named my-secret with keys for each file in folder bar\n<%= config.bin %> create secret generic my-secret --from-file=path/to/bar',
    '# Create a new secret named my-secret with key1=supersecret and key2=topsecret\n<%= config.bin %> create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret',
    '# Create a new secret named my-secret from env files\n<%= config.bin %> create secret generic my-secret --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env',
  ];
  static override flags = {
    ...generatorFlags,
    'from-file': sliceFlag('Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.'),
    'from-literal': arrayFlag('Specify a key and literal value to insert in secret (i.e. mykey=somevalue)'),
    'from-env-file': sliceFlag('Specify the path to a file to read lines of key=val pairs to create a secret.'),
    type: Flags.string({ description: 'The type of secret to create' }),
    'append-hash': Flags.boolean({ description: 'Append a hash of the secret to its name.', default: false }),
  };

  async run(): Promise<void> {
    const obj = generateSecretGeneric({
      name: this.nameArg(),
      namespace: this.enforcedNamespace(),
      type: this.flags.type,
      files: this.flags['from-file'] ?? [],
      literals: this.flags['from-literal'] ?? [],
      envFiles: this.flags['from-env-file'] ?? [],
    });
    await this.finish(this.flags['append-hash'] ? appendHash(obj) : obj, { failure: 'failed to create secret ' });
  }
}
