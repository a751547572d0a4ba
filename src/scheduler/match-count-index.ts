/**
 * Per-node counts of pods matching a label selector in a namespace, kept up to date as pods come and go.
 * PodTopologySpread asks "how many pods of this workload are on each node" for every pod it places; with
 * this index that is an array read instead of a scan over every pod on every node.
 */
import type { LabelSelector } from '../api/types.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import { compileSelector, selectorKey, type LabelMatcher } from './selectors.js';

interface Entry {
  readonly namespace: string;
  readonly matcher: LabelMatcher;
  readonly counts: Int32Array;
  /** topologyKey -> label value -> matching pods on nodes with that value. */
  readonly domains: Map<string, Map<string, number>>;
}

/** countPodsMatchSelector's rule: same namespace, not terminating, labels match. */
function isCounted(entry: Entry, p: PodInfo): boolean {
  return !p.terminating && p.namespace === entry.namespace && entry.matcher.matches(p.labels);
}

export class MatchCountIndex {
  private byKey = new Map<string, Entry>();
  private byNamespace = new Map<string, Entry[]>();

  constructor(private nodes: readonly NodeInfo[]) {}

  /** Per-node counts (by NodeInfo.index) for the selector (`key`: its selectorKey, when known). */
  counts(namespace: string, ls: LabelSelector, key?: string): Int32Array {
    return this.entry(namespace, ls, key).counts;
  }

  /**
   * Matching pods per value of a node label, over every node carrying the label. Domains with no matching
   * pods may be missing.
   */
  domainCounts(namespace: string, ls: LabelSelector, topologyKey: string, key?: string): ReadonlyMap<string, number> {
    const e = this.entry(namespace, ls, key);
    let d = e.domains.get(topologyKey);
    if (!d) {
      d = new Map();
      for (const n of this.nodes) {
        const v = n.labels[topologyKey];
        if (v !== undefined && e.counts[n.index]! > 0) d.set(v, (d.get(v) ?? 0) + e.counts[n.index]!);
      }
      e.domains.set(topologyKey, d);
    }
    return d;
  }

  private entry(namespace: string, ls: LabelSelector, key = selectorKey(namespace, ls)): Entry {
    let e = this.byKey.get(key);
    if (!e) {
      e = { namespace, matcher: compileSelector(ls), counts: new Int32Array(this.nodes.length), domains: new Map() };
      for (const n of this.nodes) {
        let c = 0;
        for (const p of n.pods) if (isCounted(e, p)) c++;
        e.counts[n.index] = c;
      }
      this.byKey.set(key, e);
      const list = this.byNamespace.get(namespace);
      if (list) list.push(e);
      else this.byNamespace.set(namespace, [e]);
    }
    return e;
  }

  podAdded(node: NodeInfo, p: PodInfo): void {
    this.adjust(node, p, 1);
  }

  podRemoved(node: NodeInfo, p: PodInfo): void {
    this.adjust(node, p, -1);
  }

  private adjust(node: NodeInfo, p: PodInfo, delta: 1 | -1): void {
    for (const e of this.byNamespace.get(p.namespace) ?? []) {
      if (!isCounted(e, p)) continue;
      e.counts[node.index]! += delta;
      for (const [key, d] of e.domains) {
        const v = node.labels[key];
        if (v !== undefined) d.set(v, (d.get(v) ?? 0) + delta);
      }
    }
  }

  /** The node list changed: indexes are rebuilt lazily. */
  reset(nodes: readonly NodeInfo[]): void {
    this.nodes = nodes;
    this.byKey.clear();
    this.byNamespace.clear();
  }
}
