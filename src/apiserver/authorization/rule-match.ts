/**
 * Whether one PolicyRule allows a request (rbac.RuleAllows and the helpers of
 * pkg/apis/rbac/v1/evaluation_helpers.go): verbs and API groups match exactly or by `*`; resources
 * by `*`, exactly (`pods/log` for a subresource request) or by a star before the subresource (`*\/log`); a rule with
 * resourceNames only names those; non-resource URLs exactly, by `*`, or by a prefix ending in `*`.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */

import type { PolicyRule } from '../../api/kinds/rbac-rules.js';

export type { PolicyRule };

/** What a request asks (authorizer.Attributes): a resource request, or a non-resource path. */
export interface RequestAttributes {
  verb: string;
  resourceRequest: boolean;
  apiGroup?: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  /** Non-resource requests only. */
  path?: string;
}

export function verbMatches(rule: PolicyRule, verb: string): boolean {
  return (rule.verbs ?? []).some((v) => v === '*' || v === verb);
}

export function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  return (rule.apiGroups ?? []).some((g) => g === '*' || g === group);
}

export function resourceMatches(rule: PolicyRule, combined: string, subresource: string): boolean {
  for (const r of rule.resources ?? []) {
    if (r === '*' || r === combined) return true;
    if (subresource && r === `*/${subresource}`) return true;
  }
  return false;
}

export function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  const names = rule.resourceNames ?? [];
  return names.length === 0 || names.includes(name);
}

export function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  for (const u of rule.nonResourceURLs ?? []) {
    if (u === '*' || u === path) return true;
    if (u.endsWith('*') && path.startsWith(u.replace(/\*+$/, ''))) return true;
  }
  return false;
}

export function ruleAllows(a: RequestAttributes, rule: PolicyRule): boolean {
  if (!verbMatches(rule, a.verb)) return false;
  if (!a.resourceRequest) return nonResourceURLMatches(rule, a.path ?? '');
  const sub = a.subresource ?? '';
  const combined = sub ? `${a.resource ?? ''}/${sub}` : (a.resource ?? '');
  return apiGroupMatches(rule, a.apiGroup ?? '') && resourceMatches(rule, combined, sub) && resourceNameMatches(rule, a.name ?? '');
}

/** The rules of a stored Role/ClusterRole, as PolicyRules. */
export function rulesOf(role: any): PolicyRule[] {
  return (role?.rules ?? []) as PolicyRule[];
}
