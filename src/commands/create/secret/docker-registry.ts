import { Flags } from '@oclif/core';
import { appendHash } from '../../../cli/generators/append-hash.js';
import { GeneratorCommand, generatorFlags, sliceFlag } from '../../../cli/generators/generator-command.js';
import { DEFAULT_DOCKER_SERVER, generateSecretDockerRegistry } from '../../../cli/generators/secret-docker-registry.js';

export default class CreateSecretDockerRegistry extends GeneratorCommand<typeof CreateSecretDockerRegistry> {
  static override summary = 'Create a secret for use with a Docker registry';
  static override description =
    "Create a new secret for use with Docker registries.\n\nDockercfg secrets are used to authenticate against Docker registries.\n\nWhen using the Docker command line to push images, you can authenticate to a given registry by running:\n    '$ docker login DOCKER_REGISTRY_SERVER --username=DOCKER_USER --password=DOCKER_PASSWORD --email=DOCKER_EMAIL'.\n\nThat produces a ~/.dockercfg file that is used by subsequent 'docker push' and 'docker pull' commands to authenticate to the registry. The email address is optional.\n\nWhen creating applications, you may have a Docker registry that requires authentication.  In order for the nodes to pull images on your behalf, they must have the credentials.  You can provide this information by creating a dockercfg secret and attaching it to your service account.";
  static override strict = false;
  static override examples = [
    '# If you do not already have a .dockercfg file, create a dockercfg secret directly\n<%= config.bin %> create secret docker-registry my-secret --docker-server=DOCKER_REGISTRY_SERVER --docker-username=DOCKER_USER --docker-password=DOCKER_PASSWORD --docker-email=DOCKER_EMAIL',
    '# Create a new secret named my-secret from ~/.docker/config.json\n<%= config.bin %> create secret docker-registry my-secret --from-file=path/to/.docker/config.json',
  ];
  static override flags = {
    ...generatorFlags,
    'docker-username': Flags.string({ description: 'Username for Docker registry authentication' }),
    'docker-password': Flags.string({ description: 'Password for Docker registry authentication' }),
    'docker-email': Flags.string({ description: 'Email for Docker registry' }),
    'docker-server': Flags.string({ description: 'Server location for Docker registry', default: DEFAULT_DOCKER_SERVER }),
    'from-file': sliceFlag('Key files can be specified using their file path, in which case a default name of .dockerconfigjson will be given to them, or optionally with a name and file path, in which case the given name will be used. Specifying a directory will iterate each named file in the directory that is a valid secret key. For this command, the key should always be .dockerconfigjson.'),
    'append-hash': Flags.boolean({ description: 'Append a hash of the secret to its name.', default: false }),
  };

  async run(): Promise<void> {
    const obj = generateSecretDockerRegistry({
      name: this.nameArg(),
      namespace: this.enforcedNamespace(),
      server: this.flags['docker-server'],
      username: this.flags['docker-username'],
      password: this.flags['docker-password'],
      email: this.flags['docker-email'],
      files: this.flags['from-file'] ?? [],
    });
    await this.finish(this.flags['append-hash'] ? appendHash(obj) : obj, { failure: 'failed to create secret ' });
  }
}
