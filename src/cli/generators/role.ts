/**
 * `kubectl create role` and `create clusterrole` (create_role.go, create_clusterrole.go): verbs and
 * resources as kubectl reads them (duplicates dropped, `*` alone, `resource.group/subresource`,
 * names resolved through discovery), one rule per API group, and the cluster role's
 * non-resource URLs and aggregation rule.
 */
import type { Registry } from '../../api/registry.js';
import type { KubeObject } from '../../api/types.js';
import { PlainError } from '../errors.js';
import { objectMeta, typed } from './meta.js';

const RBAC_VERSION = 'rbac.authorization.k8s.io/v1';
const RESOURCE_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];
const NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];
/** Verbs that only mean something on these group/resources. */
const SPECIAL_VERBS: Record<string, [string, string][]> = {
  use: [['policy', 'podsecuritypolicies'], ['extensions', 'podsecuritypolicies']],
  bind: [['rbac.authorization.k8s.io', 'roles'], ['rbac.authorization.k8s.io', 'clusterroles']],
  escalate: [['rbac.authorization.k8s.io', 'roles'], ['rbac.authorization.k8s.io', 'clusterroles']],
  impersonate: [['', 'users'], ['', 'serviceaccounts'], ['', 'groups'], ['authentication.k8s.io', 'userextras']],
};

interface ResourceOption {
  resource: string;
  group: string;
  subResource: string;
}

export interface RoleInput {
  name: string;
  namespace?: string;
  verbs: string[];
  resources: string[];
  resourceNames: string[];
  /** Cluster roles only. */
  nonResourceURLs?: string[];
  aggregationRule?: Record<string, string>;
}

const unique = (xs: string[]) => [...new Set(xs)];

/** Complete(): `*` stands alone; duplicates go. */
function completeVerbs(verbs: string[]): string[] {
  const out: string[] = [];
  for (const v of verbs) {
    if (v === '*') return ['*'];
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** Complete(): `resource[.group][/subresource]`, a bare `*` alone. */
function completeResources(resources: string[]): ResourceOption[] {
  const out: ResourceOption[] = [];
  for (const r of resources) {
    const slash = r.indexOf('/');
    const base = slash >= 0 ? r.slice(0, slash) : r;
    const dot = base.indexOf('.');
    const opt = { resource: dot >= 0 ? base.slice(0, dot) : base, group: dot >= 0 ? base.slice(dot + 1) : '', subResource: slash >= 0 ? r.slice(slash + 1) : '' };
    if (opt.resource === '*' && dot < 0 && slash < 0) return [opt];
    out.push(opt);
  }
  return out;
}

/** The mapper's ResourceFor: the plural and group a resource name means, or undefined. */
function resourceFor(registry: Registry, r: ResourceOption): { resource: string; group: string } | undefined {
  const kind = registry.resolve(r.group ? `${r.resource}.${r.group}` : r.resource);
  return kind ? { resource: kind.plural, group: kind.group } : undefined;
}

function validateResources(registry: Registry, verbs: string[], resources: ResourceOption[]): void {
  for (const r of resources) {
    if (!r.resource) throw new Error('resource must be specified if apiGroup/subresource specified');
    if (r.resource === '*') return;
    const found = resourceFor(registry, r);
    const { resource, group } = found ?? r;
    // a special verb on its own resources needs no discovery of them
    let allowed = Boolean(found);
    for (const v of verbs) {
      const special = SPECIAL_VERBS[v];
      if (!special) continue;
      if (!special.some(([g, res]) => res === resource && g === group)) throw new Error(`can not perform '${v}' on '${resource}' in group '${group}'`);
      allowed = true;
    }
    // kubectl's words for a NoResourceMatchError, printed without `error: `
    if (!allowed) throw new PlainError(`the server doesn't have a resource type "${r.resource}"${r.group ? ` in group "${r.group}"` : ''}`);
  }
}

/** generateResourcePolicyRules: a rule per API group (groups sorted), then one for the non-resource URLs. */
function policyRules(registry: Registry, verbs: string[], resources: ResourceOption[], resourceNames: string[], nonResourceURLs: string[]): Record<string, unknown>[] {
  const byGroup = new Map<string, string[]>();
  for (const r of resources) {
    const { resource, group } = resourceFor(registry, r) ?? r;
    const name = r.subResource ? `${resource}/${r.subResource}` : resource;
    const list = byGroup.get(group) ?? [];
    if (!list.includes(name)) list.push(name);
    byGroup.set(group, list);
  }
  const rules: Record<string, unknown>[] = [...byGroup.keys()].sort().map((g) => ({
    verbs, apiGroups: [g], resources: byGroup.get(g), ...(resourceNames.length > 0 ? { resourceNames } : {}),
  }));
  if (nonResourceURLs.length > 0) rules.push({ verbs, nonResourceURLs });
  return rules;
}

/** Warns, as kubectl does, of verbs it does not know (the role is made all the same). */
function warnNonStandard(verbs: string[], warn: (line: string) => void): void {
  for (const v of verbs) if (!RESOURCE_VERBS.includes(v)) warn(`Warning: '${v}' is not a standard resource verb`);
}

export function generateRole(registry: Registry, r: RoleInput, warn: (line: string) => void): KubeObject {
  const verbs = completeVerbs(r.verbs);
  const resources = completeResources(r.resources);
  if (verbs.length === 0) throw new Error('at least one verb must be specified');
  warnNonStandard(verbs, warn);
  if (resources.length === 0) throw new Error('at least one resource must be specified');
  validateResources(registry, verbs, resources);
  return typed('Role', RBAC_VERSION, {
    metadata: objectMeta({ name: r.name, namespace: r.namespace }),
    rules: policyRules(registry, verbs, resources, unique(r.resourceNames), []),
  });
}

function validateNonResourceURLs(verbs: string[], urls: string[]): void {
  for (const v of verbs) if (!NON_RESOURCE_VERBS.includes(v)) throw new Error(`invalid verb: '${v}' for nonResourceURL`);
  for (const url of urls) {
    if (url === '*') continue;
    if (!url.startsWith('/')) throw new Error('nonResourceURL should start with /');
    if (url.slice(0, -1).includes('*')) throw new Error("nonResourceURL only supports wildcard matches when '*' is at the end");
  }
}

export function generateClusterRole(registry: Registry, r: RoleInput, warn: (line: string) => void): KubeObject {
  const meta = objectMeta({ name: r.name });
  const urls = r.nonResourceURLs ?? [];
  const aggregation = r.aggregationRule ?? {};
  if (Object.keys(aggregation).length > 0) {
    if (urls.length > 0 || r.verbs.length > 0 || r.resources.length > 0 || r.resourceNames.length > 0) {
      throw new Error('aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames');
    }
    return typed('ClusterRole', RBAC_VERSION, { metadata: meta, rules: null, aggregationRule: { clusterRoleSelectors: [{ matchLabels: aggregation }] } });
  }
  const verbs = completeVerbs(r.verbs);
  const resources = completeResources(r.resources);
  if (verbs.length === 0) throw new Error('at least one verb must be specified');
  if (resources.length === 0 && urls.length === 0) throw new Error('one of resource or nonResourceURL must be specified');
  if (resources.length > 0) {
    warnNonStandard(verbs, warn);
    validateResources(registry, verbs, resources);
  }
  if (urls.length > 0) validateNonResourceURLs(verbs, urls);
  return typed('ClusterRole', RBAC_VERSION, {
    metadata: meta,
    rules: policyRules(registry, verbs, resources, unique(r.resourceNames), unique(urls)),
  });
}
