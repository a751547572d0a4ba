/**
 * Which answer a request gets, by what its path names (request-path.ts): the version, health,
 * discovery and OpenAPI documents (discovery.ts), the access reviews (answered, never stored), and
 * the resources (resource-handler.ts).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { KubeObject } from '../api/types.js';
import { apiGroup, apiGroupList, apiResourceList, coreApiVersions, versionDocument } from './discovery.js';
import { openapiV2 } from './openapi-v2.js';
import { openapiV3Document, openapiV3Index } from './openapi-v3.js';
import type { ApiPath } from './request-path.js';
import { answerResource } from './resource-handler.js';
import { decodeBody, methodNotAllowed, notFoundPath } from './respond.js';
import { acceptsAggregated, aggregatedDiscovery, aggregatedMediaType } from './discovery-aggregated.js';
import type { Answer, ServedCluster } from './served-cluster.js';

export interface ApiRequest {
  cluster: ServedCluster;
  path: ApiPath;
  method: string;
  /** The Host header: where the client reached this server (the /api document names it). */
  host: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

/** The review resources: POSTed, answered and never stored (authorization.k8s.io, authentication.k8s.io). */
const REVIEWS = new Set([
  'authorization.k8s.io/selfsubjectaccessreviews',
  'authorization.k8s.io/subjectaccessreviews',
  'authorization.k8s.io/localsubjectaccessreviews',
  'authorization.k8s.io/selfsubjectrulesreviews',
  'authentication.k8s.io/selfsubjectreviews',
]);

function found(doc: unknown): Answer {
  if (doc === undefined) throw notFoundPath();
  return { code: 200, json: doc };
}

export async function answerApi(req: ApiRequest): Promise<Answer> {
  const { path, cluster } = req;
  const { registry } = cluster;
  if (path.type !== 'resource' && req.method !== 'GET') throw methodNotAllowed();
  switch (path.type) {
    case 'version': return found(versionDocument());
    case 'health': return { code: 200, text: 'ok' };
    case 'core-versions': return aggregated(req, true) ?? found(coreApiVersions(req.host));
    case 'group-list': return aggregated(req, false) ?? found(apiGroupList(registry));
    case 'group': return found(apiGroup(registry, path.group));
    case 'resource-list': return found(apiResourceList(registry, path.group, path.version));
    case 'openapi-v2': return openapiV2(req.headers.accept);
    case 'openapi-index': return found(openapiV3Index(registry));
    case 'openapi': return found(openapiV3Document(registry, path.gvPath));
    case 'resource':
      if (REVIEWS.has(`${path.group}/${path.resource}`) && path.version === 'v1' && path.name === undefined) return review(req);
      return answerResource({ cluster, method: req.method, path, query: req.query, headers: req.headers, body: async () => req.body });
    default:
      throw notFoundPath();
  }
}

/** GET /api or /apis as aggregated discovery, when the Accept header asks for it (kubectl does). */
function aggregated(req: ApiRequest, core: boolean): Answer | undefined {
  const version = acceptsAggregated(req.headers.accept);
  if (!version) return undefined;
  const doc = aggregatedDiscovery(req.cluster.registry, core, version);
  return { code: 200, bytes: Buffer.from(JSON.stringify(doc)), contentType: aggregatedMediaType(version) };
}

/** Impersonate-User / Impersonate-Group (kubectl --as / --as-group) apply to the review's subject. */
async function review(req: ApiRequest): Promise<Answer> {
  if (req.method !== 'POST') throw methodNotAllowed();
  const body = (await decodeBody(req.body, req.headers['content-type'])) as KubeObject;
  const user = req.headers['impersonate-user'];
  const groupHeader = req.headers['impersonate-group'];
  const groups = groupHeader === undefined ? undefined : (Array.isArray(groupHeader) ? groupHeader : groupHeader.split(',').map((g) => g.trim()));
  const impersonate = typeof user === 'string' && user !== '' ? { user, groups } : undefined;
  const answered = await req.cluster.client.review(body, { impersonate });
  return { code: 201, json: answered };
}
