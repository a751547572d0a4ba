/**
 * What the HTTP front needs of a cluster (src/cluster.ts's Cluster has all of it): the API, the
 * kinds it serves, its time, and its change feed for watches. Also the request a handler answers.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Client } from '../api/client.js';
import type { Registry } from '../api/registry.js';
import type { ChangeEvent } from '../apiserver/change-feed.js';
import type { ResourcePath } from './request-path.js';

export interface ServedCluster {
  readonly client: Client;
  readonly registry: Registry;
  now(): Date;
  revision(): number;
  changesSince(since: number, limit?: number): ChangeEvent[];
}

export interface ResourceRequest {
  cluster: ServedCluster;
  method: string;
  path: ResourcePath;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The request body, read on first use. */
  body(): Promise<string>;
}

/** An answer: a JSON body (object, list, Table or Status), plain text (pod logs) or bytes of a given type. */
export type Answer =
  | { code: number; json: unknown; warnings?: string[] }
  | { code: number; text: string }
  | { code: number; bytes: Uint8Array; contentType: string };

/** What the server keeps open and pushes changes to after every request and tick: watches and followed logs. */
export interface OpenStream {
  readonly closed: boolean;
  pump(): void;
  close(): void;
}
