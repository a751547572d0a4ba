/**
 * ValidateCustomResourceDefinition / ValidateCustomResourceDefinitionUpdate of
 * k8s.io/apiextensions-apiserver (pkg/apis/apiextensions/validation/validation.go, v1.32), run on
 * the internal form of the spec (crd-internal.ts), with Kubernetes' field paths, messages and order.
 * The object meta itself (DNS-1123 name, labels…) is validated by the API server before this runs.
 */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KubeObject } from '../types.js';
import { dns1035LabelErrors, dns1123SubdomainErrors } from '../validation/names.js';
import { goStrings, goVersions, type InternalSpec, type InternalVersion, schemaOf, specHasSchemaWith, toInternal } from './crd-internal.js';
import { validateConversion } from './crd-conversion-validation.js';
import {
  deprecationWarningErrors, validateColumn, validateSchemaBlock, validateSelectableFields, validateSubresources,
} from './crd-parts-validation.js';
import { invalidRaw } from './go-render.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): any[] => (Array.isArray(v) ? v : []);
const hasStatus = (sub: any): boolean => sub?.status !== undefined && sub?.status !== null;
const isSet = (v: unknown): boolean => v !== undefined && v !== null;

/** specHasKubernetesExtensions' predicate (x-kubernetes-map-type is not one of them). */
const hasKubernetesExtensions = (s: any): boolean =>
  s['x-kubernetes-embedded-resource'] === true || s['x-kubernetes-int-or-string'] === true ||
  isSet(s['x-kubernetes-preserve-unknown-fields']) || isSet(s['x-kubernetes-list-type']) ||
  list(s['x-kubernetes-list-map-keys']).length > 0 || list(s['x-kubernetes-validations']).length > 0;

/** validateEnumStrings with required=true. */
function enumField(field: string, value: string, accepted: string[]): FieldError[] {
  if (!value) return [fe.required(field, '')];
  return accepted.includes(value) ? [] : [fe.unsupported(field, value, accepted)];
}

/** ValidateCustomResourceDefinitionNames (for spec.names and status.acceptedNames). */
export function validateNames(names: any, p: string): FieldError[] {
  const errs: FieldError[] = [];
  const label = (field: string, value: string, mixedCase = false): void => {
    const msgs = dns1035LabelErrors(mixedCase ? value.toLowerCase() : value);
    if (value && msgs.length > 0) errs.push(fe.invalid(`${p}.${field}`, value, (mixedCase ? 'may have mixed case, but should otherwise match: ' : '') + msgs.join(',')));
  };
  label('plural', str(names?.plural));
  label('singular', str(names?.singular));
  label('kind', str(names?.kind), true);
  label('listKind', str(names?.listKind), true);
  list(names?.shortNames).forEach((s, i) => {
    const msgs = dns1035LabelErrors(str(s));
    if (msgs.length > 0) errs.push(fe.invalid(`${p}.shortNames[${i}]`, s, msgs.join(',')));
  });
  if (str(names?.kind) && names.kind === names.listKind) errs.push(fe.invalid(`${p}.listKind`, names.listKind, 'kind and listKind may not be the same'));
  list(names?.categories).forEach((c, i) => {
    const msgs = dns1035LabelErrors(str(c));
    if (msgs.length > 0) errs.push(fe.invalid(`${p}.categories[${i}]`, c, msgs.join(',')));
  });
  return errs;
}

/** validateCustomResourceDefinitionVersion: the parts a version keeps when they differ between versions. */
function validateVersion(spec: InternalSpec, v: InternalVersion, p: string, statusEnabled: boolean, requireStructural: boolean): FieldError[] {
  const errs = deprecationWarningErrors(v.deprecated, v.deprecationWarning).map((m) => fe.invalid(`${p}.deprecationWarning`, v.deprecationWarning ?? null, m));
  errs.push(...validateSchemaBlock(v.schema, statusEnabled, requireStructural, `${p}.schema`));
  errs.push(...validateSubresources(v.subresources, `${p}.subresources`));
  list(v.additionalPrinterColumns).forEach((c, i) => errs.push(...validateColumn(c, `${p}.additionalPrinterColumns[${i}]`)));
  if (list(v.selectableFields).length > 0) {
    const schema = schemaOf(spec, v);
    if (!schema) errs.push(fe.invalid(`${p}.selectableFields`, '', 'may only be set when `version.schema.openAPIV3Schema` is not included'));
    else errs.push(...validateSelectableFields(list(v.selectableFields), schema, `${p}.selectableFields`));
  }
  return errs;
}

