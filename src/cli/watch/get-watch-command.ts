/**
 * The `--watch`/`--watch-only` path of `get`: kubectl's checks (one resource type, one collection or
 * one object), the printer, SIGINT handling, then the watch itself (get-watch.ts).
 */
import type { Connection } from '../../client/embedded.js';
import { parseGoDuration } from '../../util/go-duration.js';
import type { TableOptions } from '../printers/index.js';
import { parseResourceArgs, checkNamedSelection } from '../resource-args.js';
import { watchGet } from './get-watch.js';
import { type WatchFormat, WatchPrinter } from './watch-printer.js';

export interface GetWatchRequest {
  args: string[];
  bin: string;
  namespace: string;
  allNamespaces: boolean;
  labelSelector?: string;
  fieldSelector?: string;
  format: WatchFormat;
  watchOnly: boolean;
  /** `--request-timeout` as given (`0` = none). */
  requestTimeout?: string;
  table: Omit<TableOptions, 'now' | 'wide'>;
  write: (text: string) => void;
}

/** Runs the watch until SIGINT or the request timeout; both end it normally (exit 0). */
export async function runGetWatch(conn: Connection, req: GetWatchRequest): Promise<void> {
  const sel = parseResourceArgs(req.args, conn.registry, req.bin);
  checkNamedSelection(sel, { selector: Boolean(req.labelSelector || req.fieldSelector), allNamespaces: req.allNamespaces });
  const kinds = new Set([...sel.types, ...sel.named.map((n) => n.kind)]);
  if (kinds.size > 1) throw new Error('watch is only supported on individual resources and resource collections, but a list of resources is specified');
  if (sel.named.length > 1) throw new Error(`watch is only supported on individual resources and resource collections, but ${sel.named.length} resources were found`);
  const kind = [...kinds][0]!;
  const timeoutMs = requestTimeoutMs(req.requestTimeout);
  const printer = new WatchPrinter(kind, req.format, req.table, () => conn.now(), req.write);

  const interrupt = new AbortController();
  const onSigint = (): void => interrupt.abort();
  process.once('SIGINT', onSigint);
  try {
    await watchGet(conn, {
      scope: {
        kind,
        namespace: kind.namespaced && !(req.allNamespaces && sel.named.length === 0) ? req.namespace : undefined,
        name: sel.named[0]?.name,
        labelSelector: req.labelSelector,
        fieldSelector: req.fieldSelector,
      },
      printer,
      watchOnly: req.watchOnly,
      timeoutMs,
      signal: interrupt.signal,
    });
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

/** kubectl's --request-timeout: a bare integer is seconds, else a duration; 0 means none. */
function requestTimeoutMs(value: string | undefined): number | undefined {
  if (value === undefined || value === '' || value === '0') return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : parseGoDuration(value);
  if (ms === undefined || ms < 0) throw new Error('Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a unit (e.g. 1s | 2m | 3h)');
  return ms;
}
