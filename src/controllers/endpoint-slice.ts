/**
 * The EndpointSlice controller: for every Service with a selector, slices named `<service>-<5 random>`
 * (generateName) owned by the Service and labelled with its name and this controller. Endpoints with
 * the same resolved ports share slices of at most 100; terminating pods stay listed (ready false,
 * serving = readiness, terminating true). A service without endpoints keeps one empty placeholder slice.
 * Slices whose content is already right are left untouched.
 */
import { isStatusError } from '../api/errors.js';
import { deepEqual } from '../api/patch/json-value.js';
import type { KubeObject } from '../api/types.js';
import type { ReconcileContext, Reconciler } from './reconciler.js';
import {
  compareIPs, endpointHostname, podInEndpoints, podReady, podTargetRef, type ResolvedPort, resolvePort, serviceLabels, TRIGGER_TIME_ANNOTATION,
  triggerTime,
} from './service-endpoints/pod-endpoints.js';
import { serviceReconciler } from './service-endpoints/service-reconciler.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const MAX_ENDPOINTS_PER_SLICE = 100;
const ZONE_LABEL = 'topology.kubernetes.io/zone';

interface Desired {
  ports: ResolvedPort[];
  endpoints: any[];
}

function endpointFor(pod: KubeObject, svc: KubeObject, zones: Map<string, string>): any {
  const ready = podReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const hostname = endpointHostname(pod, svc);
  const zone = pod.spec?.nodeName ? zones.get(pod.spec.nodeName) : undefined;
  return {
    addresses: [pod.status.podIP],
    conditions: { ready: !terminating && (ready || svc.spec?.publishNotReadyAddresses === true), serving: ready, terminating },
    ...(hostname ? { hostname } : {}),
    ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    targetRef: podTargetRef(pod),
    ...(zone ? { zone } : {}),
  };
}

/** Desired slices' contents: endpoints grouped by resolved port set, sorted, chunked by 100. */
export function desiredSlices(svc: KubeObject, pods: readonly KubeObject[], zones: Map<string, string> = new Map()): Desired[] {
  const groups = new Map<string, Desired>();
  for (const pod of pods) {
    if (!podInEndpoints(pod, true)) continue;
    const ports = (svc.spec?.ports ?? []).map((sp: any) => resolvePort(sp, pod)).filter((p: ResolvedPort | undefined): p is ResolvedPort => !!p);
    const key = JSON.stringify(ports);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ports, endpoints: [] }));
    g.endpoints.push(endpointFor(pod, svc, zones));
  }
  const out: Desired[] = [];
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key)!;
    g.endpoints.sort((a, b) => compareIPs(a.addresses[0], b.addresses[0]) || a.targetRef.uid.localeCompare(b.targetRef.uid));
    for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) {
      out.push({ ports: g.ports, endpoints: g.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
    }
  }
  return out.length > 0 ? out : [{ ports: [], endpoints: [] }];
}

async function nodeZones(pods: readonly KubeObject[], ctx: ReconcileContext): Promise<Map<string, string>> {
  const zones = new Map<string, string>();
  const names = new Set(pods.map((p) => p.spec?.nodeName).filter((n): n is string => !!n));
  for (const name of names) {
    try {
      const zone = (await ctx.client.get('nodes', undefined, name)).metadata.labels?.[ZONE_LABEL];
      if (zone) zones.set(name, zone);
    } catch (e) {
      if (!isStatusError(e) || e.code !== 404) throw e;
    }
  }
  return zones;
}

const managedSelector = (svc: string) => `${SERVICE_NAME_LABEL}=${svc},${MANAGED_BY_LABEL}=${CONTROLLER_NAME}`;

async function sync(svc: KubeObject, pods: KubeObject[], ctx: ReconcileContext): Promise<void> {
  const namespace = svc.metadata.namespace ?? 'default';
  const name = svc.metadata.name ?? '';
  const desired = desiredSlices(svc, pods, await nodeZones(pods, ctx));
  const existing = (await ctx.client.list('endpointslices', { namespace, labelSelector: managedSelector(name) })).items
    .sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  const labels = { ...serviceLabels(svc), [SERVICE_NAME_LABEL]: name, [MANAGED_BY_LABEL]: CONTROLLER_NAME };
  const annotations = { [TRIGGER_TIME_ANNOTATION]: triggerTime(svc, pods) };
  const owner = { apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
  const unused = [...existing];
  const unmatched: Desired[] = [];
  // keep slices already right; then reuse the rest for what is left, create or delete the difference
  for (const d of desired) {
    const i = unused.findIndex((s) => deepEqual(s.ports ?? [], d.ports) && deepEqual(s.endpoints ?? [], d.endpoints) && deepEqual(s.metadata.labels ?? {}, labels));
    if (i >= 0) unused.splice(i, 1);
    else unmatched.push(d);
  }
  for (const d of unmatched) {
    const reuse = unused.shift();
    const content = { addressType: 'IPv4', endpoints: d.endpoints, ports: d.ports };
    if (reuse) {
      await ctx.client.update('endpointslices', {
        ...reuse, ...content, metadata: { ...reuse.metadata, labels, annotations: { ...(reuse.metadata.annotations ?? {}), ...annotations } },
      });
    } else {
      await ctx.client.create('endpointslices', {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { generateName: `${name}-`, namespace, labels, annotations, ownerReferences: [owner] },
        ...content,
      });
    }
  }
  for (const s of unused) await deleteSlice(s, ctx);
}

async function deleteSlice(s: KubeObject, ctx: ReconcileContext): Promise<void> {
  try {
    await ctx.client.delete('endpointslices', s.metadata.namespace, s.metadata.name!);
  } catch (e) {
    if (!isStatusError(e) || e.code !== 404) throw e;
  }
}

async function cleanup(namespace: string, name: string, ctx: ReconcileContext): Promise<void> {
  const slices = await ctx.client.list('endpointslices', { namespace, labelSelector: managedSelector(name) });
  for (const s of slices.items) await deleteSlice(s, ctx);
}

export function endpointSliceReconciler(): Reconciler {
  return serviceReconciler(
    'endpointslice',
    {
      resource: 'endpointslices',
      keys: (o) => (o.metadata.labels?.[MANAGED_BY_LABEL] === CONTROLLER_NAME && o.metadata.labels?.[SERVICE_NAME_LABEL]
        ? [`${o.metadata.namespace}/${o.metadata.labels[SERVICE_NAME_LABEL]}`]
        : []),
    },
    { sync, cleanup },
  );
}
