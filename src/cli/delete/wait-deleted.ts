import type { Client } from '../../api/client.js';
import { isStatusError } from '../../api/errors.js';
import { type KindDef, resourceOf } from '../../api/kind.js';

export interface DeletedRef {
  kind: KindDef;
  namespace: string | undefined;
  name: string;
  /** UID of the object that was deleted: a new object of the same name does not count. */
  uid?: string;
}

export interface WaitDeps {
  client: Client;
  /**
   * Lets the cluster make progress (controllers, kubelets, time) before each look, and makes it
   * durable: a wait interrupted (Ctrl-C, a timeout) keeps the deletion it waited for.
   */
  settle?: () => Promise<void>;
  /** Wall-clock milliseconds (injected for tests). */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** A week: what kubectl waits when --timeout=0. */
const FOREVER_MS = 168 * 3_600_000;

/**
 * kubectl delete --wait: waits until each object is gone (or replaced by a new one with another
 * UID), in order; the first one still there at the deadline is kubectl's timeout error.
 */
export async function waitForDeletion(refs: DeletedRef[], timeoutMs: number, deps: WaitDeps): Promise<void> {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = now() + (timeoutMs === 0 ? FOREVER_MS : timeoutMs);
  for (const ref of refs) {
    let pause = 10;
    for (;;) {
      await deps.settle?.();
      if (await gone(deps.client, ref)) break;
      if (now() >= deadline) throw new Error(`timed out waiting for the condition on ${ref.kind.plural}/${ref.name}`);
      await sleep(Math.min(pause, Math.max(0, deadline - now())));
      pause = Math.min(pause * 2, 500);
    }
  }
}

async function gone(client: Client, ref: DeletedRef): Promise<boolean> {
  try {
    const live = await client.get(resourceOf(ref.kind), ref.namespace, ref.name);
    return ref.uid !== undefined && live.metadata.uid !== ref.uid;
  } catch (err) {
    if (isStatusError(err) && err.reason === 'NotFound') return true;
    throw err;
  }
}
