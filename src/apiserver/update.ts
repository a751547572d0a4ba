/**
 * The update pipeline (PUT and the end of PATCH), and the /status subresource:
 * existing object → resourceVersion precondition → strict check → defaults → server-owned metadata
 * and status kept → generation → admission → prepareForUpdate → validation → validating admission →
 * no-op check → store.
 */
import type { WriteOptions } from '../api/client.js';
import { apiErrors } from '../api/errors.js';
import { type KindDef, inOwnVersion } from '../api/kind.js';
import type { KubeObject } from '../api/types.js';
import { deepEqual } from '../api/patch/json-value.js';
import { admissionPlugins } from './admission/index.js';
import { schemaCheck, validateObject } from './checks.js';
import type { ServerContext } from './context.js';
import { readyToRemove, removeObject } from './remove.js';
import { runAdmission } from './run-admission.js';
import { checkBody, checkTypeMeta, objectKey, scopeNamespace } from './resolve.js';
import { cloneJson } from '../util/json-clone.js';
import { takeOver } from '../api/hand-over.js';
import { readOnly } from './read-only.js';
import { expired } from './event-ttl.js';
import { trackUpdate } from '../api/apply/server-side-apply.js';
import { rfc3339 } from '../util/clock.js';

/** The manager of a write that names none: what kube-apiserver takes from kubectl's User-Agent. */
const DEFAULT_MANAGER = 'kubectl';
/** The manager of the in-process components' writes (internal-client.ts marks them `typed`). */
const CONTROLLER_MANAGER = 'kube-controller-manager';

/** The stored object itself (no copy; 404 when there is none): for a writer that only reads it. */
export function peekExisting(ctx: ServerContext, kind: KindDef, namespace: string | undefined, name: string): { key: string; old: Readonly<KubeObject> } {
  const key = objectKey(kind, namespace, name);
  const old = ctx.store.peek(key);
  if (!old || expired(ctx, key, old)) throw apiErrors.notFound(kind.plural, kind.group, name);
  return { key, old };
}

/** A copy of the stored object, the request's own to change (404 when there is none). */
export function loadExisting(ctx: ServerContext, kind: KindDef, namespace: string | undefined, name: string): { key: string; old: KubeObject } {
  const { key, old } = peekExisting(ctx, kind, namespace, name);
  return { key, old: cloneJson(old) };
}

function withoutMetaAndStatus(o: KubeObject): Record<string, unknown> {
  const { metadata: _m, status: _s, ...rest } = o;
  return rest;
}

/** Metadata fields only the server sets: carried over from the stored object. */
function keepServerMeta(obj: KubeObject, old: KubeObject): void {
  const meta = obj.metadata;
  const o = old.metadata;
  if (!meta.uid) meta.uid = o.uid;
  // an unconditional update: validated as if the stored version had been sent
  if (!meta.resourceVersion) meta.resourceVersion = o.resourceVersion;
  meta.creationTimestamp = o.creationTimestamp;
  if (o.deletionTimestamp) meta.deletionTimestamp = o.deletionTimestamp;
  else delete meta.deletionTimestamp;
  if (o.deletionGracePeriodSeconds !== undefined) meta.deletionGracePeriodSeconds = o.deletionGracePeriodSeconds;
  else delete meta.deletionGracePeriodSeconds;
  if (o.generation !== undefined) meta.generation = o.generation;
  else delete meta.generation;
}

/** Writes obj over old (both already checked), or removes it when its deletion is complete. */
function store(
  ctx: ServerContext, kind: KindDef, key: string, obj: KubeObject, old: KubeObject, dryRun: boolean, onStored: (() => void)[], share = false,
): { object: KubeObject; written: boolean } {
  obj.metadata.resourceVersion = old.metadata.resourceVersion;
  if (deepEqual(obj, old)) return { object: old, written: false };
  if (dryRun) return { object: obj, written: false };
  if (readyToRemove(kind, obj)) {
    removeObject(ctx, kind, key);
    return { object: obj, written: false };
  }
  const stored = ctx.store.put(key, obj, old.metadata.resourceVersion, share);
  if (!stored) throw apiErrors.conflict(kind.plural, kind.group, obj.metadata.name ?? '');
  for (const f of onStored) f();
  return { object: share ? readOnly(stored) : stored, written: true };
}

/**
 * An update keeps the stored managedFields unless its body sets them (an empty list clears them),
 * and, of an object that server-side apply manages (it has managedFields), records the fields it
 * changed as the writer's (api/apply/server-side-apply.ts trackUpdate). Objects never applied
 * server-side carry none: the control loop's writes of pods and Events cost no field tracking.
 */
