/**
 * Server-side apply (PATCH with application/apply-patch+yaml): the request body is the manager's
 * applied configuration. It creates the object when there is none, and otherwise merges the
 * configuration into the stored object, removing what the manager applied before and applies no
 * more; fields other managers own with another value are a 409 conflict unless `force` is set
 * (api/apply/server-side-apply.ts). The result then goes through the create or update pipeline.
 */
import type { WriteOptions } from '../api/client.js';
import { apiErrors, StatusError } from '../api/errors.js';
import { fieldErrors } from '../api/field-error.js';
import { type KindDef, convertTo } from '../api/kind.js';
import type { KubeObject } from '../api/types.js';
import { serverSideApply } from '../api/apply/server-side-apply.js';
import { rfc3339 } from '../util/clock.js';
import { cloneJson } from '../util/json-clone.js';
import type { ServerContext } from './context.js';
import { createObject } from './create.js';
import { expired } from './event-ttl.js';
import { checkTypeMeta, objectKey, scopeNamespace } from './resolve.js';
import { updateObject } from './update.js';

/** The applied configuration, checked as the API server decodes an apply patch. */
function configOf(kind: KindDef, name: string, body: unknown): KubeObject {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw apiErrors.badRequest('error decoding YAML: the body of an apply patch must be an object');
  }
  const config = cloneJson(body) as KubeObject;
  if (!config.apiVersion || !config.kind) {
    throw apiErrors.badRequest(`error decoding YAML: Object 'Kind' is missing in '${JSON.stringify(body)}'`);
  }
  config.metadata ??= {};
  if (config.metadata.name && config.metadata.name !== name) {
    throw apiErrors.badRequest(`the name of the object (${config.metadata.name}) does not match the name on the URL (${name})`);
  }
  config.metadata.name = name;
  checkTypeMeta(kind, config);
  return config;
}

export function applyObject(ctx: ServerContext, kind: KindDef, namespace: string | undefined, name: string, body: unknown, opts: WriteOptions = {}): KubeObject {
  const manager = opts.fieldManager;
  if (!manager) {
    throw apiErrors.invalid('PatchOptions', 'meta.k8s.io', '', [fieldErrors.required('fieldManager', 'is required for apply patch')]);
  }
  const config = configOf(kind, name, body);
  const ns = scopeNamespace(kind, namespace);
  if (kind.namespaced) {
    if (config.metadata.namespace && config.metadata.namespace !== ns) {
      throw apiErrors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    config.metadata.namespace = ns;
  }
  const key = objectKey(kind, ns, name);
  const stored = ctx.store.peek(key);
  const live = stored && !expired(ctx, key, stored) ? cloneJson(stored) : undefined;
  const now = rfc3339(ctx.clock.now());
  // the configuration is merged into the object as its own version shows it
  const base = live && config.apiVersion !== live.apiVersion ? convertTo(kind, live, config.apiVersion) : live;
  const schemaType = kind.schemaType || undefined;
  let applied: KubeObject;
  try {
    applied = serverSideApply({ live: base, config, manager, force: opts.force === true, schemaType, now });
  } catch (e) {
    if (e instanceof StatusError && e.code === 409) throw new StatusError(409, 'Conflict', e.message, { name, group: kind.group, kind: kind.plural });
    throw e;
  }
  if (!live) return createObject(ctx, kind, applied, opts);
  // managedFields are the apply's own: not tracked again as an update
  return updateObject(ctx, kind, applied, opts, { key, old: live }, false);
}
