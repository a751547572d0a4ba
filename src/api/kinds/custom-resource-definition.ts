/**
 * apiextensions.k8s.io/v1 CustomResourceDefinition: the kind itself — names, defaults
 * (SetDefaults_CustomResourceDefinition), the registry strategy's create/update preparation,
 * validation (crd-validation.ts) and kubectl's output. Serving the custom resources a CRD defines
 * is done elsewhere (src/api/crd, the API server and the CRD controllers).
 */
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { validateCustomResourceDefinition, validateCustomResourceDefinitionUpdate } from './crd-validation.js';
import { describeGeneric } from './generic-describe.js';
import { createdAtColumn, nameColumn } from './meta-columns.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const isObj = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first version marked storage (the strategy records only that one). */
function storageVersion(crd: KubeObject): string | undefined {
  const versions: any[] = Array.isArray(crd.spec?.versions) ? crd.spec.versions : [];
  const v = versions.find((x) => x?.storage === true);
  return typeof v?.name === 'string' ? v.name : undefined;
}

/** SetDefaults_CustomResourceDefinition and SetDefaults_ServiceReference (v1). */
function defaults(crd: KubeObject): void {
  if (!isObj(crd.spec)) crd.spec = {};
  const spec = crd.spec;
  const names = spec.names;
  if (isObj(names) && typeof names.kind === 'string') {
    if (!names.singular) names.singular = names.kind.toLowerCase();
    if (!names.listKind && names.kind) names.listKind = `${names.kind}List`;
  }
  if (!isObj(spec.conversion)) spec.conversion = { strategy: 'None' };
  const service = spec.conversion.webhook?.clientConfig?.service;
  if (isObj(service)) service.port ??= 443;
  // served and storage are plain (non-omitempty) bools in Go: the API always returns them
  for (const v of Array.isArray(spec.versions) ? spec.versions : []) {
    if (!isObj(v)) continue;
    v.served ??= false;
    v.storage ??= false;
  }
  const storage = storageVersion(crd);
  if (storage && !(Array.isArray(crd.status?.storedVersions) && crd.status.storedVersions.length > 0)) {
    crd.status = { ...(isObj(crd.status) ? crd.status : {}), storedVersions: [storage] };
  }
}

/**
 * The strategy's PrepareForCreate: status starts empty (its non-omitempty acceptedNames as Go
 * serialises them), except that the storage version is recorded as stored.
 */
function prepareForCreate(crd: KubeObject): void {
  const storage = storageVersion(crd);
  crd.status = { acceptedNames: { kind: '', plural: '' }, ...(storage ? { storedVersions: [storage] } : {}) };
}

/**
 * PrepareForUpdate: the status stays as stored (the API server keeps it for kinds with a status
 * subresource) and a new storage version joins status.storedVersions; the generation is bumped by
 * the server when the spec changes.
 */
function prepareForUpdate(crd: KubeObject): void {
  const storage = storageVersion(crd);
  if (!storage) return;
  const status = isObj(crd.status) ? crd.status : {};
  const stored: string[] = Array.isArray(status.storedVersions) ? status.storedVersions : [];
  if (!stored.includes(storage)) crd.status = { ...status, storedVersions: [...stored, storage] };
}

export const customResourceDefinitionKind: KindDef = {
  group: 'apiextensions.k8s.io',
  version: 'v1',
  kind: 'CustomResourceDefinition',
  plural: 'customresourcedefinitions',
  singular: 'customresourcedefinition',
  shortNames: ['crd', 'crds'],
  categories: ['api-extensions'],
  namespaced: false,
  schemaType: 'V1CustomResourceDefinition',
  statusSubresource: true,
  bumpsGeneration: true,
  // a DNS-1123 subdomain; that it is <plural>.<group> is checked by validate
  nameRule: 'subdomain',
  defaults,
  prepareForCreate,
  prepareForUpdate,
  validate: validateCustomResourceDefinition,
  validateUpdate: validateCustomResourceDefinitionUpdate,
  // the API server's default table (CRDs have no printer of their own): NAME, CREATED AT
  columns: [nameColumn, createdAtColumn],
  // kubectl has no CRD describer: `describe crd` uses the generic one
  describe: (crd) => describeGeneric(crd),
  describeEvents: true,
};
