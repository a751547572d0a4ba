/**
 * The selector PodTopologySpread's system default constraints spread a pod by (helper.DefaultSelector):
 * the selectors of the Services that select the pod, merged with the selector of its controlling
 * ReplicationController, ReplicaSet or StatefulSet.
 */
import { labelsMatch } from '../api/label-selector.js';
import type { KubeObject, LabelSelector } from '../api/types.js';
import type { PodInfo } from './pod-info.js';

interface WorkloadLists {
  services?: readonly KubeObject[];
  replicationControllers?: readonly KubeObject[];
  replicaSets?: readonly KubeObject[];
  statefulSets?: readonly KubeObject[];
}

function byNamespace(list: readonly KubeObject[] | undefined): Map<string, KubeObject[]> {
  const m = new Map<string, KubeObject[]>();
  for (const o of list ?? []) {
    const ns = o.metadata.namespace ?? 'default';
    const l = m.get(ns);
    if (l) l.push(o);
    else m.set(ns, [o]);
  }
  return m;
}

function findNamed(m: Map<string, KubeObject[]>, ns: string, name: string): KubeObject | undefined {
  return m.get(ns)?.find((o) => o.metadata.name === name);
}

/** The kinds whose selectors the index keeps, by plural resource name. */
export const WORKLOAD_RESOURCES = ['services', 'replicationcontrollers', 'replicasets', 'statefulsets'] as const;
export type WorkloadResource = (typeof WORKLOAD_RESOURCES)[number];

export class WorkloadIndex {
  private services: Map<string, KubeObject[]>;
  private rcs: Map<string, KubeObject[]>;
  private rss: Map<string, KubeObject[]>;
  private sss: Map<string, KubeObject[]>;

  constructor(lists: WorkloadLists) {
    this.services = byNamespace(lists.services);
    this.rcs = byNamespace(lists.replicationControllers);
    this.rss = byNamespace(lists.replicaSets);
    this.sss = byNamespace(lists.statefulSets);
  }

  private listFor(resource: WorkloadResource): Map<string, KubeObject[]> {
    if (resource === 'services') return this.services;
    if (resource === 'replicationcontrollers') return this.rcs;
    return resource === 'replicasets' ? this.rss : this.sss;
  }

  /** Adds or replaces one object (by namespace and name). */
  set(resource: WorkloadResource, obj: KubeObject): void {
    const m = this.listFor(resource);
    const ns = obj.metadata.namespace ?? 'default';
    const rest = (m.get(ns) ?? []).filter((o) => o.metadata.name !== obj.metadata.name);
    rest.push(obj);
    m.set(ns, rest);
  }

  remove(resource: WorkloadResource, namespace: string, name: string): void {
    const m = this.listFor(resource);
    const rest = (m.get(namespace) ?? []).filter((o) => o.metadata.name !== name);
    if (rest.length > 0) m.set(namespace, rest);
    else m.delete(namespace);
  }

  /** The default spreading selector for the pod, or null when it is empty (no system constraints apply). */
  defaultSelector(pod: PodInfo): LabelSelector | null {
    const matchLabels: Record<string, string> = {};
    for (const svc of this.services.get(pod.namespace) ?? []) {
      const sel: Record<string, string> | undefined = svc.spec?.selector;
      if (!sel) continue; // a Service without a selector selects nothing
      if (labelsMatch(sel, pod.labels)) Object.assign(matchLabels, sel);
    }
    const matchExpressions: NonNullable<LabelSelector['matchExpressions']> = [];
    const owner = pod.pod.metadata.ownerReferences?.find((r) => r.controller === true);
    if (owner) {
      if (owner.apiVersion === 'v1' && owner.kind === 'ReplicationController') {
        Object.assign(matchLabels, findNamed(this.rcs, pod.namespace, owner.name)?.spec?.selector ?? {});
      } else if (owner.apiVersion === 'apps/v1' && (owner.kind === 'ReplicaSet' || owner.kind === 'StatefulSet')) {
        const m = owner.kind === 'ReplicaSet' ? this.rss : this.sss;
        const sel: LabelSelector | undefined = findNamed(m, pod.namespace, owner.name)?.spec?.selector;
        for (const [k, v] of Object.entries(sel?.matchLabels ?? {})) matchExpressions.push({ key: k, operator: 'In', values: [v] });
        for (const e of sel?.matchExpressions ?? []) matchExpressions.push(e);
      }
    }
    if (Object.keys(matchLabels).length === 0 && matchExpressions.length === 0) return null;
    return { matchLabels, matchExpressions };
  }
}
