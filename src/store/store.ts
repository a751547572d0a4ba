/**
 * The etcd-like store. Keys follow etcd's layout: `/registry/<resource>/<namespace>/<name>` for
 * namespaced objects, `/registry/<resource>/<name>` for cluster-scoped ones. A global revision
 * counts every write; each written object's metadata.resourceVersion is set to that revision.
 *
 * Reads and writes are synchronous (LMDB is); writes made during a command are kept in the
 * store's pending batch and made durable, all together, by commit() — so a killed command loses
 * its own unfinished work, never a whole object or someone else's update.
 */
import type { KubeObject } from '../api/types.js';

export interface ChangeRecord {
  revision: number;
  key: string;
  type: 'put' | 'delete';
}

export interface DelayedKey {
  /** epoch ms (cluster time) when due */
  due: number;
  /** which component wants it, e.g. `deployment`, `kubelet`, `cronjob` */
  queue: string;
  /** the key that component reconciles (`namespace/name` or `name`) */
  key: string;
}

export interface Store {
  /** Current global revision (0 for an empty store). */
  revision(): number;
  get(key: string): KubeObject | undefined;
  /**
   * The stored object itself, not a copy: shared with the store and with every other reader, so it
   * must never be changed (a stored object is never changed either: a write stores a new one). For
   * readers that look and keep, like the control loop's watch feed.
   */
  peek(key: string): Readonly<KubeObject> | undefined;
  /** All objects whose key starts with prefix, in key (byte) order. */
  range(prefix: string): KubeObject[];
  /** Keys only (cheap counts and existence checks). */
  keys(prefix: string): string[];
  /**
   * Writes obj under key at a new revision and returns a copy of what is stored (resourceVersion
   * set). The store takes obj over: the caller hands in an object it built and does not use or
   * change it afterwards (the API server's pipeline builds a fresh one per request). If expectedRevision is given and the stored object's resourceVersion differs,
   * returns undefined (the caller turns that into a 409). With `share`, what it returns is the
   * stored object itself (no copy), which nobody may change (as with peek()). With `ownMetadata`,
   * obj.metadata is the caller's own too (a create's, never shared with a stored version): the
   * resourceVersion is set on it, not on a copy.
   */
  put(key: string, obj: KubeObject, expectedResourceVersion?: string, share?: boolean, ownMetadata?: boolean): KubeObject | undefined;
  /** Removes key at a new revision; returns the removed object. */
  delete(key: string): KubeObject | undefined;
  /** Changes with revision > since, oldest first (the watch / informer feed). */
  changesSince(since: number, limit?: number): ChangeRecord[];
  /**
   * The newest revision dropped from the change log (0 if none): changesSince(rev) with
   * rev < compactedRevision() misses changes (a watch from there is "too old", 410 Expired).
   */
  compactedRevision(): number;

  /** Small named values of the cluster itself (simulated-time offset, last reconciled revision…). */
  getMeta<T>(name: string): T | undefined;
  setMeta(name: string, value: unknown): void;

  /** Work due later (DESIGN rule 4): survives between invocations. Re-adding the same queue/key keeps the earliest due. */
  addDelayed(item: DelayedKey): void;
  /** Removes and returns the delayed keys with due <= now, in due order. */
  takeDue(now: number): DelayedKey[];
  /** Earliest due time, if any. */
  nextDue(): number | undefined;

  /** Makes everything written since the last commit durable, atomically. */
  commit(): void;
  /** Forgets everything written since the last commit. */
  rollback(): void;
  /** Whether there are uncommitted writes. */
  dirty(): boolean;
  /** How many writes are waiting for the next commit (a measure of the pending batch's size). */
  pendingWrites(): number;
  /**
   * Makes reads see the newest state committed by other processes (call right after taking the
   * write lock); the pending batch is kept.
   */
  refresh(): void;
  /**
   * A number that changes whenever reads may show what this process did not write through this
   * store since (a refresh, a rollback): a reader that memoises a result derived from the store
   * and sees every write it depends on may keep it while the epoch stays.
   */
  epoch(): number;
  close(): void;
}

/** Cross-process exclusive lock around a command's writes. */
export interface WriteLock {
  /** Waits (polling) until the lock is held; breaks a lock whose owner process is dead. */
  acquire(timeoutMs?: number): Promise<void>;
  release(): void;
  held(): boolean;
}

export function registryKey(resource: string, namespace: string | undefined, name: string): string {
  return namespace ? `/registry/${resource}/${namespace}/${name}` : `/registry/${resource}/${name}`;
}

export function registryPrefix(resource: string, namespace?: string): string {
  return namespace ? `/registry/${resource}/${namespace}/` : `/registry/${resource}/`;
}
