/**
 * DELETE. An object with finalizers (including the garbage collector's `foregroundDeletion` /
 * `orphan`, added per propagationPolicy), a pod bound to a node with a grace period, or a
 * namespace with spec.finalizers is only marked (deletionTimestamp, deletionGracePeriodSeconds) and
 * kept; whoever holds it finishes the deletion. Anything else leaves the store at once.
 */
import type { DeleteOptions } from '../api/client.js';
import { apiErrors } from '../api/errors.js';
import type { KindDef } from '../api/kind.js';
import type { KubeObject } from '../api/types.js';
import { deepEqual } from '../api/patch/json-value.js';
import { rfc3339 } from '../util/clock.js';
import { admissionPlugins } from './admission/index.js';
import type { ServerContext } from './context.js';
import { readyToRemove, removeObject } from './remove.js';
import { runAdmission } from './run-admission.js';
import { scopeNamespace } from './resolve.js';
import { loadExisting } from './update.js';
import { cloneJson } from '../util/json-clone.js';
import { isCrdKind, markCrdTerminating } from './custom-resources.js';

const FOREGROUND = 'foregroundDeletion';
const ORPHAN = 'orphan';

const isPod = (kind: KindDef) => kind.group === '' && kind.plural === 'pods';
const isNamespace = (kind: KindDef) => kind.group === '' && kind.plural === 'namespaces';

function checkPreconditions(kind: KindDef, old: KubeObject, opts: DeleteOptions): void {
  const name = old.metadata.name ?? '';
  const uid = opts.preconditions?.uid;
  if (uid && uid !== old.metadata.uid) {
    throw apiErrors.conflict(kind.plural, kind.group, name,
      `the UID in the precondition (${uid}) does not match the UID in record (${old.metadata.uid}). The object might have been deleted and then recreated`);
  }
  const rv = opts.preconditions?.resourceVersion;
  if (rv && rv !== old.metadata.resourceVersion) {
    throw apiErrors.conflict(kind.plural, kind.group, name,
      `the ResourceVersion in the precondition (${rv}) does not match the ResourceVersion in record (${old.metadata.resourceVersion}). The object might have been modified`);
  }
}

/** Pods: the requested grace, else the pod's terminationGracePeriodSeconds (30); 0 when unbound or finished. */
function gracePeriod(kind: KindDef, obj: KubeObject, opts: DeleteOptions): number {
  if (!isPod(kind)) return 0;
  let grace: number = opts.gracePeriodSeconds ?? obj.spec?.terminationGracePeriodSeconds ?? 30;
  if (grace < 0) grace = 1;
  const phase = obj.status?.phase;
  if (!obj.spec?.nodeName || phase === 'Succeeded' || phase === 'Failed') grace = 0;
  return grace;
}

function withPolicyFinalizers(finalizers: string[], opts: DeleteOptions): string[] {
  const policy = opts.propagationPolicy;
  if (policy === 'Foreground') return [...finalizers.filter((f) => f !== ORPHAN && f !== FOREGROUND), FOREGROUND];
  if (policy === 'Orphan') return [...finalizers.filter((f) => f !== ORPHAN && f !== FOREGROUND), ORPHAN];
  return finalizers;
}

const plusSeconds = (d: Date, s: number) => new Date(d.getTime() + s * 1000);

export function deleteObject(ctx: ServerContext, kind: KindDef, namespace: string | undefined, name: string, opts: DeleteOptions = {}): KubeObject {
  const { key, old } = loadExisting(ctx, kind, scopeNamespace(kind, namespace), name);
  checkPreconditions(kind, old, opts);
  const dryRun = opts.dryRun === 'All';
  runAdmission(admissionPlugins, { operation: 'DELETE', kind, obj: old, dryRun, ctx });

  const obj = cloneJson(old);
  const meta = obj.metadata;
  if (isCrdKind(kind)) markCrdTerminating(obj, ctx.clock.now());
  const finalizers = withPolicyFinalizers(meta.finalizers ?? [], opts);
  if (finalizers.length > 0 || meta.finalizers) meta.finalizers = finalizers;
  const grace = gracePeriod(kind, obj, opts);
  const now = ctx.clock.now();

  if (meta.deletionTimestamp) {
    // already terminating: a shorter explicit grace period moves the deadline earlier
    const current = meta.deletionGracePeriodSeconds;
    if (opts.gracePeriodSeconds !== undefined && current !== undefined && grace < current) {
      const requested = plusSeconds(new Date(meta.deletionTimestamp), -current);
      meta.deletionTimestamp = rfc3339(plusSeconds(requested, grace));
      meta.deletionGracePeriodSeconds = grace;
    }
  } else if (finalizers.length > 0 || grace > 0 || (isNamespace(kind) && (obj.spec?.finalizers ?? []).length > 0)) {
    meta.deletionTimestamp = rfc3339(plusSeconds(now, grace));
    if (!isNamespace(kind)) meta.deletionGracePeriodSeconds = grace;
    if (meta.generation !== undefined && meta.generation > 0) meta.generation += 1;
    if (isNamespace(kind)) obj.status = { ...(obj.status ?? {}), phase: 'Terminating' };
  } else {
    if (dryRun) return old;
    return removeObject(ctx, kind, key) ?? old;
  }

  if (deepEqual(obj, old)) return old;
  if (dryRun) return obj;
  if (readyToRemove(kind, obj)) return removeObject(ctx, kind, key) ?? old;
  const stored = ctx.store.put(key, obj, old.metadata.resourceVersion);
  if (!stored) throw apiErrors.conflict(kind.plural, kind.group, name);
  return stored;
}
