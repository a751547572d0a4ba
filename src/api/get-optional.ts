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

/**
 * getOptional for a reader that only reads: the stored object itself where the client can hand it
 * out (Client.peek), else a copy.
 */
export async function peekOptional(client: Client, resource: string, namespace: string | undefined, name: string): Promise<KubeObject | undefined> {
  if (!client.peek) return getOptional(client, resource, namespace, name);
  try {
    return await client.peek(resource, namespace, name);
  } catch (e) {
    if (isStatusError(e) && e.code === 404) return undefined;
    throw e;
  }
}
