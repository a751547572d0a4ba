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
  /**
   * Which candidates to consider at all (e.g. active pods); the others are skipped as if they had not
   * been passed. Saves the caller a filtered copy of a large candidate list.
   */
  include?: (obj: KubeObject) => boolean;
  /** Re-reads the objects it writes (cached candidates may be projections). */
  fresh?: (obj: KubeObject) => Promise<KubeObject | undefined>;
}

/**
 * The synchronous part of a claim: takes the candidates the owner keeps as they are (its own that
 * still match, or all its own while it is being deleted) and skips those it leaves alone, stopping at
 * the first one that needs a write (release or adoption). Cached objects of one workload share their
 * (interned) labels and ownerReferences, so the selector and the controller reference are evaluated
 * once per run of candidates sharing them, not once per object. A scan never spans an await, so the
 * memos cannot outlive a change to the objects.
 */
class ClaimScan {
  readonly claimed: KubeObject[];
  n = 0;

  constructor(
    private readonly candidates: readonly KubeObject[],
    private readonly include: ((obj: KubeObject) => boolean) | undefined,
    private readonly selector: Selector,
    private readonly uid: string | undefined,
    private readonly deleting: boolean,
  ) {
    // sized for all candidates and trimmed (a ReplicaSet may claim tens of thousands of pods)
    this.claimed = new Array<KubeObject>(candidates.length);
  }

  /** The index of the next candidate from `from` on that needs a write (candidates.length: none). */
  scan(from: number): number {
    const { candidates, include, selector, uid, deleting, claimed } = this;
    let n = this.n;
    let memoLabels: Record<string, string> | undefined;
    let memoMatches = false;
    let memoRefs: OwnerReference[] | undefined;
    let memoRef: OwnerReference | undefined;
    let seen = false;
    let i = from;
    for (; i < candidates.length; i++) {
      const obj = candidates[i]!;
      if (include !== undefined && !include(obj)) continue;
      const meta = obj.metadata;
      const refs = meta.ownerReferences;
      const labels = meta.labels;
      if (!seen || refs !== memoRefs) {
        memoRefs = refs;
        memoRef = controllerRef(obj);
      }
      if (!seen || labels !== memoLabels) {
        memoLabels = labels;
        memoMatches = selector.matches(labels);
      }
      seen = true;
      const ref = memoRef;
      if (ref) {
        if (ref.uid !== uid) continue;
        if (memoMatches || deleting) {
          claimed[n++] = obj;
          continue;
        }
        break; // release
      }
      if (!memoMatches || deleting || meta.deletionTimestamp) continue;
      break; // adopt
    }
    this.n = n;
    return i;
  }
}

/**
 * Returns the objects the owner now controls, in candidate order. The common case — an object the
 * owner already controls that still matches — costs no await (see ClaimScan).
 */
export async function claim(opts: ClaimOptions): Promise<KubeObject[]> {
  const { client, resource, owner, selector, candidates } = opts;
  const uid = owner.metadata.uid;
  const deleting = Boolean(owner.metadata.deletionTimestamp);
  const reread = opts.fresh ?? (async (o: KubeObject) => o);
  const run = new ClaimScan(candidates, opts.include, selector, uid, deleting);
  for (let i = run.scan(0); i < candidates.length; i = run.scan(i + 1)) {
    // a candidate the scan stopped at: the owner's own that stopped matching, or a matching orphan
    const obj = candidates[i]!;
    if (controllerRef(obj)) {
      const live = await reread(obj);
      if (live) await setOwnerRefs(client, resource, live, (live.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid));
      continue;
    }
    const live = await reread(obj);
    if (!live) continue;
    const liveRef = controllerRef(live);
    if (liveRef) {
      if (liveRef.uid === uid) run.claimed[run.n++] = live;
      continue;
    }
    const adopted = await setOwnerRefs(client, resource, live, [...(live.metadata.ownerReferences ?? []), ownerRefTo(owner)]);
    if (adopted) run.claimed[run.n++] = obj;
  }
  const claimed = run.claimed;
  claimed.length = run.n;
  return claimed;
}
