/** A get that answers `undefined` for a missing object (404) instead of throwing. */
import type { Client } from './client.js';
import { isStatusError } from './errors.js';
import type { KubeObject } from './types.js';

export async function getOptional(client: Client, resource: string, namespace: string | undefined, name: string): Promise<KubeObject | undefined> {
  try {
    return await client.get(resource, namespace, name);
  } catch (e) {
    if (isStatusError(e) && e.code === 404) return undefined;
    throw e;
  }
}
