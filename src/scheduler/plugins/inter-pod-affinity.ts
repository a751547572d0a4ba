/**
 * InterPodAffinity (filter): required pod affinity and anti-affinity of the incoming pod, and the required
 * anti-affinity of pods already running, evaluated per topology domain (node label value).
 */
import { Code, SKIP, status, type FilterPlugin } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import { termMatchesPod, type AffinityTerm, type PodInfo } from '../pod-info.js';
import type { Snapshot } from '../snapshot.js';
import { interPodAffinityScore } from './inter-pod-affinity-score.js';

export const INTER_POD_AFFINITY = 'InterPodAffinity';
export const ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";
export const ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't satisfy existing pods anti-affinity rules";

const affinityRejected = status(INTER_POD_AFFINITY, Code.UnschedulableAndUnresolvable, ERR_REASON_AFFINITY_RULES_NOT_MATCH);
const antiAffinityRejected = status(INTER_POD_AFFINITY, Code.Unschedulable, ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH);
const existingRejected = status(INTER_POD_AFFINITY, Code.Unschedulable, ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH);

/** Counts per topology pair `key\0value`. */
type PairCounts = Map<string, number>;
const pair = (key: string, value: string) => `${key}\0${value}`;
const bump = (m: PairCounts, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/** Existing pods whose required anti-affinity terms select the incoming pod, by the domain they guard. */
function existingAntiAffinityCounts(pod: PodInfo, snapshot: Snapshot): PairCounts {
  const out: PairCounts = new Map();
  for (const node of snapshot.nodesWithRequiredAntiAffinity) {
    for (const existing of node.podsWithRequiredAntiAffinity) {
      for (const term of existing.requiredAntiAffinityTerms) {
        const v = node.labels[term.topologyKey];
        if (v !== undefined && termMatchesPod(term, pod, snapshot.namespaceLabels)) bump(out, pair(term.topologyKey, v));
      }
    }
  }
  return out;
}

/** Existing pods matching each of the incoming pod's required terms, by domain. */
function incomingCounts(terms: readonly AffinityTerm[], snapshot: Snapshot): PairCounts {
  const out: PairCounts = new Map();
  if (terms.length === 0) return out;
  for (const node of snapshot.nodes) {
    for (const existing of node.pods) {
      for (const term of terms) {
        const v = node.labels[term.topologyKey];
        if (v !== undefined && termMatchesPod(term, existing, snapshot.namespaceLabels)) bump(out, pair(term.topologyKey, v));
      }
    }
  }
  return out;
}

function satisfiesAffinity(pod: PodInfo, counts: PairCounts, node: NodeInfo, snapshot: Snapshot): boolean {
  let podsExist = true;
  for (const term of pod.requiredAffinityTerms) {
    const v = node.labels[term.topologyKey];
    if (v === undefined) return false;
    if ((counts.get(pair(term.topologyKey, v)) ?? 0) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // The first pod of a group with affinity to itself: allowed when nothing else matches anywhere.
  return counts.size === 0 && pod.requiredAffinityTerms.every((t) => termMatchesPod(t, pod, snapshot.namespaceLabels));
}

function violatesPairs(counts: PairCounts, terms: readonly AffinityTerm[], node: NodeInfo): boolean {
  for (const term of terms) {
    const v = node.labels[term.topologyKey];
    if (v !== undefined && (counts.get(pair(term.topologyKey, v)) ?? 0) > 0) return true;
  }
  return false;
}

function violatesExisting(counts: PairCounts, node: NodeInfo): boolean {
  for (const k in node.labels) if ((counts.get(pair(k, node.labels[k]!)) ?? 0) > 0) return true;
  return false;
}

export const interPodAffinity: FilterPlugin & typeof interPodAffinityScore = {
  ...interPodAffinityScore,
  name: INTER_POD_AFFINITY,
  prepareFilter(pod, snapshot) {
    const existing = existingAntiAffinityCounts(pod, snapshot);
    if (existing.size === 0 && pod.requiredAffinityTerms.length === 0 && pod.requiredAntiAffinityTerms.length === 0) return SKIP;
    const affinity = incomingCounts(pod.requiredAffinityTerms, snapshot);
    const anti = incomingCounts(pod.requiredAntiAffinityTerms, snapshot);
    return {
      kind: 'filter',
      filter(node) {
        if (pod.requiredAffinityTerms.length > 0 && !satisfiesAffinity(pod, affinity, node, snapshot)) return affinityRejected;
        if (violatesPairs(anti, pod.requiredAntiAffinityTerms, node)) return antiAffinityRejected;
        if (existing.size > 0 && violatesExisting(existing, node)) return existingRejected;
        return null;
      },
    };
  },
};
