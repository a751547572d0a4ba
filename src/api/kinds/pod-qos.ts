/** The pod QoS class as the API server computes it on create (pkg/apis/core/helper/qos). */
import { parseQuantity } from '../quantity.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const QOS_RESOURCES = ['cpu', 'memory'];

function positive(q: unknown): number {
  try {
    const n = parseQuantity(q as string);
    return n > 0 ? n : 0;
  } catch {
    return 0;
  }
}

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

export function podQosClass(spec: any): QosClass {
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  const containers: any[] = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])];
  for (const c of containers) {
    for (const [name, q] of Object.entries(c.resources?.requests ?? {})) {
      if (!QOS_RESOURCES.includes(name)) continue;
      const v = positive(q);
      if (v > 0) requests.set(name, (requests.get(name) ?? 0) + v);
    }
    const found = new Set<string>();
    for (const [name, q] of Object.entries(c.resources?.limits ?? {})) {
      if (!QOS_RESOURCES.includes(name)) continue;
      const v = positive(q);
      if (v > 0) {
        found.add(name);
        limits.set(name, (limits.get(name) ?? 0) + v);
      }
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (lim === undefined || Math.abs(lim - req) > 1e-9 * Math.max(1, lim)) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
