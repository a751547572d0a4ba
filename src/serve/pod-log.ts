/**
 * GET pods/NAME/log: what the simulated runtime's container printed (node/runtime/logs.ts), with
 * the kubelet's PodLogOptions from the query (container, previous, tailLines, sinceSeconds,
 * sinceTime, timestamps, limitBytes) and the API server's errors for a missing or unknown
 * container. With `follow` (log-follow.ts) the stream stays open while the container's run lasts.
 */
import { apiErrors } from '../api/errors.js';
import type { KubeObject } from '../api/types.js';
import { containerLogText, type LogOptions } from '../node/runtime/logs.js';
import type { ResourceRequest } from './served-cluster.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

function names(list: any[] | undefined): string[] {
  return (list ?? []).map((c: any) => String(c.name));
}

/** The container a request names, or the pod's only one; ValidateContainer's errors otherwise. */
function pickContainer(pod: KubeObject, wanted: string | null): string {
  const regular = names(pod.spec?.containers);
  const inits = names(pod.spec?.initContainers);
  const podName = pod.metadata.name ?? '';
  if (wanted) {
    if (!regular.includes(wanted) && !inits.includes(wanted)) {
      const initPart = inits.length > 0 ? ` or one of the init containers: [${inits.join(' ')}]` : '';
      throw apiErrors.badRequest(`container ${wanted} is not valid for pod ${podName}`.concat(regular.length > 1 || inits.length > 0 ? `, choose one of: [${regular.join(' ')}]${initPart}` : ''));
    }
    return wanted;
  }
  if (regular.length === 1) return regular[0]!;
  const initPart = inits.length > 0 ? ` or one of the init containers: [${inits.join(' ')}]` : '';
  throw apiErrors.badRequest(`a container name must be specified for pod ${podName}, choose one of: [${regular.join(' ')}]${initPart}`);
}

function intParam(query: URLSearchParams, name: string): number | undefined {
  const v = query.get(name);
  if (v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw apiErrors.badRequest(`${name}: Invalid value: "${v}": must be an integer`);
  return n;
}

export interface LogRequest {
  pod: KubeObject;
  container: string;
  opts: LogOptions;
}

/** The pod, container and PodLogOptions a pods/log request names. */
export async function logRequest(req: ResourceRequest, name: string): Promise<LogRequest> {
  const { query } = req;
  const pod = await req.cluster.client.get('pods', req.path.namespace, name);
  const container = pickContainer(pod, query.get('container'));
  const sinceSeconds = intParam(query, 'sinceSeconds');
  const sinceTime = query.get('sinceTime');
  let sinceMs: number | undefined;
  if (sinceTime) sinceMs = Date.parse(sinceTime);
  else if (sinceSeconds !== undefined) sinceMs = req.cluster.now().getTime() - sinceSeconds * 1000;
  const opts: LogOptions = {
    previous: query.get('previous') === 'true',
    timestamps: query.get('timestamps') === 'true',
    tail: intParam(query, 'tailLines') ?? -1,
    sinceMs: Number.isNaN(sinceMs) ? undefined : sinceMs,
    limitBytes: intParam(query, 'limitBytes'),
  };
  return { pod, container, opts };
}

export async function podLog(req: ResourceRequest, name: string): Promise<string> {
  const { pod, container, opts } = await logRequest(req, name);
  return containerLogText(pod, container, opts);
}
