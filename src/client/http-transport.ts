/**
 * One HTTP(S) request to a Kubernetes API server with a kubeconfig's credentials: the cluster's
 * certificate authority (or none with insecure-skip-tls-verify), a client certificate, a bearer
 * token, basic auth, or a token from an exec credential plugin (client.authentication.k8s.io
 * ExecCredential, run once per process), and the impersonation headers.
 */
import { execFileSync } from 'node:child_process';
import { request as httpRequest, type IncomingHttpHeaders, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { RemoteTarget } from './kubeconfig.js';

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export interface HttpRequest {
  method: string;
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string | string[]>;
}

const USER_AGENT = 'pocketkube';

/** The exec plugin's credential, asked for once. */
const execCredentials = new WeakMap<RemoteTarget, { token?: string; cert?: Buffer; key?: Buffer }>();

function execCredential(target: RemoteTarget): { token?: string; cert?: Buffer; key?: Buffer } {
  const known = execCredentials.get(target);
  if (known) return known;
  const exec = target.exec!;
  const apiVersion = exec.apiVersion ?? 'client.authentication.k8s.io/v1';
  const env: NodeJS.ProcessEnv = { ...process.env, KUBERNETES_EXEC_INFO: JSON.stringify({ apiVersion, kind: 'ExecCredential', spec: { interactive: false } }) };
  for (const e of exec.env ?? []) env[e.name] = e.value;
  let out: string;
  try {
    out = execFileSync(exec.command, exec.args ?? [], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  } catch (e) {
    throw new Error(`getting credentials: exec: executable ${exec.command} failed: ${(e as Error).message.split('\n')[0]}`);
  }
  const status = (JSON.parse(out) as { status?: { token?: string; clientCertificateData?: string; clientKeyData?: string } }).status ?? {};
  const cred = {
    token: status.token,
    cert: status.clientCertificateData ? Buffer.from(status.clientCertificateData) : undefined,
    key: status.clientKeyData ? Buffer.from(status.clientKeyData) : undefined,
  };
  execCredentials.set(target, cred);
  return cred;
}

/** kubectl's words for a server it cannot reach (refused, or a TLS failure such as an unknown authority). */
function unreachable(url: URL, e: NodeJS.ErrnoException): Error {
  if (e.code === 'ECONNREFUSED') return new Error(`The connection to the server ${url.host} was refused - did you specify the right host or port?`);
  return new Error(`Unable to connect to the server: ${e.message}`);
}

/** The URL, headers (credentials included) and TLS options of a request to the target. */
function prepare(target: RemoteTarget, req: HttpRequest): { url: URL; https: boolean; options: RequestOptions & { headers: Record<string, string | string[]> } } {
  const url = new URL(target.server.toString().replace(/\/$/, '') + req.path);
  for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined && v !== '') url.searchParams.set(k, v);
  const cred = target.exec ? execCredential(target) : {};
  const token = cred.token ?? target.token;
  const headers: Record<string, string | string[]> = { Accept: 'application/json', 'User-Agent': USER_AGENT, ...req.headers };
  if (token) headers.Authorization = `Bearer ${token}`;
  else if (target.basic) headers.Authorization = `Basic ${Buffer.from(`${target.basic.username}:${target.basic.password}`).toString('base64')}`;
  const https = url.protocol === 'https:';
  const tls = https ? { ca: target.ca, cert: cred.cert ?? target.cert, key: cred.key ?? target.key, rejectUnauthorized: !target.insecure } : {};
  return { url, https, options: { method: req.method, headers, ...tls } };
}

export function send(target: RemoteTarget, req: HttpRequest): Promise<HttpAnswer> {
  const { url, https, options } = prepare(target, req);
  const payload = req.body === undefined ? undefined : JSON.stringify(req.body);
  if (payload !== undefined) {
    options.headers['Content-Type'] = req.contentType ?? 'application/json';
    // Node sends a DELETE's body neither chunked nor sized unless told its length
    options.headers['Content-Length'] = String(Buffer.byteLength(payload));
  }
  return new Promise((resolve, reject) => {
    const r = (https ? httpsRequest : httpRequest)(url, options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    r.on('error', (e: NodeJS.ErrnoException) => reject(unreachable(url, e)));
    if (payload !== undefined) r.write(payload);
    r.end();
  });
}

/** A streamed GET (a watch): calls onLine with each line of the body as it comes (see streamChunks). */
export function stream(target: RemoteTarget, req: HttpRequest, onLine: (line: string) => void, signal?: AbortSignal): Promise<HttpAnswer | undefined> {
  let buffer = '';
  return streamChunks(target, req, (text) => {
    buffer += text;
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      onLine(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
    }
  }, signal);
}

/**
 * A streamed GET (a watch, a followed log): calls onText with the body's text as it comes, until
 * the server ends the stream or the signal aborts (resolving undefined); a failed answer resolves
 * with that answer.
 */
export function streamChunks(target: RemoteTarget, req: HttpRequest, onText: (text: string) => void, signal?: AbortSignal): Promise<HttpAnswer | undefined> {
  const { url, https, options } = prepare(target, { ...req, method: 'GET' });
  options.signal = signal;
  return new Promise((resolve, reject) => {
    const r = (https ? httpsRequest : httpRequest)(url, options, (res) => {
      const chunks: Buffer[] = [];
      const ok = (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300;
      res.setEncoding('utf8');
      res.on('data', (c: string) => (ok ? onText(c) : chunks.push(Buffer.from(c))));
      res.on('end', () => (ok ? resolve(undefined) : resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') })));
      res.on('error', () => resolve(undefined));
    });
    r.on('error', (e: NodeJS.ErrnoException) => {
      if (e.name === 'AbortError' || signal?.aborted) resolve(undefined);
      else reject(unreachable(url, e));
    });
    r.end();
  });
}
