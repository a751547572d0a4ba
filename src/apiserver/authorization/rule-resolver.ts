/**
 * Which rules apply to a user in a namespace (pkg/registry/rbac/validation/rule.go,
 * DefaultRuleResolver.VisitRulesFor): every ClusterRoleBinding first, then the RoleBindings of the
 * namespace; a binding applies when one of its subjects is the user, one of the user's groups, or
 * the user's service account; its roleRef resolves to the rules of a Role (in the binding's
 * namespace) or a ClusterRole. A roleRef that does not resolve is an error, reported to the visitor,
 * and the walk goes on.
 */
import type { KubeObject } from '../../api/types.js';
import { type PolicyRule, rulesOf } from './rule-match.js';
import { type UserInfo, serviceAccountUsername } from './user-info.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Where the resolver reads RBAC objects from (the store behind the API server, or fixtures in tests). */
export interface RbacReader {
  clusterRoleBindings(): KubeObject[];
  roleBindings(namespace: string): KubeObject[];
  role(namespace: string, name: string): KubeObject | undefined;
  clusterRole(name: string): KubeObject | undefined;
}

/**
 * Called per rule with the binding it came from (its description, as the allow reason names it),
 * or with an error; returning false stops the walk.
 */
export type RuleVisitor = (source: string | undefined, rule: PolicyRule | undefined, error: string | undefined) => boolean;

function describeSubject(s: any, bindingNamespace: string): string {
  if (s.kind === 'ServiceAccount') return `${s.kind} ${JSON.stringify(`${s.name}/${s.namespace || bindingNamespace}`)}`;
  return `${s.kind} ${JSON.stringify(s.name)}`;
}

function describeBinding(b: KubeObject, subject: any): string {
  const ref = b.roleRef ?? {};
  const ns = b.metadata.namespace;
  const name = ns ? `RoleBinding ${JSON.stringify(`${b.metadata.name}/${ns}`)}` : `ClusterRoleBinding ${JSON.stringify(b.metadata.name)}`;
  return `${name} of ${ref.kind} ${JSON.stringify(ref.name)} to ${describeSubject(subject, ns ?? '')}`;
}

function appliesToUser(user: UserInfo, s: any, namespace: string): boolean {
  switch (s?.kind) {
    case 'User':
      return user.username === s.name;
    case 'Group':
      return user.groups.includes(s.name);
    case 'ServiceAccount': {
      // a RoleBinding's subject without a namespace means the binding's own
      const ns = s.namespace || namespace;
      return Boolean(ns) && user.username === serviceAccountUsername(ns, s.name);
    }
    default:
      return false;
  }
}

/** The rules a roleRef names, or the lister's not-found error. */
function roleRefRules(reader: RbacReader, ref: any, namespace: string): PolicyRule[] | string {
  switch (ref?.kind) {
    case 'Role': {
      const role = reader.role(namespace, ref.name);
      return role ? rulesOf(role) : `role.rbac.authorization.k8s.io ${JSON.stringify(ref.name)} not found`;
    }
    case 'ClusterRole': {
      const role = reader.clusterRole(ref.name);
      return role ? rulesOf(role) : `clusterrole.rbac.authorization.k8s.io ${JSON.stringify(ref.name)} not found`;
    }
    default:
      return `unsupported role reference kind: ${JSON.stringify(ref?.kind ?? '')}`;
  }
}

/** Visits the bindings in order; false when the visitor stopped the walk. */
function visitBindings(reader: RbacReader, user: UserInfo, bindings: KubeObject[], namespace: string, visit: RuleVisitor): boolean {
  for (const b of bindings) {
    const subject = ((b.subjects ?? []) as any[]).find((s) => appliesToUser(user, s, namespace));
    if (!subject) continue;
    const rules = roleRefRules(reader, b.roleRef, namespace);
    if (typeof rules === 'string') {
      if (!visit(undefined, undefined, rules)) return false;
      continue;
    }
    const source = describeBinding(b, subject);
    for (const rule of rules) if (!visit(source, rule, undefined)) return false;
  }
  return true;
}

export function visitRulesFor(reader: RbacReader, user: UserInfo, namespace: string, visit: RuleVisitor): void {
  if (!visitBindings(reader, user, reader.clusterRoleBindings(), '', visit)) return;
  if (namespace) visitBindings(reader, user, reader.roleBindings(namespace), namespace, visit);
}

/** Every rule that applies, and the errors met (RulesFor). */
export function rulesFor(reader: RbacReader, user: UserInfo, namespace: string): { rules: PolicyRule[]; errors: string[] } {
  const rules: PolicyRule[] = [];
  const errors: string[] = [];
  visitRulesFor(reader, user, namespace, (_source, rule, error) => {
    if (rule) rules.push(rule);
    if (error) errors.push(error);
    return true;
  });
  return { rules, errors };
}
