/** The pod QoS class as the API server computes it on create (pkg/apis/core/helper/qos). */
import { parseQuantity } from '../quantity.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
/** A quantity's value when it is positive, else 0 (absent or not a quantity: 0). */
function positive(q: unknown): number {
  if (q === undefined) return 0;
  try {
    const n = parseQuantity(q as string);
    return n > 0 ? n : 0;
  } catch {
    return 0;
  }
}

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/**
 * The class from the sums of the containers' positive cpu and memory requests and limits (as
 * GetPodQOS adds them up). Sums in numbers, not maps of resource names: every pod created asks,
 * and a 30,000-pod scale-up made 22 MB of maps, sets and entry arrays here.
 */
export function podQosClass(spec: any): QosClass {
  let requestCpu = 0;
  let requestMemory = 0;
  let limitCpu = 0;
  let limitMemory = 0;
  let guaranteed = true;
  for (const list of [spec?.containers, spec?.initContainers]) {
    for (const c of list ?? []) {
      const requests = c.resources?.requests;
      const limits = c.resources?.limits;
      requestCpu += positive(requests?.cpu);
      requestMemory += positive(requests?.memory);
      const cpu = positive(limits?.cpu);
      const memory = positive(limits?.memory);
      limitCpu += cpu;
      limitMemory += memory;
      if (cpu === 0 || memory === 0) guaranteed = false;
    }
  }
  if (requestCpu === 0 && requestMemory === 0 && limitCpu === 0 && limitMemory === 0) return 'BestEffort';
  // every container limits both, and the requests (of both) equal the limits
  return guaranteed && equal(requestCpu, limitCpu) && equal(requestMemory, limitMemory) ? 'Guaranteed' : 'Burstable';
}

function equal(request: number, limit: number): boolean {
  return request > 0 && Math.abs(limit - request) <= 1e-9 * Math.max(1, limit);
}
