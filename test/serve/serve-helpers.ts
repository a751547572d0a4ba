/** An in-memory cluster on a fake clock, and answerApi() called as the HTTP server calls it. */
import type { IncomingHttpHeaders } from 'node:http';
import { isStatusError, StatusError } from '../../src/api/errors.js';
import type { KubeObject } from '../../src/api/types.js';
import { Cluster } from '../../src/cluster.js';
import { answerApi } from '../../src/serve/api-router.js';
import { parseApiPath } from '../../src/serve/request-path.js';
import { FakeClock } from '../../src/util/clock.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
export const NO_SCHEDULER = 'test-no-scheduler';

export async function testCluster(): Promise<Cluster> {
  return Cluster.inMemory({ clock: new FakeClock('2026-01-01T00:00:00Z'), bootstrap: { nodes: 1 } });
}

export interface Reply {
  code: number;
  json: any;
  text?: string;
  bytes?: Uint8Array;
  contentType?: string;
  warnings: string[];
}

/** One request through answerApi(); a thrown StatusError becomes its Status body, as sendError() sends it. */
export async function call(
  cluster: Cluster, method: string, url: string,
  opts: { body?: unknown; headers?: IncomingHttpHeaders } = {},
): Promise<Reply> {
  const u = new URL(url, 'http://localhost');
  const body = opts.body === undefined ? '' : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  try {
    const answer = await answerApi({
      cluster, path: parseApiPath(u.pathname), method, host: 'localhost:6443', query: u.searchParams, headers: opts.headers ?? {}, body,
    });
    if ('text' in answer) return { code: answer.code, json: undefined, text: answer.text, warnings: [] };
    if ('bytes' in answer) return { code: answer.code, json: undefined, bytes: answer.bytes, contentType: answer.contentType, warnings: [] };
    return { code: answer.code, json: answer.json, warnings: answer.warnings ?? [] };
  } catch (e) {
    const err = isStatusError(e) ? e : new StatusError(500, 'InternalError', `Internal error occurred: ${e instanceof Error ? e.message : String(e)}`);
    return { code: err.code, json: err.toStatus(), warnings: [] };
  }
}

export function deployment(name: string, replicas = 2, extra: { labels?: Record<string, string>; namespace?: string } = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, ...(extra.namespace ? { namespace: extra.namespace } : {}), ...(extra.labels ? { labels: extra.labels } : {}) },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { schedulerName: NO_SCHEDULER, containers: [{ name: 'web', image: 'nginx:1.27' }] } },
    },
  };
}

export function pod(name: string, spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...metadata },
    spec: { containers: [{ name: 'app', image: 'busybox:1.36' }], ...spec },
  };
}
