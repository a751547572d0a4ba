/**
 * Subresources: status (GET, PUT, PATCH), scale (autoscaling/v1 Scale: GET, PUT, PATCH; what
 * `kubectl scale` patches), pods/log (text), pods/binding and pods/eviction (POST).
 */
import { StatusError, apiErrors } from '../api/errors.js';
import { fieldErrors } from '../api/field-error.js';
import { type KindDef, resourceOf } from '../api/kind.js';
import { selectorFromLabelSelector } from '../api/label-selector.js';
import type { KubeObject } from '../api/types.js';
import { applyPatch } from '../apiserver/patch.js';
import { podLog } from './pod-log.js';
import { decodeBody, methodNotAllowed, notFoundPath, parseJsonBody } from './respond.js';
import { bodyObject, patchType, writeOptions } from './request-options.js';
import type { Answer, ResourceRequest } from './served-cluster.js';
import { fromServedVersion, inServedVersion, type ServedKind } from './served-kind.js';

export async function answerSubresource(req: ResourceRequest, served: ServedKind): Promise<Answer> {
  const { kind } = served;
  const sub = req.path.subresource!;
  const name = req.path.name!;
  if (sub === 'status' && kind.statusSubresource) return answerStatus(req, served, name);
  if (sub === 'scale' && kind.scaleSubresource) return answerScale(req, kind, name);
  if (kind.kind === 'Pod' && kind.group === '') {
    if (sub === 'log') {
      if (req.method !== 'GET') throw methodNotAllowed();
      return { code: 200, text: await podLog(req, name) };
    }
    if (sub === 'binding' || sub === 'eviction') {
      if (req.method !== 'POST') throw methodNotAllowed();
      return sub === 'binding' ? bind(req, name) : evict(req, name);
    }
  }
  throw notFoundPath();
}

async function answerStatus(req: ResourceRequest, served: ServedKind, name: string): Promise<Answer> {
  const { client } = req.cluster;
  const resource = resourceOf(served.kind);
  const namespace = req.path.namespace;
  const warnings: string[] = [];
  switch (req.method) {
    case 'GET':
      return { code: 200, json: inServedVersion(await client.get(resource, namespace, name), served) };
    case 'PUT': {
      const obj = await bodyObject(req, served);
      if (obj.metadata.name !== name) throw apiErrors.badRequest(`the name of the object (${obj.metadata.name ?? ''}) does not match the name on the URL (${name})`);
      obj.metadata.namespace = namespace;
      return { code: 200, json: inServedVersion(await client.updateStatus(resource, fromServedVersion(obj, served), writeOptions(req, warnings)), served), warnings };
    }
    case 'PATCH': {
      const type = patchType(req.headers['content-type']);
      const patch = parseJsonBody(await req.body());
      const current = inServedVersion(await client.get(resource, namespace, name), served);
      const patched = fromServedVersion(applyPatch(served.kind, current, type, patch), served);
      return { code: 200, json: inServedVersion(await client.updateStatus(resource, patched, writeOptions(req, warnings)), served), warnings };
    }
    default:
      throw methodNotAllowed();
  }
}

/** The autoscaling/v1 Scale of a scalable object. */
export function scaleOf(obj: KubeObject): KubeObject {
  const { name, namespace, uid, resourceVersion, creationTimestamp } = obj.metadata;
  let selector: string | undefined;
  if (obj.spec?.selector && typeof obj.spec.selector === 'object') selector = selectorFromLabelSelector(obj.spec.selector).toString();
  else if (typeof obj.status?.selector === 'string') selector = obj.status.selector;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: obj.spec?.replicas ?? 0 },
    status: { replicas: obj.status?.replicas ?? 0, ...(selector ? { selector } : {}) },
  };
}

async function answerScale(req: ResourceRequest, kind: KindDef, name: string): Promise<Answer> {
  const { client } = req.cluster;
  const resource = resourceOf(kind);
  const namespace = req.path.namespace;
  const current = await client.get(resource, namespace, name);
  let wanted: KubeObject;
  switch (req.method) {
    case 'GET':
      return { code: 200, json: scaleOf(current) };
    case 'PUT':
      wanted = (await decodeBody(await req.body(), req.headers['content-type'])) as KubeObject;
      break;
    case 'PATCH': {
      const type = patchType(req.headers['content-type']);
      // a Scale has no lists: a strategic merge patch of it is a JSON merge patch
      wanted = applyPatch({ ...kind, schemaType: '' }, scaleOf(current), type === 'strategic' ? 'merge' : type, parseJsonBody(await req.body()));
      break;
    }
    default:
      throw methodNotAllowed();
  }
  const replicas = wanted?.spec?.replicas;
  if (!Number.isInteger(replicas) || replicas < 0) {
    throw apiErrors.invalid('Scale', 'autoscaling', name, [fieldErrors.invalid('spec.replicas', replicas, 'must be greater than or equal to 0')]);
  }
  const rv = wanted.metadata?.resourceVersion;
  if (rv && rv !== current.metadata.resourceVersion) throw apiErrors.conflict(resource, kind.group, name);
  const patch = { metadata: { resourceVersion: current.metadata.resourceVersion }, spec: { replicas } };
  const updated = await client.patch(resource, namespace, name, 'merge', patch, { ...writeOptions(req, []), subresource: 'scale' });
  return { code: 200, json: scaleOf(updated) };
}

function success(code: number): Answer {
  return { code, json: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code } };
}

async function bind(req: ResourceRequest, name: string): Promise<Answer> {
  const body = (await decodeBody(await req.body(), req.headers['content-type'])) as { target?: { name?: string }; metadata?: { uid?: string; annotations?: Record<string, string> } };
  const node = body?.target?.name;
  if (!node) throw new StatusError(422, 'Invalid', `Binding.core "${name}" is invalid: target.name: Required value`);
  await req.cluster.client.bind(req.path.namespace, name, node, { uid: body.metadata?.uid, annotations: body.metadata?.annotations, dryRun: req.query.has('dryRun') ? 'All' : undefined });
  return success(201);
}

async function evict(req: ResourceRequest, name: string): Promise<Answer> {
  const body = (await decodeBody(await req.body(), req.headers['content-type'])) as { deleteOptions?: { gracePeriodSeconds?: number; dryRun?: string[] } };
  const opts = body?.deleteOptions ?? {};
  await req.cluster.client.evict(req.path.namespace!, name, {
    gracePeriodSeconds: opts.gracePeriodSeconds,
    dryRun: (opts.dryRun ?? []).includes('All') || req.query.has('dryRun') ? 'All' : undefined,
  });
  return success(201);
}
