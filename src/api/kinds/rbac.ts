/** rbac.authorization.k8s.io/v1 Role, ClusterRole, RoleBinding and ClusterRoleBinding. */
import { DescribeWriter } from '../describe-writer.js';
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { validateLabelSelector } from '../validation/labels.js';
import { dns1123SubdomainErrors, pathSegmentNameErrors } from '../validation/names.js';
import { ageColumn, createdAtColumn, nameColumn, writeAnnotations } from './meta-columns.js';
import { describeRules, validatePolicyRule } from './rbac-rules.js';
import { invalidRaw } from './go-render.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const GROUP = 'rbac.authorization.k8s.io';

const base = {
  group: GROUP,
  version: 'v1',
  categories: [] as string[],
  statusSubresource: false,
  bumpsGeneration: false,
  nameRule: 'path-segment' as const,
  describeEvents: false,
};

function validateRules(obj: KubeObject, namespaced: boolean): FieldError[] {
  return ((obj.rules ?? []) as any[]).flatMap((r, i) => validatePolicyRule(r, namespaced, `rules[${i}]`));
}

function describeRole(obj: KubeObject): string {
  const w = new DescribeWriter();
  w.write(0, 'Name:', obj.metadata.name ?? '');
  w.writeMap(0, 'Labels', obj.metadata.labels);
  writeAnnotations(w, 0, 'Annotations', obj.metadata.annotations);
  describeRules(w, obj.rules);
  return w.toString();
}

/** SetDefaults_Subject / SetDefaults_*RoleBinding. */
function defaultBinding(obj: KubeObject): void {
  obj.roleRef ??= {};
  if (!obj.roleRef.apiGroup) obj.roleRef.apiGroup = GROUP;
  for (const s of (obj.subjects ?? []) as any[]) {
    if (s && !s.apiGroup && (s.kind === 'User' || s.kind === 'Group')) s.apiGroup = GROUP;
  }
}

function validateSubject(s: any, namespaced: boolean, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!s?.name) errs.push(fe.required(`${field}.name`));
  switch (s?.kind) {
    case 'ServiceAccount':
      if (s.name) errs.push(...dns1123SubdomainErrors(s.name).map((m) => fe.invalid(`${field}.name`, s.name, m)));
      if (s.apiGroup) errs.push(fe.unsupported(`${field}.apiGroup`, s.apiGroup, ['']));
      if (!namespaced && !s.namespace) errs.push(fe.required(`${field}.namespace`));
      break;
    case 'User':
    case 'Group':
      if (s.apiGroup !== GROUP) errs.push(fe.unsupported(`${field}.apiGroup`, s.apiGroup ?? '', [GROUP]));
      break;
    default:
      errs.push(fe.unsupported(`${field}.kind`, s?.kind ?? '', ['ServiceAccount', 'User', 'Group']));
  }
  return errs;
}

function validateBinding(obj: KubeObject, roleKinds: string[], namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const ref = obj.roleRef ?? {};
  if (ref.apiGroup !== GROUP) errs.push(fe.unsupported('roleRef.apiGroup', ref.apiGroup ?? '', [GROUP]));
  if (!roleKinds.includes(ref.kind)) errs.push(fe.unsupported('roleRef.kind', ref.kind ?? '', roleKinds));
  if (!ref.name) errs.push(fe.required('roleRef.name'));
  else errs.push(...pathSegmentNameErrors(ref.name).map((m) => fe.invalid('roleRef.name', ref.name, m)));
  ((obj.subjects ?? []) as any[]).forEach((s, i) => errs.push(...validateSubject(s, namespaced, `subjects[${i}]`)));
  return errs;
}

/** `cannot change roleRef`, with the RoleRef printed as Go's `%#v`. */
function validateRoleRefUnchanged(obj: KubeObject, old: KubeObject): FieldError[] {
  const a = obj.roleRef ?? {};
  const b = old.roleRef ?? {};
  if (a.apiGroup === b.apiGroup && a.kind === b.kind && a.name === b.name) return [];
  const raw = `rbac.RoleRef{APIGroup:${JSON.stringify(a.apiGroup ?? '')}, Kind:${JSON.stringify(a.kind ?? '')}, Name:${JSON.stringify(a.name ?? '')}}`;
  return [invalidRaw('roleRef', raw, 'cannot change roleRef')];
}