function keepManagedFields(obj: KubeObject, old: KubeObject, opts: WriteOptions, now: string): KubeObject {
  const given = obj.metadata.managedFields;
  // an empty list is how a client clears them (kube-apiserver's reset)
  if (Array.isArray(given) && given.length === 0) {
    delete obj.metadata.managedFields;
    return obj;
  }
  if (given === undefined && old.metadata.managedFields !== undefined) {
    obj.metadata.managedFields = cloneJson(old.metadata.managedFields);
  }
  if (!old.metadata.managedFields?.length) return obj;
  return trackUpdate(old, obj, managerOf(opts), opts.subresource, now);
}

function managerOf(opts: WriteOptions): string {
  return opts.fieldManager ?? (opts.typed ? CONTROLLER_MANAGER : DEFAULT_MANAGER);
}

function checkResourceVersion(kind: KindDef, obj: KubeObject, old: KubeObject): void {
  const rv = obj.metadata.resourceVersion;
  if (rv && rv !== old.metadata.resourceVersion) throw apiErrors.conflict(kind.plural, kind.group, old.metadata.name ?? '');
}

/**
 * PUT of the main resource. `name` is the name in the request (the URL's); the body must agree.
 * `track`: record the change in metadata.managedFields (see keepManagedFields); false for the
 * result of a server-side apply, which recorded it already.
 */
export function updateObject(
  ctx: ServerContext, kind: KindDef, input: KubeObject, opts: WriteOptions = {}, current?: { key: string; old: KubeObject }, track = true,
): KubeObject {
  checkBody(input);
  let obj: KubeObject = cloneJson(input);
  const namespace = scopeNamespace(kind, obj.metadata.namespace);
  if (!obj.metadata.name) throw apiErrors.badRequest('name is required');
  const { key, old } = current ?? loadExisting(ctx, kind, namespace, obj.metadata.name);
  if (obj.metadata.name !== old.metadata.name) {
    throw apiErrors.badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${old.metadata.name})`);
  }
  if (kind.namespaced && obj.metadata.namespace && obj.metadata.namespace !== old.metadata.namespace) {
    throw apiErrors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  if (namespace) obj.metadata.namespace = namespace;
  checkTypeMeta(kind, obj);
  checkResourceVersion(kind, obj, old);
  schemaCheck(kind, obj, opts);
  // a body in another served version goes on converted (a new object)
  obj = inOwnVersion(kind, obj);
  kind.defaults?.(obj);
  keepServerMeta(obj, old);
  if (track) obj = keepManagedFields(obj, old, opts, rfc3339(ctx.clock.now()));
  if (kind.statusSubresource) {
    if (old.status === undefined) delete obj.status;
    else obj.status = cloneJson(old.status);
  }
  const dryRun = opts.dryRun === 'All';
  const attributes = { operation: 'UPDATE' as const, kind, obj, old, dryRun, ctx };
  const onStored = runAdmission(admissionPlugins, attributes);
  kind.prepareForUpdate?.(obj, old);
  if (kind.bumpsGeneration && !deepEqual(withoutMetaAndStatus(obj), withoutMetaAndStatus(old))) {
    obj.metadata.generation = (old.metadata.generation ?? 0) + 1;
  }
  validateObject(kind, obj, old);
  onStored.push(...runAdmission(admissionPlugins, attributes, 'validate'));
  return store(ctx, kind, key, obj, old, dryRun, onStored).object;
}

/**
 * PUT of the /status subresource: only status is taken from the body. A body handed over
 * (hand-over.ts) gives its status and annotations as they are, and gets the stored object itself
 * back, read-only.
 */
export function updateStatus(ctx: ServerContext, kind: KindDef, input: KubeObject, opts: WriteOptions = {}): KubeObject {
  checkBody(input);
  const owned = takeOver(input);
  if (!input.metadata.name) throw apiErrors.badRequest('name is required');
  const { key, old } = peekExisting(ctx, kind, scopeNamespace(kind, input.metadata.namespace), input.metadata.name);
  checkResourceVersion(kind, input, old);
  // old is the stored object (read-only): obj shares what it keeps of it (stored objects never
  // change) and gets fresh metadata and status of its own
  const obj: KubeObject = { ...old, metadata: { ...old.metadata } };
  const take = <T>(value: T): T => (owned ? value : cloneJson(value));
  if (input.status === undefined) delete obj.status;
  else obj.status = take(input.status);
  if (kind.statusUpdatesAnnotations) {
    if (input.metadata.annotations === undefined) delete obj.metadata.annotations;
    else obj.metadata.annotations = take(input.metadata.annotations);
  }
  // the status fields of an object server-side apply manages are the writer's (subresource status)
  const tracked = old.metadata.managedFields?.length ? trackUpdate(old, obj, managerOf(opts), 'status', rfc3339(ctx.clock.now())) : obj;
  const { object, written } = store(ctx, kind, key, tracked, old, opts.dryRun === 'All', [], owned);
  // old itself (a no-op), or obj (a dry run, a removal) shares with the stored object: the caller
  // gets a copy, as of any read
  return written ? object : cloneJson(object);
}
