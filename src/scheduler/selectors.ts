/**
 * Label selectors as the scheduler uses them (metav1.LabelSelectorAsSelector via the shared helper): an
 * absent selector matches nothing, an empty one (`{}`) matches everything.
 */
import { nothing, selectorFromLabelSelector } from '../api/label-selector.js';
import type { LabelSelector } from '../api/types.js';

export interface LabelMatcher {
  matches(labels: Record<string, string>): boolean;
}

export const MATCH_NOTHING: LabelMatcher = nothing();

/** Compiles a selector; one the API server should have rejected selects nothing, as the scheduler treats it. */
export function compileSelector(ls: LabelSelector | null | undefined): LabelMatcher {
  try {
    return selectorFromLabelSelector(ls);
  } catch {
    return MATCH_NOTHING;
  }
}

/** A stable key for a selector in a namespace (for per-node match-count indexes). */
export function selectorKey(namespace: string, ls: LabelSelector): string {
  const labels = Object.entries(ls.matchLabels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const exprs = (ls.matchExpressions ?? []).map((e) => [e.key, e.operator, [...(e.values ?? [])].sort()]);
  return JSON.stringify([namespace, labels, exprs]);
}
