/**
 * The key plumbing both endpoint controllers use. A Service change queues that service (`ns/name`).
 * A Pod change queues `namespace:<ns>`: one sync of that namespace lists its pods once and its
 * services once and matches them in memory, however many pods changed in the same round — a pod
 * change never costs a pod list per service. The controllers' own objects map back to their service.
 */
import { formatLabels } from '../../api/label-selector.js';
import type { KubeObject } from '../../api/types.js';
import { getOptional } from '../../api/get-optional.js';
import type { ReconcileContext, Reconciler, Watch } from '../reconciler.js';
import { splitKey } from '../reconciler.js';
import { isManagedService, NAMESPACE_KEY, selectedPods } from './pod-endpoints.js';

export interface ServiceSync {
  /** Brings the controller's objects for this managed service in line with its pods. */
  sync(svc: KubeObject, pods: KubeObject[], ctx: ReconcileContext): Promise<void>;
  /** The service is gone: remove what the controller made for it. */
  cleanup(namespace: string, name: string, ctx: ReconcileContext): Promise<void>;
}

async function syncNamespace(ns: string, s: ServiceSync, ctx: ReconcileContext): Promise<void> {
  const services = (await ctx.client.list('services', { namespace: ns })).items.filter(isManagedService);
  if (services.length === 0) return;
  const pods = (await ctx.client.list('pods', { namespace: ns })).items;
  for (const svc of services) await s.sync(svc, selectedPods(svc, pods), ctx);
}

/**
 * A deleted service takes its objects along; one without a selector is left alone (its Endpoints are
 * the user's). A change to the controller's own objects (`own:` keys) never deletes anything: an
 * Endpoints object nobody's service claims may be the user's.
 */
async function syncService(key: string, s: ServiceSync, ctx: ReconcileContext): Promise<void> {
  const own = key.startsWith(OWN_KEY);
  const { namespace = 'default', name } = splitKey(own ? key.slice(OWN_KEY.length) : key);
  const svc = await getOptional(ctx.client, 'services', namespace, name);
  if (!svc) {
    if (!own) await s.cleanup(namespace, name, ctx);
    return;
  }
  if (!isManagedService(svc)) return;
  const pods = (await ctx.client.list('pods', { namespace, labelSelector: formatLabels(svc.spec.selector) })).items;
  await s.sync(svc, pods, ctx);
}

const OWN_KEY = 'own:';

/** A reconciler over services and their pods; `own` names the controller's objects and maps them to `ns/service`. */
export function serviceReconciler(name: string, own: Watch, s: ServiceSync): Reconciler {
  return {
    name,
    watches: [
      { resource: 'services', keys: (o) => [`${o.metadata.namespace}/${o.metadata.name}`] },
      { resource: 'pods', keys: (o) => [`${NAMESPACE_KEY}${o.metadata.namespace}`] },
      { resource: own.resource, keys: (o, t) => own.keys(o, t).map((k) => `${OWN_KEY}${k}`) },
    ],
    async reconcile(key, ctx) {
      if (key.startsWith(NAMESPACE_KEY)) await syncNamespace(key.slice(NAMESPACE_KEY.length), s, ctx);
      else await syncService(key, s, ctx);
    },
  };
}
