/**
 * Label selectors as k8s.io/apimachinery/pkg/labels parses and prints them (`-l`), and metav1.LabelSelector
 * objects converted to selectors (LabelSelectorAsSelector / FormatLabelSelector).
 */
import { parseRequirements } from './selector/label-parser.js';
import {
  LabelSelectorError,
  newRequirement,
  type Operator,
  type Requirement,
  requirementMatches,
  requirementString,
} from './selector/requirement.js';
import type { LabelSelector } from './types.js';

export { LabelSelectorError, newRequirement, type Operator, type Requirement } from './selector/requirement.js';

export interface Selector {
  matches(labels: Record<string, string> | undefined): boolean;
  empty(): boolean;
  toString(): string;
  /** The requirements, sorted by key (empty for the nothing-selector). */
  requirements(): Requirement[];
}

class RequirementsSelector implements Selector {
  private readonly reqs: Requirement[];
  constructor(reqs: Requirement[]) {
    this.reqs = [...reqs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
  matches(labels: Record<string, string> | undefined): boolean {
    const l = labels ?? {};
    return this.reqs.every((r) => requirementMatches(r, l));
  }
  empty(): boolean {
    return this.reqs.length === 0;
  }
  toString(): string {
    return this.reqs.map(requirementString).join(',');
  }
  requirements(): Requirement[] {
    return this.reqs;
  }
}

const NOTHING: Selector = {
  matches: () => false,
  empty: () => false,
  toString: () => '',
  requirements: () => [],
};

export function everything(): Selector {
  return new RequirementsSelector([]);
}

export function nothing(): Selector {
  return NOTHING;
}

/** labels.Parse: `-l` syntax; throws LabelSelectorError worded as apimachinery words it. */
export function parseSelector(s: string): Selector {
  return new RequirementsSelector(parseRequirements(s));
}

/** metav1.LabelSelectorAsSelector: nil matches nothing, empty matches everything. */
export function selectorFromLabelSelector(ls: LabelSelector | undefined | null): Selector {
  if (!ls) return NOTHING;
  const matchLabels = ls.matchLabels ?? {};
  const exprs = ls.matchExpressions ?? [];
  if (Object.keys(matchLabels).length + exprs.length === 0) return everything();
  const reqs: Requirement[] = [];
  for (const [k, v] of Object.entries(matchLabels)) reqs.push(newRequirement(k, '=', [v]));
  const ops: Record<string, Operator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };
  for (const e of exprs) {
    const op = ops[e.operator];
    if (!op) throw new LabelSelectorError(`${JSON.stringify(e.operator)} is not a valid label selector operator`);
    reqs.push(newRequirement(e.key, op, [...(e.values ?? [])]));
  }
  return new RequirementsSelector(reqs);
}

/** metav1.FormatLabelSelector: `app=web,tier in (a,b)`, `<none>` when it prints empty, `<error>` when invalid. */
export function formatLabelSelector(ls: LabelSelector | undefined | null): string {
  let s: string;
  try {
    s = selectorFromLabelSelector(ls).toString();
  } catch {
    return '<error>';
  }
  return s.length === 0 ? '<none>' : s;
}

/** A map selector (Service spec.selector, ReplicationController): every pair present and equal; empty matches all. */
export function labelsMatch(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  for (const k in selector) if (!Object.prototype.hasOwnProperty.call(l, k) || l[k] !== selector[k]) return false;
  return true;
}

/** labels.FormatLabels for a map (`a=b,c=d` sorted by key; `<none>` when empty) as kubectl prints SELECTOR columns. */
export function formatLabels(m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${(m as Record<string, string>)[k]}`).join(',');
}
