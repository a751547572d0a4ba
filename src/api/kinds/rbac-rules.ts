/**
 * RBAC PolicyRules: validation (pkg/apis/rbac/validation) and the compacted, sorted rule table
 * kubectl describe prints for Roles and ClusterRoles (kubectl pkg/util/rbac).
 */
import type { DescribeWriter } from '../describe-writer.js';
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import { goList } from './go-render.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface PolicyRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** ValidatePolicyRule. */
export function validatePolicyRule(rule: PolicyRule, namespaced: boolean, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!rule?.verbs?.length) errs.push(fe.required(`${field}.verbs`, 'verbs must contain at least one value'));
  if (rule?.nonResourceURLs?.length) {
    if (namespaced) errs.push(fe.invalid(`${field}.nonResourceURLs`, rule.nonResourceURLs, 'namespaced rules cannot apply to non-resource URLs'));
    if (rule.apiGroups?.length || rule.resources?.length || rule.resourceNames?.length) {
      errs.push(fe.invalid(`${field}.nonResourceURLs`, rule.nonResourceURLs, 'rules cannot apply to both regular resources and non-resource URLs'));
    }
    return errs;
  }
  if (!rule?.apiGroups?.length) errs.push(fe.required(`${field}.apiGroups`, 'resource rules must supply at least one api group'));
  if (!rule?.resources?.length) errs.push(fe.required(`${field}.resources`, 'resource rules must supply at least one resource'));
  return errs;
}

/** BreakdownRule: one rule per (group, resource[, name]) and per non-resource URL. */
function breakdown(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      if (rule.resourceNames?.length) {
        for (const name of rule.resourceNames) out.push({ apiGroups: [group], resources: [resource], verbs: rule.verbs, resourceNames: [name] });
      } else {
        out.push({ apiGroups: [group], resources: [resource], verbs: rule.verbs });
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) out.push({ nonResourceURLs: [url], verbs: rule.verbs });
  return out;
}

/** CompactRules: simple single-resource rules differing only by verbs are merged. */
function compact(rules: PolicyRule[]): PolicyRule[] {
  const compacted: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const rule of rules) {
    const isSimple = !rule.nonResourceURLs?.length && (rule.resourceNames?.length ?? 0) <= 1 &&
      rule.apiGroups?.length === 1 && rule.resources?.length === 1;
    if (!isSimple) {
      compacted.push(rule);
      continue;
    }
    const key = JSON.stringify([rule.apiGroups![0], rule.resources![0], rule.resourceNames?.[0] ?? null]);
    const existing = simple.get(key);
    if (!existing) {
      simple.set(key, { ...rule, verbs: [...(rule.verbs ?? [])] });
      continue;
    }
    for (const verb of rule.verbs ?? []) if (!existing.verbs!.includes(verb)) existing.verbs!.push(verb);
  }
  return [...compacted, ...simple.values()];
}

/** The protobuf String() of a PolicyRule, which kubectl sorts rules by. */
function ruleString(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},` +
    `ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}

/** CombineResourceGroup: `resource.group[/subresource]`. */
function resourceGroup(resources: string[] | undefined, groups: string[] | undefined): string {
  if (!resources?.length) return '';
  const [name, sub] = resources[0].split(/\/(.*)/s);
  let out = name;
  if (groups?.length && groups[0] !== '') out += `.${groups[0]}`;
  if (sub !== undefined) out += `/${sub}`;
  return out;
}

/** The `PolicyRule:` table of Role / ClusterRole describe. */
export function describeRules(w: DescribeWriter, rules: PolicyRule[] | undefined): void {
  const rows = compact((rules ?? []).flatMap(breakdown));
  rows.sort((a, b) => {
    const x = ruleString(a);
    const y = ruleString(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  w.write(0, 'PolicyRule:');
  w.write(1, 'Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs');
  w.write(1, '---------', '-----------------', '--------------', '-----');
  for (const r of rows) w.write(1, resourceGroup(r.resources, r.apiGroups), goList(r.nonResourceURLs), goList(r.resourceNames), goList(r.verbs));
}
