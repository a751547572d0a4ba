/** A pod as the scheduler sees it: its requests, host ports and affinity terms, computed once. */
import { internLabels, internOwnerReferences } from '../api/interned.js';
import type { KubeObject, LabelSelector } from '../api/types.js';
import { podRequests, type Resource } from './resources.js';
import { compileSelector, MATCH_NOTHING, type LabelMatcher } from './selectors.js';
import type { Toleration } from './tolerations.js';

/** The shared empty list (no per-pod allocation for what most pods lack). */
const NONE: readonly never[] = Object.freeze([]);

export interface AffinityTerm {
  namespaces: ReadonlySet<string>;
  /** `null`: no namespaceSelector (only `namespaces` count). */
  namespaceSelector: LabelMatcher | null;
  selector: LabelMatcher;
  topologyKey: string;
  weight: number;
}

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

/** Looks up a namespace's labels (for namespaceSelector); unknown namespaces have none. */
export type NamespaceLabels = (namespace: string) => Record<string, string>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RawTerm = { labelSelector?: LabelSelector; namespaces?: string[]; namespaceSelector?: LabelSelector; topologyKey: string };

function compileTerm(ns: string, t: RawTerm, weight: number): AffinityTerm {
  const namespaces = new Set(t.namespaces ?? []);
  const namespaceSelector = t.namespaceSelector ? compileSelector(t.namespaceSelector) : null;
  if (namespaces.size === 0 && !namespaceSelector) namespaces.add(ns);
  return { namespaces, namespaceSelector, selector: compileSelector(t.labelSelector), topologyKey: t.topologyKey, weight };
}

function terms(ns: string, raw: RawTerm[] | undefined): readonly AffinityTerm[] {
  return raw?.length ? raw.map((t) => compileTerm(ns, t, 1)) : NONE;
}

function weighted(ns: string, raw: { weight: number; podAffinityTerm: RawTerm }[] | undefined): readonly AffinityTerm[] {
  return raw?.length ? raw.map((w) => compileTerm(ns, w.podAffinityTerm, w.weight)) : NONE;
}

/** AffinityTerm.Matches: the pod is in one of the term's namespaces and carries matching labels. */
export function termMatchesPod(term: AffinityTerm, pod: PodInfo, nsLabels: NamespaceLabels): boolean {
  if (term.selector === MATCH_NOTHING) return false;
  const inNs = term.namespaces.has(pod.namespace) || (term.namespaceSelector !== null && term.namespaceSelector.matches(nsLabels(pod.namespace)));
  return inNs && term.selector.matches(pod.labels);
}

/** What the scheduler derives from a pod once (requests, ports, affinity terms…). */
type Derived = Omit<PodInfo, 'pod' | 'boundTo'>;

function derive(pod: KubeObject): Derived {
  const meta = pod.metadata;
  const spec = pod.spec ?? {};
  const namespace = meta.namespace ?? 'default';
  const name = meta.name ?? '';
  const creationTime = meta.creationTimestamp ? Date.parse(meta.creationTimestamp) : 0;
  const nz = podRequests(pod, true);
  const ports: HostPort[] = [];
  for (const c of spec.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.hostPort > 0) ports.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
    }
  }
  const pa = spec.affinity?.podAffinity;
  const paa = spec.affinity?.podAntiAffinity;
  return {
    key: `${namespace}/${name}`,
    namespace,
    name,
    labels: internLabels(meta.labels) ?? {},
    priority: typeof spec.priority === 'number' ? spec.priority : 0,
    creationTime,
    startTime: pod.status?.startTime ? Date.parse(pod.status.startTime) : creationTime,
    terminating: meta.deletionTimestamp !== undefined && meta.deletionTimestamp !== null,
    tolerations: spec.tolerations ?? NONE,
    requests: podRequests(pod, false),
    nonZeroMilliCPU: nz.milliCPU,
    nonZeroMemory: nz.memory,
    hostPorts: ports.length > 0 ? ports : NONE,
    hasPodAffinity: !!(pa || paa),
    requiredAffinityTerms: terms(namespace, pa?.requiredDuringSchedulingIgnoredDuringExecution),
    requiredAntiAffinityTerms: terms(namespace, paa?.requiredDuringSchedulingIgnoredDuringExecution),
    preferredAffinityTerms: weighted(namespace, pa?.preferredDuringSchedulingIgnoredDuringExecution),
    preferredAntiAffinityTerms: weighted(namespace, paa?.preferredDuringSchedulingIgnoredDuringExecution),
  };
}