/** validateCustomResourceDefinitionSpec. */
function validateSpec(spec: InternalSpec): FieldError[] {
  const errs: FieldError[] = [];
  const { group } = spec;
  if (!group) errs.push(fe.required('spec.group', ''));
  else if (dns1123SubdomainErrors(group).length > 0) errs.push(fe.invalid('spec.group', group, dns1123SubdomainErrors(group).join(',')));
  else if (!group.includes('.')) errs.push(fe.invalid('spec.group', group, 'should be a domain with at least one dot'));
  errs.push(...enumField('spec.scope', spec.scope, ['Cluster', 'Namespaced']));

  // pruning (preserveUnknownFields=false, the only value v1 accepts) requires structural schemas
  let requireStructural = !spec.preserveUnknownFields;
  const versions = spec.versions ?? [];
  if (!spec.validation?.openAPIV3Schema) {
    versions.forEach((v, i) => {
      if (!v.schema?.openAPIV3Schema) errs.push(fe.required(`spec.versions[${i}].schema.openAPIV3Schema`, 'schemas are required'));
    });
  }
  if (specHasSchemaWith(spec, (s) => isSet(s.default))) {
    requireStructural = true;
    if (spec.preserveUnknownFields) errs.push(fe.invalid('spec.preserveUnknownFields', true, 'must be false in order to use defaults in the schema'));
  }
  if (specHasSchemaWith(spec, hasKubernetesExtensions)) requireStructural = true;

  const names = new Set<string>();
  let unique = true;
  versions.forEach((v, i) => {
    if (names.has(v.name)) unique = false;
    names.add(v.name);
    const msgs = dns1035LabelErrors(v.name);
    if (msgs.length > 0) errs.push(fe.invalid(`spec.versions[${i}].name`, v.name, msgs.join(',')));
    const sub = versions.some((x) => x.subresources) ? v.subresources : spec.subresources;
    errs.push(...validateVersion(spec, v, `spec.versions[${i}]`, hasStatus(sub), requireStructural));
  });
  if (!unique) errs.push(invalidRaw('spec.versions', goVersions(spec.versions), 'must contain unique version names'));
  if (versions.filter((v) => v.storage).length !== 1) {
    errs.push(invalidRaw('spec.versions', goVersions(spec.versions), 'must have exactly one version marked as storage version'));
  }
  // the internal spec.version is versions[0].name, so a bad first name is reported twice, as in Kubernetes
  if (spec.version) {
    const msgs = dns1035LabelErrors(spec.version);
    if (msgs.length > 0) errs.push(fe.invalid('spec.version', spec.version, msgs.join(',')));
  }

  for (const field of ['plural', 'singular', 'kind', 'listKind']) {
    if (!str(spec.names?.[field])) errs.push(fe.required(`spec.names.${field}`, ''));
  }
  errs.push(...validateNames(spec.names, 'spec.names'));
  const anyStatus = hasStatus(spec.subresources) || versions.some((v) => hasStatus(v.subresources));
  errs.push(...validateSchemaBlock(spec.validation, anyStatus, requireStructural, 'spec.validation'));
  errs.push(...validateSubresources(spec.subresources, 'spec.subresources'));
  list(spec.additionalPrinterColumns).forEach((c, i) => errs.push(...validateColumn(c, `spec.additionalPrinterColumns[${i}]`)));
  if (list(spec.selectableFields).length > 0) {
    if (!spec.validation) errs.push(fe.invalid('spec.selectableFields', '', 'may only be set when validations.schema is included'));
    else errs.push(...validateSelectableFields(list(spec.selectableFields), spec.validation.openAPIV3Schema, 'spec.selectableFields'));
  }
  errs.push(...validateConversion(spec.conversion, spec.preserveUnknownFields));
  return errs;
}

