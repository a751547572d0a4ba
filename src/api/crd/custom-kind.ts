/**
 * The kind a CustomResourceDefinition serves, described like a built-in one (DESIGN rule 2) so that
 * the API server, the printers and every command treat custom resources as they treat pods: names
 * from the CRD's accepted names, scope, the version served (its structural schema decides unknown
 * fields, defaults and validation), the status and scale subresources, and the printer columns.
 *
 * One version is served as the resource's own (the storage version when it is served, else the
 * first served one); bodies in the CRD's other served versions are taken as that one (conversion
 * strategy None: only apiVersion changes).
 */
import type { FieldError } from '../field-error.js';
import { deepEqual } from '../patch/json-value.js';
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { describeGeneric } from '../kinds/generic-describe.js';
import { dropUnknownFields, decodeCheck } from '../schema/strict.js';
import type { JSONSchemaProps } from './json-schema.js';
import { printerColumns, type PrinterColumn } from './printer-columns.js';
import { applyDefaults, pruneNonNullableNulls } from './schema-defaulting.js';
import { unknownFields } from './schema-pruning.js';
import { validateAgainstSchema } from './schema-validation.js';

export const CRD_GROUP = 'apiextensions.k8s.io';
export const CRD_RESOURCE = 'customresourcedefinitions';
/** apiextensions.CustomResourceCleanupFinalizer: a CRD being deleted keeps it until its custom resources are gone. */
export const CRD_CLEANUP_FINALIZER = 'customresourcecleanup.apiextensions.k8s.io';

interface CrdVersion {
  name: string;
  served?: boolean;
  storage?: boolean;
  schema?: { openAPIV3Schema?: JSONSchemaProps };
  subresources?: { status?: object; scale?: { specReplicasPath?: string } };
  additionalPrinterColumns?: PrinterColumn[];
}

interface CrdNames {
  plural?: string;
  singular?: string;
  kind?: string;
  listKind?: string;
  shortNames?: string[];
  categories?: string[];
}

/** Whether the CRD's Established condition is True: its resource is served from then on. */
export function isEstablished(crd: KubeObject): boolean {
  const conditions: { type?: string; status?: string }[] = crd.status?.conditions ?? [];
  return conditions.some((c) => c.type === 'Established' && c.status === 'True');
}

/** The version a CRD's resource is served as (see the file comment), if any is served. */
export function servedVersion(crd: KubeObject): CrdVersion | undefined {
  const versions: CrdVersion[] = crd.spec?.versions ?? [];
  const served = versions.filter((v) => v.served);
  return served.find((v) => v.storage) ?? served[0];
}

/** The metadata's unknown fields, as the decoder into ObjectMeta names them (`metadata.x`). */
function unknownMetaFields(obj: KubeObject, drop: boolean): string[] {
  const found = drop ? dropUnknownFields(obj.metadata, 'V1ObjectMeta') : decodeCheck(obj.metadata, 'V1ObjectMeta').unknownFields;
  return found.map((f) => f.replace(/^unknown field "/, 'unknown field "metadata.'));
}

/** The kind the CRD serves, or undefined when it serves no version. */
export function customKindOf(crd: KubeObject): KindDef | undefined {
  const version = servedVersion(crd);
  if (!version) return undefined;
  const group: string = crd.spec?.group ?? '';
  const names: CrdNames = { ...(crd.spec?.names ?? {}), ...(crd.status?.acceptedNames ?? {}) };
  const plural = names.plural ?? '';
  const kind = names.kind ?? '';
  const schema: JSONSchemaProps = version.schema?.openAPIV3Schema ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  const hasStatus = version.subresources?.status !== undefined;
  const others = ((crd.spec?.versions ?? []) as CrdVersion[])
    .filter((v) => v.served && v.name !== version.name)
    .map((v) => `${group}/${v.name}`);
  return {
    group,
    version: version.name,
    kind,
    plural,
    resource: `${plural}.${group}`,
    singular: names.singular ?? kind.toLowerCase(),
    shortNames: names.shortNames ?? [],
    categories: names.categories ?? [],
    namespaced: crd.spec?.scope !== 'Cluster',
    schemaType: '',
    // the schema's unknown paths (sorted), then the metadata's, as the API server reports them
    unknownFields: (obj, drop) => [...unknownFields(obj, schema, { drop }), ...unknownMetaFields(obj, drop)],
    alsoServed: others,
    customSchema: schema,
    statusSubresource: hasStatus,
    // customResourceStrategy: a create cannot set the status a status subresource owns; without
    // one, a status change is a change like any other and bumps the generation
    prepareForCreate: (obj) => {
      if (hasStatus) delete obj.status;
    },
    prepareForUpdate: (obj, old) => {
      if (!hasStatus && !deepEqual(obj.status, old.status)) obj.metadata.generation = (old.metadata.generation ?? 0) + 1;
    },
    scaleSubresource: version.subresources?.scale?.specReplicasPath === '.spec.replicas',
    bumpsGeneration: true,
    nameRule: 'subdomain',
    defaults: (obj) => {
      // the decoder's order: nulls the schema does not allow go, then the defaults fill in
      pruneNonNullableNulls(obj, schema);
      applyDefaults(obj, schema);
    },
    validate: (obj): FieldError[] => validateAgainstSchema(obj, schema),
    columns: printerColumns(version.additionalPrinterColumns),
    describe: describeGeneric,
    describeEvents: true,
  };
}
