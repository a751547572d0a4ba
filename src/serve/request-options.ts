/**
 * What a resource request asks, read from its path, query, headers and body: the kind (its scope
 * checked), list options, the body object, the patch type and the write options.
 */
import type { DryRun, FieldValidation, PatchType, WriteOptions } from '../api/client.js';
import { StatusError, apiErrors } from '../api/errors.js';
import type { KubeObject } from '../api/types.js';
import { decodeBody, notFoundPath, parseJsonBody } from './respond.js';
import type { ResourceRequest } from './served-cluster.js';
import { type ServedKind, servedKind } from './served-kind.js';

/** The kind a resource path names, its scope checked (a namespaced kind's object needs a namespace). */
export function requestKind(req: ResourceRequest): ServedKind {
  const { path } = req;
  const served = servedKind(req.cluster.registry, path.group, path.version, path.resource);
  if (!served) throw notFoundPath();
  const { kind } = served;
  if (!kind.namespaced && path.namespace !== undefined) throw notFoundPath();
  // a namespaced kind is listed (and watched) across namespaces without one, but nothing else
  if (kind.namespaced && path.namespace === undefined && (path.name !== undefined || req.method !== 'GET')) throw notFoundPath();
  return served;
}

export function listOptions(req: ResourceRequest): { namespace?: string; labelSelector?: string; fieldSelector?: string } {
  return {
    namespace: req.path.namespace,
    labelSelector: req.query.get('labelSelector') || undefined,
    fieldSelector: req.query.get('fieldSelector') || undefined,
  };
}

/** A write's body: a JSON object of the path's kind (apiVersion and kind default to the path's, as the decoder does). */
export async function bodyObject(req: ResourceRequest, served: ServedKind): Promise<KubeObject> {
  const body = await decodeBody(await req.body(), req.headers['content-type']);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw apiErrors.badRequest('the body of the request was in an unknown format');
  const obj = body as KubeObject;
  obj.apiVersion ??= served.apiVersion;
  obj.kind ??= served.kind.kind;
  if (obj.apiVersion !== served.apiVersion) {
    throw apiErrors.badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${served.apiVersion})`);
  }
  if (obj.kind !== served.kind.kind) {
    throw apiErrors.badRequest(`${obj.kind} in version "${served.kind.version}" cannot be handled as a ${served.kind.kind}: the kind in the data (${obj.kind}) does not match the expected kind (${served.kind.kind})`);
  }
  obj.metadata ??= {};
  return obj;
}

const PATCH_TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
};

export function patchType(contentType: string | undefined): PatchType {
  const media = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const type = PATCH_TYPES[media];
  if (!type) {
    throw new StatusError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${Object.keys(PATCH_TYPES).join(', ')}`);
  }
  return type;
}

export function dryRun(req: ResourceRequest, fromBody?: unknown): DryRun {
  const values = [...req.query.getAll('dryRun'), ...(Array.isArray(fromBody) ? fromBody.map(String) : [])];
  for (const v of values) if (v !== 'All') throw apiErrors.badRequest(`dryRun: Unsupported value: "${v}": supported values: "All"`);
  return values.length > 0 ? 'All' : undefined;
}

const FIELD_VALIDATION = new Set(['Strict', 'Warn', 'Ignore']);

/** The query's write options; warnings the server gives are collected for the answer's headers. */
export function writeOptions(req: ResourceRequest, warnings: string[]): WriteOptions {
  const validation = req.query.get('fieldValidation') ?? 'Warn';
  if (!FIELD_VALIDATION.has(validation)) {
    throw apiErrors.badRequest(`fieldValidation parameter unsupported: ${validation}. Supported values: Ignore, Warn, Strict`);
  }
  const force = req.query.get('force');
  if (force !== null && force !== 'true' && force !== 'false') throw apiErrors.badRequest(`force: Invalid value: "${force}": must be true or false`);
  return {
    dryRun: dryRun(req),
    fieldValidation: validation as FieldValidation,
    fieldManager: req.query.get('fieldManager') ?? userAgentManager(req.headers['user-agent']),
    ...(force === 'true' ? { force: true } : {}),
    onWarning: (w) => warnings.push(w),
  };
}

/**
 * The field manager of a write that names none: kube-apiserver takes the User-Agent up to its
 * first `/` (`kubectl/v1.32.0 (linux/amd64) …` → `kubectl`), at most 128 characters.
 */
export function userAgentManager(userAgent: string | undefined): string | undefined {
  if (!userAgent) return undefined;
  return userAgent.split('/')[0]!.slice(0, 128) || undefined;
}

/** A PATCH body: YAML for server-side apply (JSON is YAML too), JSON otherwise. */
export async function patchBody(type: PatchType, text: string): Promise<unknown> {
  return type === 'apply' ? decodeBody(text, 'application/yaml') : parseJsonBody(text);
}

