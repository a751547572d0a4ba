/**
 * GET pods/NAME/log?follow=true: what the container printed, then the stream stays open while
 * the container's run lasts, as the kubelet's does; it ends when the pod goes (or is replaced by
 * one of the same name) or the container stops or restarts. The simulated runtime prints a run's
 * lines when it starts, so nothing more comes meanwhile. Changes reach it through the change feed,
 * like a watch (pumped by the server after every request and tick).
 */
import type { ServerResponse } from 'node:http';
import { containerLogText, containerStatus } from '../node/runtime/logs.js';
import { logRequest } from './pod-log.js';
import type { OpenStream, ResourceRequest, ServedCluster } from './served-cluster.js';

export function isFollow(req: ResourceRequest): boolean {
  return req.method === 'GET' && req.path.subresource === 'log' && req.query.get('follow') === 'true';
}

export class LogFollow implements OpenStream {
  closed = false;
  private since: number;

  private constructor(
    private readonly res: ServerResponse,
    private readonly cluster: ServedCluster,
    private readonly key: string,
    private readonly uid: string | undefined,
    private readonly container: string,
    private readonly start: string | undefined,
    private readonly onClose: (s: OpenStream) => void,
  ) {
    this.since = cluster.revision();
  }

  /** Answers with the log so far; resolves with the open stream, or undefined when it ended at once. */
  static async start(req: ResourceRequest, res: ServerResponse, onClose: (s: OpenStream) => void): Promise<LogFollow | undefined> {
    const { pod, container, opts } = await logRequest(req, req.path.name!);
    const text = containerLogText(pod, container, opts);
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
    res.write(text);
    const start: string | undefined = containerStatus(pod, container)?.state?.running?.startedAt;
    if (opts.previous || !start) {
      res.end();
      return undefined;
    }
    const key = `/registry/pods/${pod.metadata.namespace}/${pod.metadata.name}`;
    const f = new LogFollow(res, req.cluster, key, pod.metadata.uid, container, start, onClose);
    res.on('close', () => f.close());
    return f;
  }

  pump(): void {
    if (this.closed || this.cluster.revision() <= this.since) return;
    for (const ev of this.cluster.changesSince(this.since)) {
      this.since = ev.revision;
      if (ev.key !== this.key) continue;
      const pod = ev.object;
      const running = pod && containerStatus(pod, this.container)?.state?.running?.startedAt;
      if (ev.type === 'delete' || !pod || pod.metadata.uid !== this.uid || running !== this.start) {
        this.close();
        return;
      }
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.res.end();
    this.onClose(this);
  }
}
