/**
 * The change feed: the store's change log (revision, key, put|delete) turned into events that carry
 * the object — the stored one for a put, the object as it was when removed for a delete (kept here
 * as a tombstone). The control loop feeds reconcilers from it; `--watch` can use it too.
 *
 * Tombstones live in memory while the process runs; the ones not yet consumed when the cluster
 * closes are saved in the store's meta (`pendingTombstones`) and loaded by the next process.
 */
import type { KubeObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import { readOnly } from './read-only.js';

export interface ChangeEvent {
  revision: number;
  key: string;
  type: 'put' | 'delete';
  /** Plural resource name from the key (`/registry/<resource>/…`). */
  resource: string;
  /** The object now (put) or as it was when deleted; undefined for a put whose object is gone since. */
  object: KubeObject | undefined;
}

interface Tombstone {
  revision: number;
  key: string;
  object: KubeObject;
}

const META = 'pendingTombstones';


/** `/registry/pods/ns/name` → { resource: 'pods', namespace: 'ns', name: 'name' }. */
export function parseRegistryKey(key: string): { resource: string; namespace?: string; name: string } | undefined {
  const parts = key.split('/');
  if (parts[1] !== 'registry' || parts.length < 4) return undefined;
  if (parts.length === 4) return { resource: parts[2]!, name: parts[3]! };
  return { resource: parts[2]!, namespace: parts[3]!, name: parts.slice(4).join('/') };
}

const REGISTRY = '/registry/';

/** parseRegistryKey(key)?.resource ?? '', without splitting the key (every change asks it). */
function resourceOf(key: string): string {
  if (!key.startsWith(REGISTRY)) return '';
  const end = key.indexOf('/', REGISTRY.length);
  return end < 0 ? '' : key.slice(REGISTRY.length, end);
}

export class ChangeFeed {
  private readonly tombstones = new Map<number, Tombstone>();

  constructor(private readonly store: Store) {
    for (const t of store.getMeta<Tombstone[]>(META) ?? []) this.tombstones.set(t.revision, t);
  }

  /** Hook for the API server (ApiServerOptions.onRemoved). */
  readonly removed = (key: string, object: KubeObject, revision: number): void => {
    this.tombstones.set(revision, { revision, key, object });
  };

  /**
   * Events after `since`, oldest first (at most `limit`). With `wanted`, only the changes it wants
   * (by resource and type) carry their object (the others are listed without one, and cost no read). Objects are
   * copies the caller may change, unless `shared` (the control loop's informers): then they are the
   * stored objects themselves, which nobody may change (see Store.peek) — under tests they are frozen,
   * so a reconciler that changes one fails loudly.
   */
  since(since: number, limit?: number, wanted?: (resource: string, type: 'put' | 'delete') => boolean, shared = false): ChangeEvent[] {
    return this.store.changesSince(since, limit).map((c) => {
      const resource = resourceOf(c.key);
      let object: KubeObject | undefined;
      if (wanted && !wanted(resource, c.type)) object = undefined;
      else if (c.type === 'put') object = shared ? readOnly(this.store.peek(c.key) as KubeObject | undefined) : this.store.get(c.key);
      else {
        object = this.tombstones.get(c.revision)?.object;
        const parsed = object ? undefined : parseRegistryKey(c.key);
        if (parsed) object = { apiVersion: '', kind: '', metadata: { name: parsed.name, namespace: parsed.namespace } };
      }
      return { revision: c.revision, key: c.key, type: c.type, resource, object };
    });
  }

  /** Forgets tombstones at or before `revision` (consumed). */
  consumed(revision: number): void {
    for (const r of this.tombstones.keys()) if (r <= revision) this.tombstones.delete(r);
  }

  /** Saves the unconsumed tombstones for the next process (before commit). */
  persist(): void {
    const left = [...this.tombstones.values()];
    const before = this.store.getMeta<Tombstone[]>(META);
    if (left.length === 0 && before === undefined) return;
    this.store.setMeta(META, left.length > 0 ? left : undefined);
  }
}
