/**
 * What the Endpoints and EndpointSlice controllers share: which services they manage, which pods
 * back a service, a pod's readiness, and a service port resolved against a pod's container ports
 * (FindPort: a named targetPort is looked up in the pod's containers; a pod without it is skipped
 * for that port).
 */
import { labelsMatch } from '../../api/label-selector.js';
import type { KubeObject } from '../../api/types.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time';
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';
/** The key space a pod change maps to: every managed service of that namespace is looked at once. */
export const NAMESPACE_KEY = 'namespace:';

/** Services with a selector (and not ExternalName) get controller-managed endpoints. */
export function isManagedService(svc: KubeObject): boolean {
  const sel = svc.spec?.selector;
  return !!sel && Object.keys(sel).length > 0 && svc.spec?.type !== 'ExternalName';
}

export function isHeadless(svc: KubeObject): boolean {
  return svc.spec?.clusterIP === 'None';
}

export function podReady(pod: KubeObject): boolean {
  return (pod.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');
}

/** ShouldPodBeInEndpoints: an IP, not finished; terminating pods only when asked for. */
export function podInEndpoints(pod: KubeObject, includeTerminating: boolean): boolean {
  if (!pod.status?.podIP) return false;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/** The pods of a namespace that a service selects (selector as a plain map, as Services have). */
export function selectedPods(svc: KubeObject, pods: readonly KubeObject[]): KubeObject[] {
  return pods.filter((p) => labelsMatch(svc.spec.selector, p.metadata.labels));
}

export interface ResolvedPort {
  name?: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

/** FindPort: the container port a service port's targetPort means for this pod; undefined if it has none. */
export function resolvePort(svcPort: any, pod: KubeObject): ResolvedPort | undefined {
  const protocol = svcPort.protocol ?? 'TCP';
  const target = svcPort.targetPort ?? svcPort.port;
  let port: number | undefined;
  if (typeof target === 'number') port = target;
  else if (/^\d+$/.test(String(target))) port = Number(target);
  else {
    for (const c of pod.spec?.containers ?? []) {
      const hit = (c.ports ?? []).find((p: any) => p.name === target && (p.protocol ?? 'TCP') === protocol);
      if (hit) {
        port = hit.containerPort;
        break;
      }
    }
  }
  if (port === undefined) return undefined;
  return {
    ...(svcPort.name ? { name: svcPort.name } : {}),
    port,
    protocol,
    ...(svcPort.appProtocol ? { appProtocol: svcPort.appProtocol } : {}),
  };
}

/** The hostname an endpoint carries: the pod's own, when its subdomain is this service. */
export function endpointHostname(pod: KubeObject, svc: KubeObject): string | undefined {
  const h = pod.spec?.hostname;
  return h && pod.spec?.subdomain === svc.metadata.name ? h : undefined;
}

export function podTargetRef(pod: KubeObject): Record<string, string> {
  return { kind: 'Pod', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '', uid: pod.metadata.uid ?? '' };
}

/** When a pod last changed in a way endpoints see: its Ready transition, else its creation. */
function podChangeTime(pod: KubeObject): string {
  const ready = (pod.status?.conditions ?? []).find((c: any) => c.type === 'Ready');
  return ready?.lastTransitionTime ?? pod.metadata.creationTimestamp ?? '';
}

/** The last-change-trigger-time: the newest of the service's creation and its pods' changes. */
export function triggerTime(svc: KubeObject, pods: readonly KubeObject[]): string {
  let t = svc.metadata.creationTimestamp ?? '';
  for (const p of pods) {
    const c = podChangeTime(p);
    if (c > t) t = c;
  }
  return t;
}

/** Labels copied from the service (plus the headless marker), as both controllers set them. */
export function serviceLabels(svc: KubeObject): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  if (isHeadless(svc)) labels[HEADLESS_LABEL] = '';
  return labels;
}

/** Byte-wise compare of dotted IPv4 (numerically) or any other text. */
export function compareIPs(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  if (pa.length === 4 && pb.length === 4 && pa.every((n) => !Number.isNaN(n)) && pb.every((n) => !Number.isNaN(n))) {
    for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
    return 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
