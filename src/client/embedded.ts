/**
 * The embedded connection: the CLI's way into a cluster that lives in a state directory. Opening
 * costs one store open (and, the first time, a bootstrap); close() runs the control loop, commits
 * and releases the write lock.
 */
import type { Client, ListOptions } from '../api/client.js';
import type { KubeObject } from '../api/types.js';
import type { Registry } from '../api/registry.js';
import type { BootstrapOptions, Cluster } from '../cluster.js';
import type { Clock } from '../util/clock.js';

export interface Connection {
  client: Client;
  registry: Registry;
  /** Cluster time (for AGE columns and the like). */
  now(): Date;
  cluster?: Cluster;
  /** A remote server's version.Info (GET /version); the embedded cluster reports the release it emulates. */
  serverVersion?(): Promise<unknown>;
  /** A remote server's watch (the embedded cluster's watches read its change feed instead). */
  watch?(
    resource: string, opts: ListOptions & { resourceVersion?: string; timeoutSeconds?: number },
    onEvent: (type: string, obj: KubeObject) => void, signal?: AbortSignal,
  ): Promise<void>;
  /** A remote server's pods/log (the embedded cluster's logs are read from the pod, see node/runtime/logs.ts). */
  podLog?(
    namespace: string, name: string, container: string, opts: PodLogQuery, onText: (text: string) => void, signal?: AbortSignal,
  ): Promise<void>;
  close(): Promise<void>;
}

/** The PodLogOptions of a pods/log request (the kubelet's LogOptions, and follow). */
export interface PodLogQuery {
  follow?: boolean;
  previous?: boolean;
  timestamps?: boolean;
  tail?: number;
  sinceMs?: number;
  limitBytes?: number;
}

export interface EmbeddedOptions {
  dir: string;
  clock?: Clock;
  bootstrap?: BootstrapOptions;
}

export function connectionOf(cluster: Cluster): Connection {
  return {
    client: cluster.client,
    registry: cluster.registry,
    now: () => cluster.now(),
    cluster,
    close: () => cluster.close(),
  };
}

export async function openEmbedded(opts: EmbeddedOptions): Promise<Connection> {
  const { Cluster } = await import('../cluster.js');
  return connectionOf(await Cluster.open({ dir: opts.dir, clock: opts.clock, bootstrap: opts.bootstrap }));
}
