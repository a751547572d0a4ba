import { Flags } from '@oclif/core';
import { generateConfigMap } from '../../cli/generators/configmap.js';
import { GeneratorCommand, arrayFlag, generatorFlags, sliceFlag } from '../../cli/generators/generator-command.js';
import { appendHash } from '../../cli/generators/append-hash.js';

export default class CreateConfigMap extends GeneratorCommand<typeof CreateConfigMap> {
  static override summary = 'Create a config map from a local file, directory or literal value';
  static override description =
    'Create a config map based on a file, directory, or specified literal value.\n\nA single config map may package one or more key/value pairs.\n\nWhen creating a config map based on a file, the key will default to the basename of the file, and the value will default to the file content.  If the basename is an invalid key, you may specify an alternate key.\n\nWhen creating a config map based on a directory, each file whose basename is a valid key in the directory will be packaged into the config map.  Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).';
  static override aliases = ['create:cm'];
  static override strict = false;
  static override examples = [
    '# Create a new config map named my-config based on folder bar\n<%= config.bin %> create configmap my-config --from-file=path/to/bar',
    '# Create a new config map named my-config with specified keys instead of file basenames on disk\n<%= config.bin %> create configmap my-config --from-file=key1=/path/to/bar/file1.txt --from-file=key2=/path/to/bar/file2.txt',
    '# Create a new config map named my-config with key1=config1 and key2=config2\n<%= config.bin %> create configmap my-config --from-literal=key1=config1 --from-literal=key2=config2',
    '# Create a new config map named my-config from an env file\n<%= config.bin %> create configmap my-config --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env',
  ];
  static override flags = {
    ...generatorFlags,
    'from-file': sliceFlag('Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key.'),
    'from-literal': arrayFlag('Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)'),
    'from-env-file': sliceFlag('Specify the path to a file to read lines of key=val pairs to create a configmap.'),
    'append-hash': Flags.boolean({ description: 'Append a hash of the configmap to its name.', default: false }),
  };

  async run(): Promise<void> {
    const obj = generateConfigMap({
      name: this.nameArg(),
      namespace: this.enforcedNamespace(),
      files: this.flags['from-file'] ?? [],
      literals: this.flags['from-literal'] ?? [],
      envFiles: this.flags['from-env-file'] ?? [],
    });
    await this.finish(this.flags['append-hash'] ? appendHash(obj) : obj, { failure: 'failed to create configmap: ' });
  }
}
