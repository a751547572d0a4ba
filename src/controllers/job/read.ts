import type { Client } from '../../api/client.js';
import { isStatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';

/** GET that answers undefined for NotFound (used by the Job, CronJob, DaemonSet and TTL controllers). */
export async function getIfExists(client: Client, resource: string, namespace: string | undefined, name: string): Promise<KubeObject | undefined> {
  try {
    return await client.get(resource, namespace, name);
  } catch (e) {
    if (isStatusError(e) && e.code === 404) return undefined;
    throw e;
  }
}
