/**
 * `get --watch` / `--watch-only`: the current objects first (unless --watch-only), then one entry
 * per change as it happens, read from the cluster's change feed (not by listing again), while the
 * cluster keeps running as wall time passes. Ends on SIGINT or --request-timeout (exit 0).
 *
 * The feed holds each key's newest object, so several changes of one object between two looks are
 * printed once, as the object now is.
 */
import type { KubeObject } from '../../api/types.js';
import type { Connection } from '../../client/embedded.js';
import { type TickOutcome, tickUntil } from './tick-loop.js';
import { resourcePrefix, watchFilter, type WatchScope } from './watch-filter.js';
import type { WatchPrinter } from './watch-printer.js';
import { resourceOf } from '../../api/kind.js';

export interface GetWatchOptions {
  scope: WatchScope;
  printer: WatchPrinter;
  watchOnly: boolean;
  /** Wall ms after which the watch ends (--request-timeout); undefined: until interrupted. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export async function watchGet(conn: Connection, opts: GetWatchOptions): Promise<TickOutcome> {
  const cluster = conn.cluster;
  if (!cluster) return watchRemote(conn, opts);
  const { scope, printer } = opts;
  const known = new Map<string, KubeObject>();
  const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
  const list = async (): Promise<KubeObject[]> => {
    if (scope.name !== undefined) return [await conn.client.get(resourceOf(scope.kind), scope.namespace, scope.name)];
    return (await conn.client.list(resourceOf(scope.kind), { namespace: scope.namespace, labelSelector: scope.labelSelector, fieldSelector: scope.fieldSelector })).items;
  };

  const initial = await list();
  let since = cluster.revision();
  for (const o of initial) known.set(keyOf(o), o);
  if (!opts.watchOnly) printer.print(initial);

  const matches = watchFilter(scope);
  const prefix = resourcePrefix(scope.kind);
  const step = async (): Promise<boolean> => {
    const head = cluster.revision();
    if (head <= since) return false;
    for (const ev of cluster.changesSince(since)) {
      since = ev.revision;
      if (!ev.key.startsWith(prefix)) continue;
      const obj = ev.object;
      if (ev.type === 'delete') {
        if (!obj) continue;
        const last = known.get(keyOf(obj));
        const full = obj.kind ? obj : last;
        if (full && (last || matches(full))) printer.print([full]);
        known.delete(keyOf(obj));
        continue;
      }
      if (!obj) continue;
      const key = keyOf(obj);
      const last = known.get(key);
      if (matches(obj)) {
        if (last?.metadata.resourceVersion === obj.metadata.resourceVersion) continue;
        known.set(key, obj);
        printer.print([obj]);
      } else if (last) {
        known.delete(key);
        printer.print([obj]);
      }
    }
    since = Math.max(since, head);
    return false;
  };

  const deadline = opts.timeoutMs !== undefined && opts.timeoutMs > 0 ? Date.now() + opts.timeoutMs : undefined;
  return tickUntil(conn, step, { deadline, signal: opts.signal });
}

/**
 * The same over a remote server (--kubeconfig): the list, then the server's watch from the list's
 * resourceVersion, each event's object printed as it comes, until SIGINT or the request timeout.
 */
async function watchRemote(conn: Connection, opts: GetWatchOptions): Promise<TickOutcome> {
  if (!conn.watch) throw new Error('this connection cannot watch');
  const { scope, printer } = opts;
  const resource = resourceOf(scope.kind);
  const fieldSelector = scope.name !== undefined ? [`metadata.name=${scope.name}`, scope.fieldSelector].filter(Boolean).join(',') : scope.fieldSelector;
  const list = await conn.client.list(resource, { namespace: scope.namespace, labelSelector: scope.labelSelector, fieldSelector });
  if (scope.name !== undefined && list.items.length === 0) await conn.client.get(resource, scope.namespace, scope.name);
  if (!opts.watchOnly) printer.print(list.items);
  const abort = new AbortController();
  const stop = (): void => abort.abort();
  opts.signal?.addEventListener('abort', stop, { once: true });
  const timer = opts.timeoutMs !== undefined && opts.timeoutMs > 0 ? setTimeout(stop, opts.timeoutMs) : undefined;
  try {
    await conn.watch(resource, { namespace: scope.namespace, labelSelector: scope.labelSelector, fieldSelector, resourceVersion: list.metadata.resourceVersion }, (_type, obj) => printer.print([obj]), abort.signal);
  } finally {
    if (timer) clearTimeout(timer);
    opts.signal?.removeEventListener('abort', stop);
  }
  return opts.signal?.aborted ? 'aborted' : abort.signal.aborted ? 'deadline' : 'done';
}
