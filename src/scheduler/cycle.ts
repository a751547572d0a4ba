/** PreFilter + Filter for one pod: the per-cycle checks every node is run through. */
import { Code, status, type NodeFilter, type Status } from './framework.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import type { Profile } from './profile.js';
import type { Snapshot } from './snapshot.js';

export interface PreparedFilters {
  readonly filters: readonly NodeFilter[];
  /** Nodes a PreFilter restricted the pod to (null: all nodes). */
  readonly nodeNames: ReadonlySet<string> | null;
  /** Plugins that restricted the node set. */
  readonly narrowedBy: readonly string[];
  /** A PreFilter rejection: the pod cannot go anywhere. */
  readonly rejected: Status | null;
  /** The filters' memo keys together, when every filter has one (see PreFilterOutcome.memo). */
  readonly memo: string | undefined;
}

export function prepareFilters(profile: Profile, pod: PodInfo, snapshot: Snapshot): PreparedFilters {
  const filters: NodeFilter[] = [];
  let nodeNames: Set<string> | null = null;
  const narrowedBy: string[] = [];
  let memo: string | undefined = '';
  for (const plugin of profile.filters) {
    const out = plugin.prepareFilter(pod, snapshot);
    if (out.kind === 'skip') continue;
    if (out.kind === 'reject') return { filters, nodeNames, narrowedBy, rejected: out.status, memo: undefined };
    filters.push(out.filter);
    memo = memo !== undefined && out.memo !== undefined ? `${memo}${plugin.name}\u0000${out.memo}\u0000` : undefined;
    if (out.nodeNames) {
      narrowedBy.push(plugin.name);
      const names: ReadonlySet<string> = out.nodeNames;
      nodeNames = nodeNames === null ? new Set(names) : new Set([...nodeNames].filter((n: string) => names.has(n)));
      if (nodeNames.size === 0) {
        const msg = `node(s) didn't satisfy plugin(s) [${narrowedBy.join(' ')}] simultaneously`;
        return { filters, nodeNames, narrowedBy, rejected: status(plugin.name, Code.Unschedulable, msg), memo: undefined };
      }
    }
  }
  return { filters, nodeNames, narrowedBy, rejected: null, memo };
}

/** Runs the filters in order; the first rejection wins. */
export function runFilters(filters: readonly NodeFilter[], node: NodeInfo): Status | null {
  for (let i = 0; i < filters.length; i++) {
    const s = filters[i]!(node);
    if (s !== null) return s;
  }
  return null;
}
