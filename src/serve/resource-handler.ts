/**
 * The verbs on a resource path, as kube-apiserver's REST handlers serve them:
 *   collection: GET list (JSON, or a Table when asked), POST create, DELETE deletecollection
 *   object:     GET, PUT update, PATCH (strategic / merge / JSON patch), DELETE
 * Subresources (status, scale, log, binding, eviction) are in subresource-handler.ts; watch
 * (GET with ?watch=true) in watch.ts. Every call goes through the Client (DESIGN rule 1).
 */
import type { DeleteOptions, PropagationPolicy } from '../api/client.js';
import { apiErrors } from '../api/errors.js';
import { resourceOf } from '../api/kind.js';
import type { KubeObject } from '../api/types.js';
import { bodyObject, dryRun, listOptions, patchBody, patchType, requestKind, writeOptions } from './request-options.js';
import { methodNotAllowed, parseJsonBody } from './respond.js';
import type { Answer, ResourceRequest } from './served-cluster.js';
import { inServedVersion, type ServedKind } from './served-kind.js';
import { answerSubresource } from './subresource-handler.js';
import { parseIncludeObject, toTable, wantsTable } from './table.js';

export async function answerResource(req: ResourceRequest): Promise<Answer> {
  const served = requestKind(req);
  if (req.path.subresource !== undefined) return answerSubresource(req, served);
  return req.path.name === undefined ? answerCollection(req, served) : answerObject(req, served, req.path.name);
}

async function answerCollection(req: ResourceRequest, served: ServedKind): Promise<Answer> {
  const { client } = req.cluster;
  const resource = resourceOf(served.kind);
  const namespace = req.path.namespace;
  switch (req.method) {
    case 'GET': {
      const list = await client.list(resource, listOptions(req));
      const items = list.items.map((o) => inServedVersion(o, served));
      if (wantsTable(req.headers.accept)) {
        return { code: 200, json: toTable(items, served.kind, req.cluster.now(), { resourceVersion: list.metadata.resourceVersion, include: parseIncludeObject(req.query.get('includeObject')) }) };
      }
      return { code: 200, json: { ...list, apiVersion: served.apiVersion, items } };
    }
    case 'POST': {
      const obj = await bodyObject(req, served);
      if (namespace !== undefined) {
        if (obj.metadata.namespace !== undefined && obj.metadata.namespace !== namespace) {
          throw apiErrors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
        }
        obj.metadata.namespace = namespace;
      }
      const warnings: string[] = [];
      const created = await client.create(resource, obj, writeOptions(req, warnings));
      return { code: 201, json: inServedVersion(created, served), warnings };
    }
    case 'DELETE': {
      // deletecollection: every object the selectors pick, each as a DELETE of its own
      const opts = await deleteOptions(req);
      const list = await client.list(resource, listOptions(req));
      const deleted: KubeObject[] = [];
      for (const o of list.items) deleted.push(await client.delete(resource, o.metadata.namespace, o.metadata.name!, opts));
      return { code: 200, json: { ...list, apiVersion: served.apiVersion, items: deleted.map((o) => inServedVersion(o, served)) } };
    }
    default:
      throw methodNotAllowed();
  }
}

async function answerObject(req: ResourceRequest, served: ServedKind, name: string): Promise<Answer> {
  const { client } = req.cluster;
  const resource = resourceOf(served.kind);
  const namespace = req.path.namespace;
  const warnings: string[] = [];
  switch (req.method) {
    case 'GET': {
      const obj = inServedVersion(await client.get(resource, namespace, name), served);
      if (wantsTable(req.headers.accept)) {
        return { code: 200, json: toTable([obj], served.kind, req.cluster.now(), { resourceVersion: obj.metadata.resourceVersion, include: parseIncludeObject(req.query.get('includeObject')) }) };
      }
      return { code: 200, json: obj };
    }
    case 'PUT': {
      const obj = await bodyObject(req, served);
      checkIdentity(obj, namespace, name);
      obj.metadata.namespace = namespace;
      const updated = await client.update(resource, obj, writeOptions(req, warnings));
      return { code: 200, json: inServedVersion(updated, served), warnings };
    }
    case 'PATCH': {
      const type = patchType(req.headers['content-type']);
      const patch = await patchBody(type, await req.body());
      // written against the request's version (another served one: the server converts around it)
      const patched = await client.patch(resource, namespace, name, type, patch, { ...writeOptions(req, warnings), apiVersion: served.apiVersion });
      return { code: 200, json: inServedVersion(patched, served), warnings };
    }
    case 'DELETE': {
      const deleted = await client.delete(resource, namespace, name, await deleteOptions(req));
      return { code: 200, json: inServedVersion(deleted, served) };
    }
    default:
      throw methodNotAllowed();
  }
}

/** PUT's name (and namespace) must be the path's. */
function checkIdentity(obj: KubeObject, namespace: string | undefined, name: string): void {
  if (obj.metadata.name !== name) {
    throw apiErrors.badRequest(`the name of the object (${obj.metadata.name ?? ''}) does not match the name on the URL (${name})`);
  }
  if (namespace !== undefined && obj.metadata.namespace !== undefined && obj.metadata.namespace !== namespace) {
    throw apiErrors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
}

/** DeleteOptions from the body (kubectl sends one) and the query. */
async function deleteOptions(req: ResourceRequest): Promise<DeleteOptions> {
  const text = await req.body();
  const body = (text.trim() === '' ? {} : parseJsonBody(text)) as Record<string, unknown>;
  const grace = req.query.get('gracePeriodSeconds') ?? body.gracePeriodSeconds;
  const propagation = (req.query.get('propagationPolicy') ?? body.propagationPolicy) as PropagationPolicy | undefined;
  const orphan = req.query.get('orphanDependents') ?? body.orphanDependents;
  const preconditions = body.preconditions as DeleteOptions['preconditions'];
  return {
    dryRun: dryRun(req, body.dryRun),
    gracePeriodSeconds: grace === undefined || grace === null ? undefined : Number(grace),
    propagationPolicy: propagation ?? (orphan === true || orphan === 'true' ? 'Orphan' : undefined),
    preconditions,
  };
}
