/**
 * The scheduler's view of the cluster (internal cache + snapshot): nodes with the pods assigned to them,
 * maintained incrementally so that placing N pods never rescans the world per pod.
 */
import type { KubeObject } from '../api/types.js';
import { MatchCountIndex } from './match-count-index.js';
import { NodeInfo } from './node-info.js';
import { PodInfo } from './pod-info.js';
import { VolumeIndex, type VolumeLists } from './volume-index.js';
import { WorkloadIndex } from './workload-index.js';

export interface SnapshotInput extends VolumeLists {
  nodes: readonly KubeObject[];
  /** Pods; those with spec.nodeName that are not Succeeded/Failed are accounted on their node. */
  pods?: readonly KubeObject[];
  /** Namespaces, for namespaceSelector in pod (anti-)affinity terms. */
  namespaces?: readonly KubeObject[];
  /** Workloads whose selectors define PodTopologySpread's system default constraints. */
  services?: readonly KubeObject[];
  replicationControllers?: readonly KubeObject[];
  replicaSets?: readonly KubeObject[];
  statefulSets?: readonly KubeObject[];
}

const ZONE_LABELS = ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'];
const REGION_LABELS = ['topology.kubernetes.io/region', 'failure-domain.beta.kubernetes.io/region'];

function zoneKey(labels: Record<string, string>): string {
  const pick = (keys: string[]) => keys.map((k) => labels[k]).find((v) => v !== undefined) ?? '';
  return `${pick(REGION_LABELS)}:\x00:${pick(ZONE_LABELS)}`;
}

function isAssigned(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return !!pod.spec?.nodeName && phase !== 'Succeeded' && phase !== 'Failed';
}

export class Snapshot {
  /** Nodes in the order the scheduler walks them: round-robin across zones (NodeTree). */
  nodes: NodeInfo[] = [];
  readonly workloads: WorkloadIndex;
  /** Claims, volumes and storage classes (VolumeBinding). */
  readonly volumes: VolumeIndex;
  readonly matchCounts: MatchCountIndex;
  private byName = new Map<string, NodeInfo>();
  /** Every accounted pod by `namespace/name`, with the node it is on (a node's pod list is a scan). */
  private podNode = new Map<string, { nodeName: string; info: PodInfo }>();
  /** Pods bound to nodes the snapshot does not know (yet). */
  private orphans = new Map<string, PodInfo[]>();
  private imageNodes = new Map<string, number>();
  private nsLabels = new Map<string, Record<string, string>>();
  private valuesByKey = new Map<string, ReadonlySet<string>>();
  private columns = new Map<string, readonly (string | undefined)[]>();
  /** Whether any node has a PreferNoSchedule taint (undefined: not worked out since the nodes changed). */
  private preferNoSchedule: boolean | undefined;
  /** Nodes that host at least one pod with required anti-affinity. */
  readonly nodesWithRequiredAntiAffinity = new Set<NodeInfo>();
  /** Nodes that host at least one pod with any pod (anti-)affinity. */
  readonly nodesWithAffinity = new Set<NodeInfo>();

  constructor(input: SnapshotInput) {
    this.workloads = new WorkloadIndex(input);
    this.volumes = new VolumeIndex(input);
    this.matchCounts = new MatchCountIndex([]);
    for (const ns of input.namespaces ?? []) this.nsLabels.set(ns.metadata.name ?? '', ns.metadata.labels ?? {});
    for (const n of input.nodes) this.insertNode(new NodeInfo(n));
    this.reorder();
    for (const p of input.pods ?? []) this.addPod(p);
  }

  readonly namespaceLabels = (ns: string): Record<string, string> => this.nsLabels.get(ns) ?? {};

  /** Records a namespace's labels (undefined: the namespace is gone). */
  setNamespaceLabels(ns: string, labels: Record<string, string> | undefined): void {
    if (labels) this.nsLabels.set(ns, labels);
    else this.nsLabels.delete(ns);
  }

  /** The accounted pod with this `namespace/name`, if it is on a known node. */
  podInfo(key: string): PodInfo | undefined {
    const at = this.podNode.get(key);
    return at && this.byName.has(at.nodeName) ? at.info : undefined;
  }

  /** Whether a pod (by `namespace/name`) is accounted on a node. */
  hasPod(key: string): boolean {
    return this.podNode.has(key);
  }

  getNode(name: string): NodeInfo | undefined {
    return this.byName.get(name);
  }

  /** Number of nodes that have an image under this name (ImageLocality's spread). */
  imageNodeCount(name: string): number {
    return this.imageNodes.get(name) ?? 0;
  }

  /** The distinct values of a node label across all nodes (topology domains). */
  labelValues(key: string): ReadonlySet<string> {
    let s = this.valuesByKey.get(key);
    if (!s) {
      const values = new Set<string>();
      for (const n of this.nodes) if (n.labels[key] !== undefined) values.add(n.labels[key]!);
      this.valuesByKey.set(key, (s = values));
    }
    return s;
  }

  /** Each node's value of a label, by NodeInfo.index (a cheap lookup in per-node loops). */
  labelColumn(key: string): readonly (string | undefined)[] {
    let col = this.columns.get(key);
    if (!col) this.columns.set(key, (col = this.nodes.map((n) => n.labels[key])));
    return col;
  }