/** ValidateCustomResourceDefinitionStoredVersions. */
function validateStoredVersions(stored: unknown, versions: InternalVersion[]): FieldError[] {
  const p = 'status.storedVersions';
  if (!Array.isArray(stored) || stored.length === 0) return [invalidRaw(p, goStrings(stored), 'must have at least one stored version')];
  const errs: FieldError[] = [];
  for (const v of versions) {
    if (v.storage && !stored.includes(v.name)) errs.push(fe.invalid(p, stored, `must have the storage version ${v.name}`));
  }
  stored.forEach((s, i) => {
    if (versions.some((v) => v.name === s) || stored.indexOf(s, i + 1) >= 0) return;
    errs.push(fe.invalid(`${p}[${i}]`, s, `missing from spec.versions; ${s} was previously a storage version, and must remain in spec.versions ` +
      `until a storage migration ensures no data remains persisted in ${s} and removes ${s} from status.storedVersions`));
  });
  return errs;
}

const APPROVAL = 'api-approved.kubernetes.io';
const APPROVAL_PR = 'see https://github.com/kubernetes/enhancements/pull/1111';

/**
 * validateAPIApproval on create: groups under k8s.io and kubernetes.io need an approval annotation.
 * (An update that keeps the approval state is not checked again in Kubernetes; objects stored here
 * passed this check when created, so the create form serves both.)
 */
function validateAPIApproval(crd: KubeObject, group: string): FieldError[] {
  if (!/(^|\.)(k8s\.io|kubernetes\.io)$/.test(group)) return [];
  const state = (o: KubeObject): string => {
    const value = o.metadata.annotations?.[APPROVAL];
    if (value === undefined) return 'missing';
    if (value.startsWith('unapproved')) return 'bypassed';
    return /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]+/.test(value) ? 'approved' : 'invalid';
  };
  const now = state(crd);
  if (now === 'approved' || now === 'bypassed') return [];
  const p = `metadata.annotations[${APPROVAL}]`;
  if (now === 'missing') return [fe.required(p, `protected groups must have approval annotation "${APPROVAL}", ${APPROVAL_PR}`)];
  return [fe.invalid(p, crd.metadata.annotations?.[APPROVAL], `protected groups must have approval annotation "${APPROVAL}" with either a URL or a reason starting with "unapproved", ${APPROVAL_PR}`)];
}

/**
 * ValidateCustomResourceDefinition, without the generic object meta checks. The API server runs it
 * on updates too (then adds validateCustomResourceDefinitionUpdate): preserveUnknownFields can never
 * have been stored as true here, so its update exemption does not arise.
 */
export function validateCustomResourceDefinition(crd: KubeObject): FieldError[] {
  const spec = toInternal(crd.spec);
  const errs: FieldError[] = [];
  const required = `${str(spec.names?.plural)}.${spec.group}`;
  const nameMsg = 'must be spec.names.plural+"."+spec.group';
  if (crd.metadata.generateName) errs.push(fe.invalid('metadata.generateName', crd.metadata.generateName, nameMsg));
  if (crd.metadata.name && crd.metadata.name !== required) errs.push(fe.invalid('metadata.name', crd.metadata.name, nameMsg));
  errs.push(...validateSpec(spec));
  errs.push(...validateNames(crd.status?.acceptedNames, 'status.acceptedNames'));
  errs.push(...validateStoredVersions(crd.status?.storedVersions, spec.versions ?? []));
  errs.push(...validateAPIApproval(crd, spec.group));
  if (spec.preserveUnknownFields) {
    errs.push(fe.invalid('spec.preserveUnknownFields', true, 'cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead'));
  }
  return errs;
}

const isEstablished = (crd: KubeObject): boolean =>
  list(crd.status?.conditions).some((c) => c?.type === 'Established' && c?.status === 'True');

/** The immutable fields of ValidateCustomResourceDefinitionSpecUpdate. */
export function validateCustomResourceDefinitionUpdate(crd: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const now = crd.spec ?? {};
  const was = old.spec ?? {};
  const immutable = (field: string, a: unknown, b: unknown): void => {
    if (str(a) !== str(b)) errs.push(fe.immutable(field, str(a)));
  };
  // scope and kind decide how objects are stored: fixed once the CRD is established
  if (isEstablished(old)) {
    immutable('spec.scope', now.scope, was.scope);
    immutable('spec.names.kind', now.names?.kind, was.names?.kind);
  }
  immutable('spec.group', now.group, was.group);
  immutable('spec.names.plural', now.names?.plural, was.names?.plural);
  return errs;
}
