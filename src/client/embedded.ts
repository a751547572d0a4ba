/**
 * The embedded connection: the CLI's way into a cluster that lives in a state directory. Opening
 * costs one store open (and, the first time, a bootstrap); close() runs the control loop, commits
 * and releases the write lock.
 */
import type { Client } from '../api/client.js';
import type { Registry } from '../api/registry.js';
import type { BootstrapOptions, Cluster } from '../cluster.js';
import type { Clock } from '../util/clock.js';

export interface Connection {
  client: Client;
  registry: Registry;
  /** Cluster time (for AGE columns and the like). */
  now(): Date;
  cluster?: Cluster;
  close(): Promise<void>;
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