  /** Whether any node has a PreferNoSchedule taint (TaintToleration's scores differ only then). */
  get hasPreferNoScheduleTaints(): boolean {
    return (this.preferNoSchedule ??= this.nodes.some((n) => n.preferNoScheduleTaints.length > 0));
  }

  get hasImages(): boolean {
    return this.imageNodes.size > 0;
  }

  /** Adds or replaces a node, keeping the pods assigned to it. */
  setNode(node: KubeObject): void {
    const name = node.metadata.name ?? '';
    const old = this.byName.get(name);
    const pods = old ? old.pods : [];
    if (old) this.dropNode(old);
    const info = new NodeInfo(node);
    this.insertNode(info);
    this.reorder();
    for (const p of [...pods, ...(this.orphans.get(name) ?? [])]) this.attach(info, p);
    this.orphans.delete(name);
  }

  removeNode(name: string): void {
    const info = this.byName.get(name);
    if (!info) return;
    this.dropNode(info);
    if (info.pods.length > 0) this.orphans.set(name, info.pods);
    this.reorder();
  }

  /** Accounts an assigned, non-terminal pod (replacing an earlier version); other pods are removed. */
  addPod(pod: KubeObject): PodInfo | undefined {
    const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}`;
    if (this.podNode.has(key)) this.removePod(key);
    if (!isAssigned(pod)) return undefined;
    const nodeName: string = pod.spec.nodeName;
    const info = new PodInfo(pod, nodeName);
    this.podNode.set(key, { nodeName, info });
    const node = this.byName.get(nodeName);
    if (node) this.attach(node, info);
    else this.orphans.set(nodeName, [...(this.orphans.get(nodeName) ?? []), info]);
    return info;
  }

  /** Places a pod the scheduler just chose a node for (the assumed pod, before the binding lands). */
  assume(pod: KubeObject | PodInfo, nodeName: string): PodInfo | undefined {
    if (!(pod instanceof PodInfo)) return this.addPod({ ...pod, spec: { ...pod.spec, nodeName } });
    const node = this.byName.get(nodeName);
    if (this.podNode.has(pod.key)) this.removePod(pod.key);
    const info = pod.boundTo(nodeName);
    this.podNode.set(info.key, { nodeName, info });
    if (node) this.attach(node, info);
    else this.orphans.set(nodeName, [...(this.orphans.get(nodeName) ?? []), info]);
    return info;
  }

  removePod(key: string): void {
    const at = this.podNode.get(key);
    if (at === undefined) return;
    const { nodeName } = at;
    this.podNode.delete(key);
    const node = this.byName.get(nodeName);
    if (node) {
      const p = node.removePod(key);
      if (p) this.detached(node, p);
      return;
    }
    const rest = (this.orphans.get(nodeName) ?? []).filter((p) => p.key !== key);
    if (rest.length > 0) this.orphans.set(nodeName, rest);
    else this.orphans.delete(nodeName);
  }

  /** Temporarily takes a pod off its node (preemption dry runs); `restore` puts it back. */
  detach(node: NodeInfo, p: PodInfo): void {
    if (node.removePod(p.key)) this.detached(node, p);
  }

  restore(node: NodeInfo, p: PodInfo): void {
    this.attach(node, p);
  }

  private attach(node: NodeInfo, p: PodInfo): void {
    node.addPod(p);
    this.matchCounts.podAdded(node, p);
    if (p.hasPodAffinity) this.nodesWithAffinity.add(node);
    if (p.requiredAntiAffinityTerms.length > 0) this.nodesWithRequiredAntiAffinity.add(node);
  }

  private detached(node: NodeInfo, p: PodInfo): void {
    this.matchCounts.podRemoved(node, p);
    if (node.podsWithAffinity.length === 0) this.nodesWithAffinity.delete(node);
    if (node.podsWithRequiredAntiAffinity.length === 0) this.nodesWithRequiredAntiAffinity.delete(node);
  }

  private insertNode(info: NodeInfo): void {
    this.byName.set(info.name, info);
    for (const img of info.images.keys()) this.imageNodes.set(img, (this.imageNodes.get(img) ?? 0) + 1);
  }

  private dropNode(info: NodeInfo): void {
    this.byName.delete(info.name);
    this.nodesWithAffinity.delete(info);
    this.nodesWithRequiredAntiAffinity.delete(info);
    for (const img of info.images.keys()) {
      const c = (this.imageNodes.get(img) ?? 1) - 1;
      if (c > 0) this.imageNodes.set(img, c);
      else this.imageNodes.delete(img);
    }
  }

  /** Rebuilds the walk order: one node from each zone in turn, zones in order of first appearance. */
  private reorder(): void {
    const zones = new Map<string, NodeInfo[]>();
    for (const n of this.byName.values()) {
      const k = zoneKey(n.labels);
      const list = zones.get(k);
      if (list) list.push(n);
      else zones.set(k, [n]);
    }
    const lists = [...zones.values()];
    const out: NodeInfo[] = [];
    for (let i = 0; out.length < this.byName.size; i++) {
      for (const l of lists) if (i < l.length) out.push(l[i]!);
    }
    out.forEach((n, i) => (n.index = i));
    this.nodes = out;
    this.matchCounts.reset(out);
    this.valuesByKey.clear();
    this.columns.clear();
    this.preferNoSchedule = undefined;
  }
}
