/**
 * Resource arithmetic the scheduler needs: a pod's effective request (resourcehelper.PodRequests in v1.32)
 * and a node's allocatable, in integer units (milli-CPU, bytes, counts).
 */
import { milliValue, quantityValue } from '../api/quantity.js';
import type { KubeObject } from '../api/types.js';

export interface Resource {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  /** Pod count (requested: pods on the node; allocatable: the node's `pods`). */
  pods: number;
  /** Extended resources, hugepages, attachable volumes; `null` when there are none. */
  scalar: Map<string, number> | null;
}

export function emptyResource(): Resource {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, pods: 0, scalar: null };
}

/** Requests used for scoring when a container states none: 100m CPU and 200Mi memory (schedutil defaults). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** Scalar resources the scheduler accounts: extended (domain-qualified, outside kubernetes.io), hugepages-*, attachable-volumes-*. */
export function isScalarResourceName(name: string): boolean {
  if (name.startsWith('hugepages-') || name.startsWith('attachable-volumes-')) return true;
  if (!name.includes('/')) return false;
  if (name.startsWith('requests.')) return false;
  const domain = name.slice(0, name.indexOf('/'));
  return domain !== 'kubernetes.io' && !domain.endsWith('.kubernetes.io');
}

const milliCache = new Map<string, number>();
const valueCache = new Map<string, number>();

function cached(cache: Map<string, number>, q: unknown, parse: (q: string | number) => number): number {
  const key = String(q);
  let v = cache.get(key);
  if (v === undefined) {
    v = parse(typeof q === 'number' ? q : key);
    if (cache.size > 10_000) cache.clear();
    cache.set(key, v);
  }
  return v;
}

export const cpuMillis = (q: unknown): number => cached(milliCache, q, milliValue);
export const quantityInt = (q: unknown): number => cached(valueCache, q, quantityValue);

type ResourceList = Record<string, unknown> | undefined;

/** Adds one resource list (requests of a container, overhead) to `into`. */
function addList(into: Resource, list: ResourceList): void {
  if (!list) return;
  for (const name in list) {
    const q = list[name];
    if (q === undefined || q === null) continue;
    if (name === 'cpu') into.milliCPU += cpuMillis(q);
    else if (name === 'memory') into.memory += quantityInt(q);
    else if (name === 'ephemeral-storage') into.ephemeralStorage += quantityInt(q);
    else if (isScalarResourceName(name)) {
      into.scalar ??= new Map();
      into.scalar.set(name, (into.scalar.get(name) ?? 0) + quantityInt(q));
    }
  }
}

function addResource(into: Resource, r: Resource): void {
  into.milliCPU += r.milliCPU;
  into.memory += r.memory;
  into.ephemeralStorage += r.ephemeralStorage;
  if (r.scalar) for (const [k, v] of r.scalar) (into.scalar ??= new Map()).set(k, (into.scalar.get(k) ?? 0) + v);
}

function maxInto(into: Resource, r: Resource): void {
  into.milliCPU = Math.max(into.milliCPU, r.milliCPU);
  into.memory = Math.max(into.memory, r.memory);
  into.ephemeralStorage = Math.max(into.ephemeralStorage, r.ephemeralStorage);
  if (r.scalar) {
    for (const [k, v] of r.scalar) {
      into.scalar ??= new Map();
      into.scalar.set(k, Math.max(into.scalar.get(k) ?? 0, v));
    }
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function containerRequests(c: any, nonZero: boolean): Resource {
  const r = emptyResource();
  const reqs: Record<string, unknown> | undefined = c?.resources?.requests;
  addList(r, reqs);
  if (nonZero) {
    if (!reqs || reqs['cpu'] === undefined) r.milliCPU += DEFAULT_MILLI_CPU_REQUEST;
    if (!reqs || reqs['memory'] === undefined) r.memory += DEFAULT_MEMORY_REQUEST;
  }
  return r;
}

/**
 * The pod's effective request: max(Σ app containers + sidecars, max over init containers (each plus the
 * sidecars started before it)) + overhead. With `nonZero`, containers missing a cpu/memory request count
 * the scoring defaults instead.
 */
export function podRequests(pod: KubeObject, nonZero: boolean): Resource {
  const spec = pod.spec ?? {};
  const reqs = emptyResource();
  for (const c of spec.containers ?? []) addResource(reqs, containerRequests(c, nonZero));
  const sidecars = emptyResource();
  const initMax = emptyResource();
  for (const c of spec.initContainers ?? []) {
    const r = containerRequests(c, nonZero);
    if (c?.restartPolicy === 'Always') {
      addResource(reqs, r);
      addResource(sidecars, r);
      maxInto(initMax, sidecars);
    } else {
      addResource(r, sidecars);
      maxInto(initMax, r);
    }
  }
  maxInto(reqs, initMax);
  addList(reqs, spec.overhead);
  return reqs;
}

/** Node allocatable (status.allocatable, which the kubelet fills; capacity if allocatable is absent). */
export function nodeAllocatable(node: KubeObject): Resource {
  const list: Record<string, unknown> = node.status?.allocatable ?? node.status?.capacity ?? {};
  const r = emptyResource();
  addList(r, list);
  r.pods = list['pods'] !== undefined ? quantityInt(list['pods']) : 0;
  return r;
}
