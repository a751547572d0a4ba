import type { KubeObject } from '../../api/types.js';
import { addFiles } from './data-sources.js';
import { secretObject, secretSink } from './secret-generic.js';
import { typedJsonCompact } from './typed-json.js';

export const DOCKER_CONFIG_JSON_KEY = '.dockerconfigjson';
export const DEFAULT_DOCKER_SERVER = 'https://index.docker.io/v1/';

export interface DockerRegistryInput {
  name: string;
  namespace?: string;
  server?: string;
  username?: string;
  password?: string;
  email?: string;
  files: string[];
}

/** The .dockerconfigjson document kubectl writes (email only when given). */
export function dockerConfigJson(server: string, username: string, password: string, email: string): string {
  const entry: Record<string, string> = { username, password };
  if (email) entry.email = email;
  entry.auth = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
  return typedJsonCompact({ auths: { [server]: entry } });
}

/** `kubectl create secret docker-registry NAME (--docker-username --docker-password [--docker-server] [--docker-email] | --from-file)`. */
export function generateSecretDockerRegistry(input: DockerRegistryInput): KubeObject {
  const server = input.server ?? DEFAULT_DOCKER_SERVER;
  if (input.files.length === 0 && (!input.username || !input.password || !server)) {
    throw new Error('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
  }
  const data = new Map<string, Buffer>();
  if (input.files.length > 0) {
    const files = input.files.map((f) => (f.includes('=') ? f : `${DOCKER_CONFIG_JSON_KEY}=${f}`));
    addFiles(secretSink(data), files);
  } else {
    data.set(DOCKER_CONFIG_JSON_KEY, Buffer.from(dockerConfigJson(server, input.username!, input.password!, input.email ?? ''), 'utf8'));
  }
  return secretObject(input.name, input.namespace, data, 'kubernetes.io/dockerconfigjson');
}
