/**
 * POST pods/<name>/binding (pkg/registry/core/pod/storage: BindingREST): assigns a pending pod to a
 * node in one write — spec.nodeName (plus the binding's annotations) and the PodScheduled=True
 * condition. It is a storage-level update: no pod update validation or admission runs, and a pod
 * already assigned, being deleted, or still gated is a 409 Conflict on pods/binding.
 */
import type { BindOptions } from '../api/client.js';
import { apiErrors } from '../api/errors.js';
import { fieldErrors } from '../api/field-error.js';
import type { KindDef } from '../api/kind.js';
import { withPodCondition } from '../api/pod-condition.js';
import type { KubeObject } from '../api/types.js';
import { rfc3339 } from '../util/clock.js';
import { cloneJson } from '../util/json-clone.js';
import type { ServerContext } from './context.js';
import { scopeNamespace } from './resolve.js';
import { peekExisting } from './update.js';
import { readOnly } from './read-only.js';

const conflict = (name: string, why: string) => apiErrors.conflict('pods/binding', '', name, why);

export function bindPod(ctx: ServerContext, pods: KindDef, namespace: string | undefined, name: string, nodeName: string, opts: BindOptions = {}): KubeObject {
  if (!nodeName) throw apiErrors.invalid('Binding', '', name, [fieldErrors.required('target.name')]);
  // the stored pod itself (read-only): the bound pod shares what it keeps of it, with a new spec and status
  const { key, old } = peekExisting(ctx, pods, scopeNamespace(pods, namespace), name);
  const uid = opts.uid;
  if (uid && uid !== old.metadata.uid) {
    throw conflict(name, `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${old.metadata.uid}`);
  }
  if (old.metadata.deletionTimestamp) throw conflict(name, `pod ${name} is being deleted, cannot be assigned to a host`);
  if (old.spec?.nodeName) throw conflict(name, `pod ${name} is already assigned to node "${old.spec.nodeName}"`);
  if (old.spec?.schedulingGates?.length) throw conflict(name, `pod ${name} has non-empty .spec.schedulingGates`);
  const pod: KubeObject = { ...old, spec: { ...old.spec, nodeName } };
  if (opts.annotations && Object.keys(opts.annotations).length > 0) {
    pod.metadata = { ...old.metadata, annotations: { ...old.metadata.annotations, ...opts.annotations } };
  }
  pod.status = withPodCondition(old.status, { type: 'PodScheduled', status: 'True' }, rfc3339(ctx.clock.now())) ?? old.status;
  if (opts.dryRun === 'All') return cloneJson(pod);
  // a fresh object nobody else holds: stored as it is, and returned itself, read-only (the scheduler
  // reads it for its event)
  const stored = ctx.store.put(key, pod, old.metadata.resourceVersion, true);
  if (!stored) throw apiErrors.conflict(pods.plural, pods.group, name);
  return readOnly(stored);
}
