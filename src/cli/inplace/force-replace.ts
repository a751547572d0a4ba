/**
 * `replace --force`: delete every object of the manifests (a missing one is fine), wait in simulated
 * time until each is gone, then create them again (kubectl's forceReplace).
 */
import { isStatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import type { Connection } from '../../client/embedded.js';
import { withSource } from '../apply/apply-object.js';
import type { ManifestItem } from '../manifests.js';
import { kindPrefix } from '../printers/name.js';
import { waitFor } from '../rollout/wait.js';
import type { CommandIO } from './print.js';
import { resourceOf } from '../../api/kind.js';

export interface ForceOptions {
  gracePeriodSeconds?: number;
  timeoutMs: number;
  prepare(obj: KubeObject): KubeObject;
  print(obj: KubeObject, item: ManifestItem): string;
}

type Placed = ManifestItem & { namespace: string | undefined };

export async function forceReplace(conn: Connection, items: Placed[], opts: ForceOptions, io: CommandIO, errors: unknown[]): Promise<number> {
  const deleted: { item: Placed; uid?: string }[] = [];
  for (const item of items) {
    const name = item.obj.metadata.name ?? '';
    try {
      const gone = await conn.client.delete(resourceOf(item.kind), item.namespace, name, { gracePeriodSeconds: opts.gracePeriodSeconds });
      io.out(`${kindPrefix(item.kind)} "${name}" deleted\n`);
      deleted.push({ item, uid: gone.metadata.uid });
    } catch (err) {
      if (isStatusError(err) && err.reason === 'NotFound') continue;
      errors.push(err);
      return 0;
    }
  }
  await waitFor(conn, async () => {
    for (const { item, uid } of deleted) {
      try {
        const live = await conn.client.get(resourceOf(item.kind), item.namespace, item.obj.metadata.name ?? '');
        if (live.metadata.uid === uid) return false;
      } catch (err) {
        if (!(isStatusError(err) && err.reason === 'NotFound')) throw err;
      }
    }
    return true;
  }, { timeoutMs: opts.timeoutMs });
  let count = 0;
  for (const item of items) {
    try {
      const obj = opts.prepare(item.obj);
      obj.metadata.resourceVersion = undefined;
      const created = await conn.client.create(resourceOf(item.kind), obj);
      count++;
      io.out(opts.print(created, item));
    } catch (err) {
      errors.push(withSource(err, `error when creating "${item.source}": `));
    }
  }
  return count;
}
