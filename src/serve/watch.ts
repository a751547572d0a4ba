/**
 * GET …?watch=true: a stream of watch events (`{"type":"ADDED|MODIFIED|DELETED","object":{…}}`, one
 * JSON document per line) read from the cluster's change feed, as kube-apiserver streams them.
 *
 * - From `resourceVersion` N (what a list answered): the changes after N. Without one (or "0"):
 *   first an ADDED event per object that matches now, then the changes.
 * - An object that stops matching the selectors leaves the watch (DELETED), one that starts
 *   matching enters it (ADDED), as the API server's filtered watch does.
 * - With a Table Accept header (kubectl get -w) each event's object is a one-row Table.
 * - `timeoutSeconds` ends the stream after that many (wall) seconds.
 *
 * The feed holds each key's newest object, so several changes of one object between two pumps
 * arrive as one event carrying the object as it is now.
 */
import type { ServerResponse } from 'node:http';
import { apiVersionOf, resourceOf } from '../api/kind.js';
import type { KubeObject } from '../api/types.js';
import { type ObjectFilter, resourcePrefix, watchFilter } from '../cli/watch/watch-filter.js';
import { listOptions } from './request-options.js';
import type { OpenStream, ResourceRequest, ServedCluster } from './served-cluster.js';
import { inServedVersion, type ServedKind } from './served-kind.js';
import { type IncludeObject, parseIncludeObject, toTable, wantsTable } from './table.js';

type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export function isWatch(query: URLSearchParams): boolean {
  const w = query.get('watch');
  return w === 'true' || w === '1';
}

export class Watch implements OpenStream {
  private since: number;
  /** The objects in the watch, as last sent: a DELETED event carries the last state, as kube's watch cache gives it. */
  private readonly known = new Map<string, KubeObject>();
  private readonly matches: ObjectFilter;
  private readonly prefix: string;
  private readonly table: boolean;
  private readonly include: IncludeObject;
  private timer: NodeJS.Timeout | undefined;
  closed = false;

  private constructor(
    private readonly res: ServerResponse,
    private readonly served: ServedKind,
    private readonly cluster: ServedCluster,
    req: ResourceRequest,
    private readonly onClose: (w: OpenStream) => void,
  ) {
    const opts = listOptions(req);
    this.matches = watchFilter({ kind: served.kind, namespace: opts.namespace, labelSelector: opts.labelSelector, fieldSelector: opts.fieldSelector });
    this.prefix = resourcePrefix(served.kind);
    this.table = wantsTable(req.headers.accept);
    this.include = parseIncludeObject(req.query.get('includeObject'));
    this.since = cluster.revision();
  }

  /** Answers the request with the stream's head and its first events; later events come with pump(). */
  static async start(req: ResourceRequest, served: ServedKind, res: ServerResponse, onClose: (w: OpenStream) => void): Promise<Watch> {
    const { cluster } = req;
    const w = new Watch(res, served, cluster, req, onClose);
    const current = (await cluster.client.list(resourceOf(served.kind), listOptions(req))).items;
    const rv = req.query.get('resourceVersion');
    const fromNow = rv === null || rv === '' || rv === '0';
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
    // the head goes out now, as kube-apiserver's does: a client stops waiting for it only when
    // events come, and kubectl's informers wait for their watch call to return before they stop
    res.flushHeaders();
    const from = !fromNow && /^\d+$/.test(rv) ? Number(rv) : undefined;
    for (const o of current) {
      // an object changed after the watch's resourceVersion comes with that change (pump): it is
      // not known yet, so it is sent (ADDED: the feed keeps no history to tell a create from an update)
      if (from !== undefined && Number(o.metadata.resourceVersion) > from) continue;
      w.known.set(keyOf(o), o);
      if (fromNow) w.send('ADDED', o);
    }
    if (from !== undefined) w.since = Math.min(w.since, from);
    const timeout = Number(req.query.get('timeoutSeconds') ?? '0');
    if (timeout > 0) w.timer = setTimeout(() => w.close(), timeout * 1000);
    res.on('close', () => w.close());
    w.pump();
    return w;
  }

  /** Sends the changes since the last pump. */
  pump(): void {
    if (this.closed) return;
    const head = this.cluster.revision();
    if (head <= this.since) return;
    for (const ev of this.cluster.changesSince(this.since)) {
      this.since = ev.revision;
      if (!ev.key.startsWith(this.prefix) || !ev.object) continue;
      const obj = ev.object;
      const key = keyOf(obj);
      const last = this.known.get(key);
      const wasIn = last !== undefined;
      if (ev.type === 'delete') {
        // the feed's tombstone may be partial: the last state sent is the object as it was
        const gone = last ?? obj;
        if (!wasIn && !this.matches(gone)) continue;
        this.known.delete(key);
        this.send('DELETED', gone.kind ? gone : obj);
        continue;
      }
      if (this.matches(obj)) {
        if (wasIn && last.metadata.resourceVersion === obj.metadata.resourceVersion) continue;
        this.known.set(key, obj);
        this.send(wasIn ? 'MODIFIED' : 'ADDED', obj);
      } else if (wasIn) {
        this.known.delete(key);
        this.send('DELETED', obj);
      }
    }
    this.since = Math.max(this.since, head);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.res.end();
    this.onClose(this);
  }

  private send(type: EventType, obj: KubeObject): void {
    // a tombstone may lack its type
    const full = obj.kind ? obj : { ...obj, kind: this.served.kind.kind, apiVersion: apiVersionOf(this.served.kind) };
    const shown = inServedVersion(full, this.served);
    const object = this.table ? toTable([shown], this.served.kind, this.cluster.now(), { resourceVersion: shown.metadata.resourceVersion, include: this.include }) : shown;
    this.res.write(JSON.stringify({ type, object }) + '\n');
  }
}

function keyOf(o: KubeObject): string {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
}
