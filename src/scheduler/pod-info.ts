/** A pod as the scheduler sees it: its requests, host ports and affinity terms, computed once. */
import type { KubeObject, LabelSelector } from '../api/types.js';
import { podRequests, type Resource } from './resources.js';
import { compileSelector, MATCH_NOTHING, type LabelMatcher } from './selectors.js';
import type { Toleration } from './tolerations.js';

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

function terms(ns: string, raw: RawTerm[] | undefined): AffinityTerm[] {
  return (raw ?? []).map((t) => compileTerm(ns, t, 1));
}

function weighted(ns: string, raw: { weight: number; podAffinityTerm: RawTerm }[] | undefined): AffinityTerm[] {
  return (raw ?? []).map((w) => compileTerm(ns, w.podAffinityTerm, w.weight));
}

/** AffinityTerm.Matches: the pod is in one of the term's namespaces and carries matching labels. */
export function termMatchesPod(term: AffinityTerm, pod: PodInfo, nsLabels: NamespaceLabels): boolean {
  if (term.selector === MATCH_NOTHING) return false;
  const inNs = term.namespaces.has(pod.namespace) || (term.namespaceSelector !== null && term.namespaceSelector.matches(nsLabels(pod.namespace)));
  return inNs && term.selector.matches(pod.labels);
}

export class PodInfo {
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly priority: number;
  readonly creationTime: number;
  readonly startTime: number;
  readonly terminating: boolean;
  readonly tolerations: readonly Toleration[];
  /** Actual requests (NodeResourcesFit filter, BalancedAllocation). */
  readonly requests: Resource;
  /** Requests with the 100m / 200Mi defaults for containers that state none (LeastAllocated scoring). */
  readonly nonZeroMilliCPU: number;
  readonly nonZeroMemory: number;
  readonly hostPorts: readonly HostPort[];
  readonly requiredAffinityTerms: readonly AffinityTerm[];
  readonly requiredAntiAffinityTerms: readonly AffinityTerm[];
  readonly preferredAffinityTerms: readonly AffinityTerm[];
  readonly preferredAntiAffinityTerms: readonly AffinityTerm[];
  /** spec.affinity has podAffinity or podAntiAffinity. */
  readonly hasPodAffinity: boolean;

  constructor(readonly pod: KubeObject) {
    const meta = pod.metadata;
    const spec = pod.spec ?? {};
    this.namespace = meta.namespace ?? 'default';
    this.name = meta.name ?? '';
    this.key = `${this.namespace}/${this.name}`;
    this.labels = meta.labels ?? {};
    this.priority = typeof spec.priority === 'number' ? spec.priority : 0;
    this.creationTime = meta.creationTimestamp ? Date.parse(meta.creationTimestamp) : 0;
    this.startTime = pod.status?.startTime ? Date.parse(pod.status.startTime) : this.creationTime;
    this.terminating = meta.deletionTimestamp !== undefined && meta.deletionTimestamp !== null;
    this.tolerations = spec.tolerations ?? [];
    this.requests = podRequests(pod, false);
    const nz = podRequests(pod, true);
    this.nonZeroMilliCPU = nz.milliCPU;
    this.nonZeroMemory = nz.memory;
    const ports: HostPort[] = [];
    for (const c of spec.containers ?? []) {
      for (const p of c.ports ?? []) {
        if (p.hostPort > 0) ports.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
      }
    }
    this.hostPorts = ports;
    const pa = spec.affinity?.podAffinity;
    const paa = spec.affinity?.podAntiAffinity;
    this.hasPodAffinity = !!(pa || paa);
    this.requiredAffinityTerms = terms(this.namespace, pa?.requiredDuringSchedulingIgnoredDuringExecution);
    this.requiredAntiAffinityTerms = terms(this.namespace, paa?.requiredDuringSchedulingIgnoredDuringExecution);
    this.preferredAffinityTerms = weighted(this.namespace, pa?.preferredDuringSchedulingIgnoredDuringExecution);
    this.preferredAntiAffinityTerms = weighted(this.namespace, paa?.preferredDuringSchedulingIgnoredDuringExecution);
  }

  /** The same pod bound to a node (the assumed pod), sharing everything computed. */
  boundTo(nodeName: string): PodInfo {
    const pod = { ...this.pod, spec: { ...this.pod.spec, nodeName } };
    return Object.assign(Object.create(PodInfo.prototype) as PodInfo, this, { pod });
  }
}
