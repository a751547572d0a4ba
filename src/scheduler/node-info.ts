/** Node-level aggregate kept incrementally as pods are added and removed (framework.NodeInfo). */
import type { KubeObject } from '../api/types.js';
import type { HostPort, PodInfo } from './pod-info.js';
import { emptyResource, nodeAllocatable, type Resource } from './resources.js';
import type { Taint } from './tolerations.js';

/** The source of NodeInfo.version: every NodeInfo state in the process has its own number. */
let lastVersion = 0;

export class NodeInfo {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly unschedulable: boolean;
  /** All taints, in node order. */
  readonly taints: readonly Taint[];
  /** PreferNoSchedule taints (TaintToleration scoring). */
  readonly preferNoScheduleTaints: readonly Taint[];
  readonly allocatable: Resource;
  /** Images on the node by every name they carry -> size in bytes (node.status.images). */
  readonly images: ReadonlyMap<string, number>;
  /** Position in the snapshot's node list (indexes per-node arrays). */
  index = -1;
  /**
   * This node's state: a new number, unique in the process, whenever its pods change (and for every
   * new NodeInfo, which a changed Node object gets). Scores memoised for it hold while it is the same.
   */
  version = ++lastVersion;

  pods: PodInfo[] = [];
  readonly requested: Resource = emptyResource();
  /** Requested cpu/memory with the scoring defaults applied to containers without requests. */
  readonly nonZeroRequested = { milliCPU: 0, memory: 0 };
  usedPorts: HostPort[] = [];
  /** Pods with pod affinity or anti-affinity of any kind. */
  podsWithAffinity: PodInfo[] = [];
  podsWithRequiredAntiAffinity: PodInfo[] = [];

  constructor(readonly node: KubeObject) {
    this.name = node.metadata.name ?? '';
    this.labels = node.metadata.labels ?? {};
    this.unschedulable = node.spec?.unschedulable === true;
    this.taints = node.spec?.taints ?? [];
    this.preferNoScheduleTaints = this.taints.filter((t) => t.effect === 'PreferNoSchedule');
    this.allocatable = nodeAllocatable(node);
    const images = new Map<string, number>();
    for (const img of node.status?.images ?? []) {
      for (const n of img.names ?? []) images.set(n, Number(img.sizeBytes ?? 0));
    }
    this.images = images;
  }

  addPod(p: PodInfo): void {
    this.pods.push(p);
    this.account(p, 1);
    if (p.hasPodAffinity) this.podsWithAffinity.push(p);
    if (p.requiredAntiAffinityTerms.length > 0) this.podsWithRequiredAntiAffinity.push(p);
    for (const hp of p.hostPorts) this.usedPorts.push(hp);
  }

  /** Removes the pod with this key; returns it, or undefined when it is not on the node. */
  removePod(key: string): PodInfo | undefined {
    const i = this.pods.findIndex((p) => p.key === key);
    if (i < 0) return undefined;
    const p = this.pods[i]!;
    this.pods[i] = this.pods[this.pods.length - 1]!;
    this.pods.pop();
    this.account(p, -1);
    if (p.hasPodAffinity) this.podsWithAffinity = this.podsWithAffinity.filter((q) => q !== p);
    if (p.requiredAntiAffinityTerms.length > 0) this.podsWithRequiredAntiAffinity = this.podsWithRequiredAntiAffinity.filter((q) => q !== p);
    if (p.hostPorts.length > 0) this.usedPorts = this.usedPorts.filter((hp) => !p.hostPorts.includes(hp));
    return p;
  }

  private account(p: PodInfo, sign: 1 | -1): void {
    this.version = ++lastVersion;
    const r = this.requested;
    r.milliCPU += sign * p.requests.milliCPU;
    r.memory += sign * p.requests.memory;
    r.ephemeralStorage += sign * p.requests.ephemeralStorage;
    r.pods += sign;
    if (p.requests.scalar) {
      r.scalar ??= new Map();
      for (const [k, v] of p.requests.scalar) r.scalar.set(k, (r.scalar.get(k) ?? 0) + sign * v);
    }
    this.nonZeroRequested.milliCPU += sign * p.nonZeroMilliCPU;
    this.nonZeroRequested.memory += sign * p.nonZeroMemory;
  }
}
