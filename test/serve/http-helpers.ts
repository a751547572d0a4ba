/** The real HTTP server on a free port, and a reader of watch streams with deadlines (never fixed sleeps). */
import { afterEach, beforeEach } from 'vitest';
import { testCluster } from './serve-helpers.js';
import { ApiHttpServer } from '../../src/serve/api-http-server.js';
import type { Cluster } from '../../src/cluster.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export async function startServer(cluster: Cluster): Promise<{ server: ApiHttpServer; base: string }> {
  const server = new ApiHttpServer({ cluster, pollMs: 20 });
  const addr = await server.listen(0, '127.0.0.1');
  return { server, base: `http://127.0.0.1:${addr.port}` };
}

export function send(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const DEADLINE_MS = 5_000;

/** Polls `f` until it gives a value other than undefined; throws after the deadline. */
export async function eventually<T>(f: () => Promise<T | undefined>, deadlineMs = DEADLINE_MS): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`not so within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The JSON lines of a streamed body, read as they come. */
export class LineReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = '';
  done = false;

  constructor(res: Response) {
    this.reader = res.body!.getReader();
  }

  /** The next line's JSON; throws when none comes before the deadline or the stream ends. */
  async next(deadlineMs = DEADLINE_MS): Promise<any> {
    const line = await this.nextLine(deadlineMs);
    if (line === undefined) throw new Error('the stream ended');
    return JSON.parse(line);
  }

  /** The next line as text (a followed log). */
  async nextLineText(deadlineMs = DEADLINE_MS): Promise<string> {
    const line = await this.nextLine(deadlineMs);
    if (line === undefined) throw new Error('the stream ended');
    return line;
  }

  /** Reads events until one satisfies `pred` (returning those read, that one last). */
  async until(pred: (ev: any) => boolean, deadlineMs = DEADLINE_MS): Promise<any[]> {
    const seen: any[] = [];
    for (;;) {
      const ev = await this.next(deadlineMs);
      seen.push(ev);
      if (pred(ev)) return seen;
    }
  }

  /** Whether the stream ends (with no further line) before the deadline. */
  async ends(deadlineMs = DEADLINE_MS): Promise<boolean> {
    return (await this.nextLine(deadlineMs)) === undefined && this.done;
  }

  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
  }

  private async nextLine(deadlineMs: number): Promise<string | undefined> {
    const deadline = Date.now() + deadlineMs;
    for (;;) {
      const nl = this.buffer.indexOf('\n');
      if (nl >= 0) {
        const line = this.buffer.slice(0, nl);
        this.buffer = this.buffer.slice(nl + 1);
        return line;
      }
      if (this.done) return undefined;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no watch event within ${deadlineMs} ms (buffered: ${JSON.stringify(this.buffer)})`);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), left);
      });
      const read = this.pending ??= this.reader.read();
      const r = await Promise.race([read, timeout]);
      clearTimeout(timer);
      if (r === 'timeout') continue;
      this.pending = undefined;
      if (r.done) this.done = true;
      else this.buffer += this.decoder.decode(r.value, { stream: true });
    }
  }

  private pending: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;
}

/** A fresh in-memory cluster served on a free port for each test of the file (read its fields inside tests). */
export function serverPerTest(): { c: Cluster; server: ApiHttpServer; base: string } {
  const ctx = {} as { c: Cluster; server: ApiHttpServer; base: string };
  beforeEach(async () => {
    ctx.c = await testCluster();
    ({ server: ctx.server, base: ctx.base } = await startServer(ctx.c));
  });
  afterEach(async () => {
    await ctx.server.stop();
  });
  return ctx;
}
