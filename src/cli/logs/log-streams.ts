/**
 * The log streams of `logs`: one per pod and container (the -c one, all with --all-containers, or
 * the pod's default container), read once or followed (-f) until each container run ends, as the
 * kubelet's streams end when the container they follow exits.
 */
import { isStatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import type { Connection } from '../../client/embedded.js';
import { containerLogText, containerStatus, type LogOptions, runStart } from '../../node/runtime/logs.js';
import { PlainError } from '../errors.js';
import { type TickLoopOptions, type TickOutcome, tickUntil } from '../watch/tick-loop.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const DEFAULT_CONTAINER = 'kubectl.kubernetes.io/default-container';

export interface LogStream {
  pod: KubeObject;
  container: string;
}

/** The containers of a pod to read: -c, all, or the default one (kubectl's "Defaulted container" rule). */
export function podContainers(pod: KubeObject, wanted: string | undefined, all: boolean, note: (text: string) => void): string[] {
  const inits: string[] = (pod.spec?.initContainers ?? []).map((c: any) => c.name);
  const regular: string[] = (pod.spec?.containers ?? []).map((c: any) => c.name);
  if (all) return [...inits, ...regular];
  if (wanted !== undefined) {
    if (![...inits, ...regular].includes(wanted)) {
      throw new PlainError(`Error from server (BadRequest): container ${wanted} is not valid for pod ${pod.metadata.name}`);
    }
    return [wanted];
  }
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER];
  if (annotated && regular.includes(annotated)) return [annotated];
  if (regular.length + inits.length > 1) {
    note(`Defaulted container "${regular[0]}" out of: ${[...regular, ...inits.map((n) => `${n} (init)`)].join(', ')}`);
  }
  return [regular[0]!];
}

/** kubectl's --prefix: `[pod/NAME/CONTAINER] ` before every line (a line cut by --limit-bytes too). */
export function prefixed(text: string, stream: LogStream): string {
  const prefix = `[pod/${stream.pod.metadata.name}/${stream.container}] `;
  return text.replace(/[^\n]*(\n|$)/g, (line) => (line === '' ? '' : prefix + line));
}

export interface FollowOptions {
  /** Errors become `error: …` lines and the other streams go on (--ignore-errors, with several streams). */
  ignoreErrors: boolean;
  loop?: Omit<TickLoopOptions, 'deadline'>;
}

/** Whether the followed run of a stream's container is over: the pod is gone or the container no longer runs it. */
async function ended(conn: Connection, stream: LogStream, start: string): Promise<boolean> {
  let pod: KubeObject;
  try {
    pod = await conn.client.get('pods', stream.pod.metadata.namespace, stream.pod.metadata.name!);
  } catch (e) {
    if (isStatusError(e) && e.code === 404) return true;
    throw e;
  }
  if (pod.metadata.uid !== stream.pod.metadata.uid) return true;
  return containerStatus(pod, stream.container)?.state?.running?.startedAt !== start;
}

/**
 * Prints each stream's logs; with `follow`, then waits (the cluster running as wall time passes)
 * until every followed container run has ended. Without --ignore-errors the first error stops it.
 */
export async function readStreams(
  conn: Connection, streams: LogStream[], opts: LogOptions, print: (text: string, stream?: LogStream) => void, follow?: FollowOptions,
): Promise<TickOutcome> {
  if (conn.podLog) return readRemoteStreams(conn, streams, opts, print, follow);
  const open: { stream: LogStream; start: string }[] = [];
  for (const stream of streams) {
    try {
      print(containerLogText(stream.pod, stream.container, opts), stream);
      if (follow && !opts.previous) open.push({ stream, start: runStart(stream.pod, stream.container) });
    } catch (e) {
      if (!follow?.ignoreErrors) throw e;
      // written as it is, not prefixed (kubectl writes it to the output pipe itself)
      print(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
  if (!follow || open.length === 0) return 'done';
  return tickUntil(conn, async () => {
    for (let i = open.length - 1; i >= 0; i--) if (await ended(conn, open[i]!.stream, open[i]!.start)) open.splice(i, 1);
    return open.length === 0;
  }, follow.loop);
}

/** The same from a remote server's pods/log: each stream read (or followed, all at once) as it comes. */
async function readRemoteStreams(
  conn: Connection, streams: LogStream[], opts: LogOptions, print: (text: string, stream?: LogStream) => void, follow?: FollowOptions,
): Promise<TickOutcome> {
  const read = async (stream: LogStream): Promise<void> => {
    // whole lines only (a --prefix goes before each), the rest when the stream ends
    let pending = '';
    const onText = (text: string): void => {
      pending += text;
      const end = pending.lastIndexOf('\n') + 1;
      if (end > 0) print(pending.slice(0, end), stream);
      pending = pending.slice(end);
    };
    try {
      await conn.podLog!(stream.pod.metadata.namespace ?? 'default', stream.pod.metadata.name!, stream.container, { ...opts, follow: Boolean(follow) }, onText);
      if (pending) print(pending, stream);
    } catch (e) {
      if (!follow?.ignoreErrors) throw e;
      print(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  };
  if (follow) await Promise.all(streams.map(read));
  else for (const stream of streams) await read(stream);
  return 'done';
}
