/**
 * `kubectl auth can-i --list`: a SelfSubjectRulesReview's rules as kubectl prints them
 * (pkg/cmd/auth/cani.go printStatus, pkg/util/rbac): each rule broken down into one rule per
 * group × resource × verb (× name) and per URL × verb, the single-resource ones compacted back
 * per (group, resource, name) with their verbs in order (duplicates kept), then sorted stably by
 * the Go String() of the PolicyRule, which starts with the verbs.
 */
import { tabulate } from '../printers/tabwriter.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

const rule = (r: Partial<Rule>): Rule => ({ verbs: [], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [], ...r });

function breakdown(r: Rule): Rule[] {
  const out: Rule[] = [];
  for (const g of r.apiGroups) {
    for (const res of r.resources) {
      for (const v of r.verbs) {
        if (r.resourceNames.length === 0) out.push(rule({ apiGroups: [g], resources: [res], verbs: [v] }));
        for (const n of r.resourceNames) out.push(rule({ apiGroups: [g], resources: [res], verbs: [v], resourceNames: [n] }));
      }
    }
  }
  for (const u of r.nonResourceURLs) for (const v of r.verbs) out.push(rule({ nonResourceURLs: [u], verbs: [v] }));
  return out;
}

/** CompactRules: a broken-down rule is simple unless it is a URL rule. */
function compact(rules: Rule[]): Rule[] {
  const out: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const r of rules) {
    if (r.nonResourceURLs.length > 0 || r.apiGroups.length !== 1 || r.resources.length !== 1 || r.resourceNames.length > 1) {
      out.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups[0], r.resources[0], r.resourceNames[0] ?? null]);
    const existing = simple.get(key);
    if (existing) existing.verbs.push(...r.verbs);
    else simple.set(key, { ...r, verbs: [...r.verbs] });
  }
  return [...out, ...simple.values()];
}

const goList = (xs: string[]): string => `[${xs.join(' ')}]`;

/** rbacv1.PolicyRule.String(), the sort key. */
function goString(r: Rule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}

/** describe.CombineResourceGroup: `resource.group/subresource` of the first resource and group. */
function combineResourceGroup(resources: string[], groups: string[]): string {
  if (resources.length === 0) return '';
  const [res, sub] = resources[0].split(/\/(.*)/s);
  let out = res;
  if (groups.length > 0 && groups[0] !== '') out += `.${groups[0]}`;
  if (sub !== undefined) out += `/${sub}`;
  return out;
}

/** The table of a SubjectRulesReviewStatus. */
export function printRulesTable(status: any, noHeaders: boolean): string {
  const rules: Rule[] = [
    ...((status?.resourceRules ?? []) as any[]).map((r) => rule({ verbs: r.verbs ?? [], apiGroups: r.apiGroups ?? [], resources: r.resources ?? [], resourceNames: r.resourceNames ?? [] })),
    ...((status?.nonResourceRules ?? []) as any[]).map((r) => rule({ verbs: r.verbs ?? [], nonResourceURLs: r.nonResourceURLs ?? [] })),
  ];
  const keyed = compact(rules.flatMap(breakdown)).map((r, i) => ({ r, i, key: goString(r) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  const rows = keyed.map(({ r }) => [combineResourceGroup(r.resources, r.apiGroups), goList(r.nonResourceURLs), goList(r.resourceNames), goList(r.verbs)]);
  return tabulate(noHeaders ? rows : [['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs'], ...rows]);
}
