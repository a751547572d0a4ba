/** A get that answers `undefined` for a missing object (404) instead of throwing. */
import type { Client } from './client.js';
import { isStatusError } from './errors.js';
import type { KubeObject } from './types.js';

export function getOptional(client: Client, resource: string, namespace: string | undefined, name: string): Promise<KubeObject | undefined> {
  return absentOn404(() => client.get(resource, namespace, name));
}

/**
 * getOptional for a reader that only reads: the stored object itself where the client can hand it
 * out (Client.peek), else a copy.
 */
export function peekOptional(client: Client, resource: string, namespace: string | undefined, name: string): Promise<KubeObject | undefined> {
  return absentOn404(() => (client.peek ? client.peek(resource, namespace, name) : client.get(resource, namespace, name)));
}

/** The read's object, or undefined where it answers 404. */
async function absentOn404(read: () => Promise<KubeObject>): Promise<KubeObject | undefined> {
  try {
    return await read();
  } catch (e) {
    if (isStatusError(e) && e.code === 404) return undefined;
    throw e;
  }
}