/** rbac.SubjectsStrings for the wide USERS / GROUPS / SERVICEACCOUNTS cells. */
function subjectsOf(obj: KubeObject, kind: string): string {
  return ((obj.subjects ?? []) as any[])
    .filter((s) => s.kind === kind)
    .map((s) => (kind === 'ServiceAccount' ? `${s.namespace ?? ''}/${s.name}` : s.name))
    .join(', ');
}

const bindingColumns = [
  nameColumn,
  { name: 'ROLE', cell: (o: KubeObject) => `${o.roleRef?.kind ?? ''}/${o.roleRef?.name ?? ''}` },
  ageColumn,
  { name: 'USERS', priority: 1 as const, cell: (o: KubeObject) => subjectsOf(o, 'User') },
  { name: 'GROUPS', priority: 1 as const, cell: (o: KubeObject) => subjectsOf(o, 'Group') },
  { name: 'SERVICEACCOUNTS', priority: 1 as const, cell: (o: KubeObject) => subjectsOf(o, 'ServiceAccount') },
];

function describeBinding(obj: KubeObject): string {
  const w = new DescribeWriter();
  w.write(0, 'Name:', obj.metadata.name ?? '');
  w.writeMap(0, 'Labels', obj.metadata.labels);
  writeAnnotations(w, 0, 'Annotations', obj.metadata.annotations);
  w.write(0, 'Role:');
  w.write(1, 'Kind:', String(obj.roleRef?.kind ?? ''));
  w.write(1, 'Name:', String(obj.roleRef?.name ?? ''));
  w.write(0, 'Subjects:');
  w.write(1, 'Kind', 'Name', 'Namespace');
  w.write(1, '----', '----', '---------');
  for (const s of (obj.subjects ?? []) as any[]) w.write(1, String(s.kind ?? ''), String(s.name ?? ''), String(s.namespace ?? ''));
  return w.toString();
}

export const roleKind: KindDef = {
  ...base,
  kind: 'Role',
  plural: 'roles',
  singular: 'role',
  shortNames: [],
  namespaced: true,
  schemaType: 'V1Role',
  validate: (o) => validateRules(o, true),
  columns: [nameColumn, createdAtColumn],
  describe: describeRole,
};

export const clusterRoleKind: KindDef = {
  ...base,
  kind: 'ClusterRole',
  plural: 'clusterroles',
  singular: 'clusterrole',
  shortNames: [],
  namespaced: false,
  schemaType: 'V1ClusterRole',
  validate(o) {
    const errs = validateRules(o, false);
    const agg = o.aggregationRule;
    if (agg) {
      const selectors: any[] = agg.clusterRoleSelectors ?? [];
      if (selectors.length === 0) {
        errs.push(fe.required('aggregationRule.clusterRoleSelectors', 'at least one clusterRoleSelector required if aggregationRule is non-nil'));
      }
      selectors.forEach((s, i) => errs.push(...validateLabelSelector(s, `aggregationRule.clusterRoleSelectors[${i}]`)));
    }
    return errs;
  },
  columns: [nameColumn, createdAtColumn],
  describe: describeRole,
};

export const roleBindingKind: KindDef = {
  ...base,
  kind: 'RoleBinding',
  plural: 'rolebindings',
  singular: 'rolebinding',
  shortNames: [],
  namespaced: true,
  schemaType: 'V1RoleBinding',
  defaults: defaultBinding,
  validate: (o) => validateBinding(o, ['Role', 'ClusterRole'], true),
  validateUpdate: validateRoleRefUnchanged,
  columns: bindingColumns,
  describe: describeBinding,
};

export const clusterRoleBindingKind: KindDef = {
  ...base,
  kind: 'ClusterRoleBinding',
  plural: 'clusterrolebindings',
  singular: 'clusterrolebinding',
  shortNames: [],
  namespaced: false,
  schemaType: 'V1ClusterRoleBinding',
  defaults: defaultBinding,
  validate: (o) => validateBinding(o, ['ClusterRole'], false),
  validateUpdate: validateRoleRefUnchanged,
  columns: bindingColumns,
  describe: describeBinding,
};
