/**
 * The Endpoints controller: for every Service with a selector, an Endpoints object of the same name
 * listing the selected pods that have an IP — ready ones under `addresses`, the others under
 * `notReadyAddresses` (all under `addresses` with publishNotReadyAddresses) — with each service port
 * resolved to the pod's port. Addresses with the same resolved ports share a subset (RepackSubsets).
 * A service whose selector matches no pod gets an Endpoints object without subsets.
 */
import { isStatusError } from '../api/errors.js';
import { deepEqual } from '../api/patch/json-value.js';
import type { KubeObject } from '../api/types.js';
import { getOptional } from '../api/get-optional.js';
import type { ReconcileContext, Reconciler } from './reconciler.js';
import {
  compareIPs, endpointHostname, podInEndpoints, podReady, podTargetRef, type ResolvedPort, resolvePort, serviceLabels, TRIGGER_TIME_ANNOTATION,
  triggerTime,
} from './service-endpoints/pod-endpoints.js';
import { serviceReconciler } from './service-endpoints/service-reconciler.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

interface Address {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef: Record<string, string>;
}

const portKey = (p: ResolvedPort) => `${p.name ?? ''}/${p.port}/${p.protocol}`;

/** The subsets of a service's Endpoints, regrouped so addresses with equal port sets share one. */
export function endpointSubsets(svc: KubeObject, pods: readonly KubeObject[]): any[] {
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
  const groups = new Map<string, { ports: ResolvedPort[]; ready: Address[]; notReady: Address[] }>();
  for (const pod of pods) {
    if (!podInEndpoints(pod, publishNotReady)) continue;
    const ports: ResolvedPort[] = [];
    for (const sp of svc.spec?.ports ?? []) {
      const p = resolvePort(sp, pod);
      if (p) ports.push(p);
    }
    if (ports.length === 0 && (svc.spec?.ports ?? []).length > 0) continue;
    const hostname = endpointHostname(pod, svc);
    const addr: Address = {
      ip: pod.status.podIP,
      ...(hostname ? { hostname } : {}),
      ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
      targetRef: podTargetRef(pod),
    };
    const key = ports.map(portKey).sort().join(',');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ports, ready: [], notReady: [] }));
    (publishNotReady || podReady(pod) ? g.ready : g.notReady).push(addr);
  }
  const byAddress = (a: Address, b: Address) => compareIPs(a.ip, b.ip) || a.targetRef.uid!.localeCompare(b.targetRef.uid!);
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, g]) => ({
      ...(g.ready.length > 0 ? { addresses: g.ready.sort(byAddress) } : {}),
      ...(g.notReady.length > 0 ? { notReadyAddresses: g.notReady.sort(byAddress) } : {}),
      ...(g.ports.length > 0 ? { ports: g.ports } : {}),
    }));
}

async function sync(svc: KubeObject, pods: KubeObject[], ctx: ReconcileContext): Promise<void> {
  const namespace = svc.metadata.namespace ?? 'default';
  const name = svc.metadata.name ?? '';
  const subsets = endpointSubsets(svc, pods);
  const labels = serviceLabels(svc);
  const current = await getOptional(ctx.client, 'endpoints', namespace, name);
  if (current && deepEqual(current.subsets ?? [], subsets) && deepEqual(current.metadata.labels ?? {}, labels)) return;
  const annotations = { ...(current?.metadata.annotations ?? {}), [TRIGGER_TIME_ANNOTATION]: triggerTime(svc, pods) };
  const meta = { name, namespace, ...(Object.keys(labels).length > 0 ? { labels } : {}), annotations };
  const body: KubeObject = { apiVersion: 'v1', kind: 'Endpoints', metadata: meta, ...(subsets.length > 0 ? { subsets } : {}) };
  if (!current) {
    await ctx.client.create('endpoints', body);
    return;
  }
  await ctx.client.update('endpoints', { ...body, metadata: { ...current.metadata, ...meta, labels } });
}

async function cleanup(namespace: string, name: string, ctx: ReconcileContext): Promise<void> {
  try {
    await ctx.client.delete('endpoints', namespace, name);
  } catch (e) {
    if (!isStatusError(e) || e.code !== 404) throw e;
  }
}

export function endpointsReconciler(): Reconciler {
  return serviceReconciler(
    'endpoints',
    { resource: 'endpoints', keys: (o) => [`${o.metadata.namespace}/${o.metadata.name}`] },
    { sync, cleanup },
  );
}
