/**
 * Adoption and release (ControllerRefManager.Claim*): a controller claims the objects that match its
 * selector — its own, plus orphans it adopts — and releases its own objects that no longer match. An
 * owner being deleted neither adopts nor releases.
 */
import type { Client } from '../api/client.js';
import { isStatusError } from '../api/errors.js';
import type { Selector } from '../api/label-selector.js';
import type { KubeObject, OwnerReference } from '../api/types.js';
import { controllerRef } from './owner-index.js';

export function ownerRefTo(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** Writes new ownerReferences with a resourceVersion precondition; false when the object is gone. */
async function setOwnerRefs(client: Client, resource: string, obj: KubeObject, refs: OwnerReference[]): Promise<KubeObject | undefined> {
  try {
    return await client.patch(resource, obj.metadata.namespace, obj.metadata.name ?? '', 'merge', {
      metadata: { ownerReferences: refs.length > 0 ? refs : null, resourceVersion: obj.metadata.resourceVersion },
    });
  } catch (e) {
    if (isStatusError(e) && e.code === 404) return undefined;
    throw e;
  }
}

export interface ClaimOptions {
  client: Client;
  resource: string;
  owner: KubeObject;
  selector: Selector;
  /** The owner's own objects plus the orphans of its namespace. */
  candidates: KubeObject[];
  /** Re-reads the objects it writes (cached candidates may be projections). */
  fresh?: (obj: KubeObject) => Promise<KubeObject | undefined>;
}

/** Returns the objects the owner now controls. */
export async function claim(opts: ClaimOptions): Promise<KubeObject[]> {
  const { client, resource, owner, selector } = opts;
  const uid = owner.metadata.uid;
  const deleting = Boolean(owner.metadata.deletionTimestamp);
  const reread = opts.fresh ?? (async (o: KubeObject) => o);
  // sized for all candidates and trimmed (a ReplicaSet may claim tens of thousands of pods)
  const claimed = new Array<KubeObject>(opts.candidates.length);
  let n = 0;
  for (const obj of opts.candidates) {
    const ref = controllerRef(obj);
    const matches = selector.matches(obj.metadata.labels);
    if (ref) {
      if (ref.uid !== uid) continue;
      if (matches || deleting) {
        claimed[n++] = obj;
        continue;
      }
      const live = await reread(obj);
      if (live) await setOwnerRefs(client, resource, live, (live.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid));
      continue;
    }
    if (!matches || deleting || obj.metadata.deletionTimestamp) continue;
    const live = await reread(obj);
    if (!live) continue;
    const liveRef = controllerRef(live);
    if (liveRef) {
      if (liveRef.uid === uid) claimed[n++] = live;
      continue;
    }
    const adopted = await setOwnerRefs(client, resource, live, [...(live.metadata.ownerReferences ?? []), ownerRefTo(owner)]);
    if (adopted) claimed[n++] = obj;
  }
  claimed.length = n;
  return claimed;
}
