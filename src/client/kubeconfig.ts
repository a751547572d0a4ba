/**
 * A kubeconfig file read as kubectl reads it for one context: the context (`--context`, else
 * current-context), its cluster (server, certificate authority, insecure-skip-tls-verify) and its
 * user (bearer token or token file, client certificate and key, basic auth, or an exec
 * credential plugin), and the context's namespace. Paths in the file are relative to it.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse } from 'yaml';

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface ExecConfig {
  command: string;
  args?: string[];
  env?: { name: string; value: string }[];
  apiVersion?: string;
}

export interface RemoteTarget {
  server: URL;
  contextName: string;
  userName: string;
  namespace?: string;
  ca?: Buffer;
  insecure?: boolean;
  cert?: Buffer;
  key?: Buffer;
  token?: string;
  basic?: { username: string; password: string };
  exec?: ExecConfig;
}

/** kubectl's configuration errors, as it words them. */
export class KubeconfigError extends Error {}

function named(list: any, name: string): any {
  return Array.isArray(list) ? list.find((e) => e?.name === name) : undefined;
}

export function loadKubeconfig(path: string, context?: string): RemoteTarget {
  let doc: any;
  try {
    doc = parse(readFileSync(path, 'utf8')) ?? {};
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new KubeconfigError(code === 'ENOENT' ? `stat ${path}: no such file or directory` : `error loading config file "${path}": ${(e as Error).message.split('\n')[0]}`);
  }
  const contextName: string | undefined = context ?? doc['current-context'];
  if (!contextName) throw new KubeconfigError('Error in configuration: context was not found for specified context: ');
  const ctx = named(doc.contexts, contextName)?.context;
  if (!ctx) throw new KubeconfigError(`Error in configuration: context was not found for specified context: ${contextName}`);
  const cluster = named(doc.clusters, ctx.cluster)?.cluster;
  if (!cluster?.server) throw new KubeconfigError(`Error in configuration: cluster has no server defined`);
  const userName: string = ctx.user ?? '';
  const user = named(doc.users, userName)?.user ?? {};
  const base = dirname(resolve(path));
  const file = (p: string): Buffer => readFileSync(isAbsolute(p) ? p : resolve(base, p));
  const bytes = (data: string | undefined, p: string | undefined): Buffer | undefined => (data ? Buffer.from(data, 'base64') : p ? file(p) : undefined);
  let server: URL;
  try {
    server = new URL(cluster.server);
  } catch {
    throw new KubeconfigError(`Error in configuration: invalid server URL "${cluster.server}"`);
  }
  return {
    server,
    contextName,
    userName,
    namespace: ctx.namespace || undefined,
    ca: bytes(cluster['certificate-authority-data'], cluster['certificate-authority']),
    insecure: cluster['insecure-skip-tls-verify'] === true,
    cert: bytes(user['client-certificate-data'], user['client-certificate']),
    key: bytes(user['client-key-data'], user['client-key']),
    token: user.token ?? (user.tokenFile ? file(user.tokenFile).toString('utf8').trim() : undefined),
    basic: user.username !== undefined ? { username: String(user.username), password: String(user.password ?? '') } : undefined,
    exec: user.exec?.command ? user.exec : undefined,
  };
}
