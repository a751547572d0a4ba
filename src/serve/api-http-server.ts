/**
 * `pocketkube serve`: the cluster's API over HTTP, so that real kubectl (and any Kubernetes
 * client) can talk to it — the long-running mode of DESIGN rule 5. One process holds the cluster
 * open; requests are served one at a time:
 *
 *   read the body → refresh (see what other pocketkube processes committed) → answer through the
 *   Client → a write is committed (and the write lock released) → send the answer → push the
 *   changes to open watches.
 *
 * The control loop runs on ticks of its own, as controllers react to changes: AFTER_WRITE_MS after
 * a write, and every POLL_MS for work that falls due as wall time passes (back-off restarts,
 * probes, rollouts' progress). Each tick reconciles until quiet, commits and releases the lock, so
 * other pocketkube commands may write to the same state directory meanwhile.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerApi } from './api-router.js';
import type { OpenStream, ResourceRequest, ServedCluster } from './served-cluster.js';
import { readBody, sendBytes, sendError, sendJson, sendText } from './respond.js';
import { isWatch, Watch } from './watch.js';
import { isFollow, LogFollow } from './log-follow.js';
import { requestKind } from './request-options.js';
import { parseApiPath } from './request-path.js';

/** The cluster as the server drives it (src/cluster.ts's Cluster). */
export interface LiveCluster extends ServedCluster {
  refresh(): void;
  commitAndRelease(): Promise<void>;
  commitWrites(): void;
}

export interface ApiHttpServerOptions {
  cluster: LiveCluster;
  /** Wall ms between ticks of the control loop while idle. */
  pollMs?: number;
  /** Told about failures outside any request (a tick that threw). */
  onError?: (e: unknown) => void;
}

export const POLL_MS = 250;
/**
 * How soon after a write the control loop runs: soon, but not within the same burst of requests
 * (kubectl deleting a namespace and then the objects in it finds them still there, as against a
 * real cluster, whose namespace controller takes its time).
 */
export const AFTER_WRITE_MS = 50;

export class ApiHttpServer {
  private readonly server: Server;
  private readonly cluster: LiveCluster;
  /** Watches and followed logs, pushed the changes after every request and tick. */
  private readonly streams = new Set<OpenStream>();
  private queue: Promise<unknown> = Promise.resolve();
  private ticker: NodeJS.Timeout | undefined;
  /** Wall epoch ms of the scheduled tick. */
  private tickDue = 0;
  private stopped = false;

  constructor(private readonly opts: ApiHttpServerOptions) {
    this.cluster = opts.cluster;
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 30_000;
  }

  /** Starts listening (port 0: any free port) and ticking; resolves with the address. */
  async listen(port: number, host: string): Promise<AddressInfo> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.scheduleTick();
    return this.server.address() as AddressInfo;
  }

  /** Stops taking requests, ends the watches and waits for the request being served. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.ticker) clearTimeout(this.ticker);
    for (const w of [...this.streams]) w.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.queue.catch(() => undefined);
  }

  /** Runs f after everything queued before it: requests and ticks never interleave. */
  private exclusive<T>(f: () => Promise<T>): Promise<T> {
    const run = this.queue.then(f, f);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The next tick in `ms` (sooner than one already scheduled replaces it). */
  private scheduleTick(ms = this.opts.pollMs ?? POLL_MS): void {
    if (this.stopped) return;
    if (this.ticker) {
      if (this.tickDue <= Date.now() + ms) return;
      clearTimeout(this.ticker);
    }
    this.tickDue = Date.now() + ms;
    this.ticker = setTimeout(() => {
      this.ticker = undefined;
      void this.exclusive(async () => {
        this.cluster.refresh();
        // runs the control loop until quiet, then commits and lets go of the lock
        await this.cluster.commitAndRelease();
        this.pumpWatches();
      }).catch((e: unknown) => this.opts.onError?.(e)).finally(() => this.scheduleTick());
    }, ms);
  }

  private pumpWatches(): void {
    for (const w of this.streams) w.pump();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const method = req.method ?? 'GET';
      // the body is read before the request takes its turn: a slow client holds up nobody
      const text = method === 'GET' || method === 'HEAD' ? '' : await readBody(req);
      await this.exclusive(() => this.serve(req, res, url, method, text));
    } catch (e) {
      sendError(res, e);
    }
  }

  /**
   * A request answered with a stream that stays open (a watch, a followed pod log): started and
   * kept among the streams pushed after every request and tick. False for any other request.
   */
  private async openStream(request: ResourceRequest, res: ServerResponse): Promise<boolean> {
    const keep = (s: OpenStream | undefined): void => {
      if (s && !s.closed) this.streams.add(s);
    };
    const onClose = (done: OpenStream): void => void this.streams.delete(done);
    if (request.method === 'GET' && isWatch(request.query)) {
      keep(await Watch.start(request, requestKind(request), res, onClose));
      return true;
    }
    if (isFollow(request)) {
      const served = requestKind(request);
      if (served.kind.kind !== 'Pod' || served.kind.group !== '') return false;
      keep(await LogFollow.start(request, res, onClose));
      return true;
    }
    return false;
  }

  private async serve(req: IncomingMessage, res: ServerResponse, url: URL, method: string, text: string): Promise<void> {
    if (this.stopped) throw new Error('the server is shutting down');
    const path = parseApiPath(url.pathname);
    this.cluster.refresh();
    if (path.type === 'resource' && (await this.openStream({ cluster: this.cluster, method, path, query: url.searchParams, headers: req.headers, body: async () => text }, res))) return;
    const writes = method !== 'GET' && method !== 'HEAD';
    let answer;
    try {
      answer = await answerApi({
        cluster: this.cluster,
        path,
        method,
        host: req.headers.host ?? 'localhost',
        query: url.searchParams,
        headers: req.headers,
        body: text,
      });
    } finally {
      // The write is durable before the answer goes out (a failed one wrote nothing, but may hold
      // the lock: let go of it either way); the control loop reacts at a tick soon after.
      if (writes) {
        this.cluster.commitWrites();
        this.scheduleTick(AFTER_WRITE_MS);
      }
    }
    if ('text' in answer) sendText(res, answer.code, answer.text);
    else if ('bytes' in answer) sendBytes(res, answer.code, answer.bytes, answer.contentType);
    else sendJson(res, answer.code, answer.json, 'warnings' in answer ? answer.warnings : []);
    this.pumpWatches();
  }
}