/**
 * What is read of a pod once it is placed on a node (identity, owner, placement, priority, the
 * preemption mark), so a snapshot of tens of thousands of pods does not hold them whole. The
 * plugins read placed pods through PodInfo's derived fields; preemption re-reads its victims.
 */
function placedPod(pod: KubeObject, nodeName: string): KubeObject {
  const m = pod.metadata;
  const disruption = (pod.status?.conditions as { type?: string }[] | undefined)?.filter((c) => c.type === 'DisruptionTarget');
  return {
    apiVersion: pod.apiVersion,
    kind: pod.kind,
    metadata: {
      name: m.name, namespace: m.namespace, uid: m.uid, labels: internLabels(m.labels), ownerReferences: internOwnerReferences(m.ownerReferences),
      creationTimestamp: m.creationTimestamp, deletionTimestamp: m.deletionTimestamp,
    },
    spec: { nodeName, priority: pod.spec?.priority, preemptionPolicy: pod.spec?.preemptionPolicy },
    status: { phase: pod.status?.phase, startTime: pod.status?.startTime, ...(disruption?.length ? { conditions: disruption } : {}) },
  };
}

export class PodInfo {
  /** The pod; for a placed pod (see the constructor) only the fields placedPod keeps. */
  readonly pod: KubeObject;
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly priority: number;
  readonly creationTime: number;
  readonly startTime: number;
  readonly terminating: boolean;
  /** Empty for a placed pod (only the pod being scheduled is checked against taints). */
  readonly tolerations: readonly Toleration[];
  /** Actual requests (NodeResourcesFit filter, BalancedAllocation). */
  readonly requests: Resource;
  /** Requests with the 100m / 200Mi defaults for containers that state none (LeastAllocated scoring). */
  readonly nonZeroMilliCPU: number;
  readonly nonZeroMemory: number;
  readonly hostPorts: readonly HostPort[];
  /** spec.affinity has podAffinity or podAntiAffinity. */
  readonly hasPodAffinity: boolean;
  readonly requiredAffinityTerms: readonly AffinityTerm[];
  readonly requiredAntiAffinityTerms: readonly AffinityTerm[];
  readonly preferredAffinityTerms: readonly AffinityTerm[];
  readonly preferredAntiAffinityTerms: readonly AffinityTerm[];

  /**
   * From a pod (computing what the scheduler needs), or from another PodInfo (sharing it). With a
   * `placedOn` node the info is of a pod accounted there, and keeps only what placed pods are read for.
   */
  constructor(source: KubeObject | PodInfo, placedOn?: string) {
    const d: Derived = source instanceof PodInfo ? source : derive(source);
    const pod = source instanceof PodInfo ? source.pod : source;
    this.pod = placedOn === undefined ? pod : placedPod(pod, placedOn);
    this.key = d.key;
    this.namespace = d.namespace;
    this.name = d.name;
    this.labels = d.labels;
    this.priority = d.priority;
    this.creationTime = d.creationTime;
    this.startTime = d.startTime;
    this.terminating = d.terminating;
    this.tolerations = placedOn === undefined ? d.tolerations : NONE;
    this.requests = d.requests;
    this.nonZeroMilliCPU = d.nonZeroMilliCPU;
    this.nonZeroMemory = d.nonZeroMemory;
    this.hostPorts = d.hostPorts;
    this.hasPodAffinity = d.hasPodAffinity;
    this.requiredAffinityTerms = d.requiredAffinityTerms;
    this.requiredAntiAffinityTerms = d.requiredAntiAffinityTerms;
    this.preferredAffinityTerms = d.preferredAffinityTerms;
    this.preferredAntiAffinityTerms = d.preferredAntiAffinityTerms;
  }

  /** The same pod placed on a node (the assumed pod), sharing everything computed. */
  boundTo(nodeName: string): PodInfo {
    return new PodInfo(this, nodeName);
  }
}
