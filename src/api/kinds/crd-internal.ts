/**
 * The internal (hub) form of a CustomResourceDefinition spec that Kubernetes validates, and the Go
 * `%#v` renderings its field errors show. A v1 object is converted before validation
 * (Convert_v1_CustomResourceDefinitionSpec_To_apiextensions_CustomResourceDefinitionSpec): per-version
 * schema, subresources, printer columns and selectable fields that are identical in every version
 * move to the top level (spec.validation, spec.subresources, spec.additionalPrinterColumns,
 * spec.selectableFields), and spec.version is versions[0].name. That is why a single-version CRD's
 * schema errors are reported under `spec.validation.openAPIV3Schema`, not `spec.versions[0].schema`.
 */
import { deepEqual } from './workload-validation.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface InternalVersion {
  name: string;
  served: boolean;
  storage: boolean;
  deprecated: boolean;
  deprecationWarning?: string;
  schema?: any;
  subresources?: any;
  additionalPrinterColumns?: any[];
  selectableFields?: any[];
}

export interface InternalSpec {
  group: string;
  scope: string;
  names: any;
  preserveUnknownFields: boolean;
  conversion?: any;
  /** versions[0].name, or '' without versions. */
  version: string;
  /** undefined when spec.versions is absent (Go's nil slice), [] when given empty. */
  versions?: InternalVersion[];
  validation?: any;
  subresources?: any;
  additionalPrinterColumns?: any[];
  selectableFields?: any[];
}

const isSet = (v: unknown): boolean => v !== undefined && v !== null;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Drops absent and empty-list values, so nil and empty slices compare equal (apiequality.Semantic). */
function semantic(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(semantic);
  if (v === null || typeof v !== 'object') return v ?? undefined;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const s = semantic(x);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

export function semanticEqual(a: unknown, b: unknown): boolean {
  return deepEqual(semantic(a), semantic(b));
}

type PerVersion = 'schema' | 'subresources' | 'additionalPrinterColumns' | 'selectableFields';

export function toInternal(spec: any): InternalSpec {
  const out: InternalSpec = {
    group: str(spec?.group),
    scope: str(spec?.scope),
    names: spec?.names ?? {},
    preserveUnknownFields: spec?.preserveUnknownFields === true,
    conversion: spec?.conversion ?? undefined,
    version: '',
  };
  if (!Array.isArray(spec?.versions)) return out;
  const versions: InternalVersion[] = spec.versions.map((v: any) => ({
    name: str(v?.name),
    served: v?.served === true,
    storage: v?.storage === true,
    deprecated: v?.deprecated === true,
    deprecationWarning: typeof v?.deprecationWarning === 'string' ? v.deprecationWarning : undefined,
    schema: v?.schema ?? undefined,
    subresources: v?.subresources ?? undefined,
    additionalPrinterColumns: v?.additionalPrinterColumns ?? undefined,
    selectableFields: v?.selectableFields ?? undefined,
  }));
  out.versions = versions;
  if (versions.length === 0) return out;
  out.version = versions[0].name;
  const identical = (f: PerVersion): boolean => versions.every((v) => semanticEqual(v[f], versions[0][f]));
  const hoist = (f: PerVersion, to: 'validation' | PerVersion): void => {
    (out as any)[to] = versions[0][f];
    for (const v of versions) v[f] = undefined;
  };
  const schemas = identical('schema');
  const selectable = schemas && identical('selectableFields');
  if (identical('subresources')) hoist('subresources', 'subresources');
  if (identical('additionalPrinterColumns')) hoist('additionalPrinterColumns', 'additionalPrinterColumns');
  if (selectable) hoist('selectableFields', 'selectableFields');
  if (schemas) hoist('schema', 'validation');
  return out;
}

/** The schema of the internal form that applies to one version (GetSchemaForVersion). */
export function schemaOf(spec: InternalSpec, v: InternalVersion): any {
  return (spec.validation ?? v.schema)?.openAPIV3Schema;
}

/** SchemaHas: whether pred holds for the schema or any schema nested in it. */
export function schemaHas(s: any, pred: (s: any) => boolean): boolean {
  if (!s || typeof s !== 'object' || Array.isArray(s)) return false;
  if (pred(s)) return true;
  const subs: unknown[] = [
    ...(Array.isArray(s.items) ? s.items : [s.items]),
    ...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? []), s.not,
    ...Object.values(s.properties ?? {}), s.additionalProperties,
    ...Object.values(s.patternProperties ?? {}), s.additionalItems,
    ...Object.values(s.definitions ?? {}), ...Object.values(s.dependencies ?? {}),
  ];
  return subs.some((x) => schemaHas(x, pred));
}

/** HasSchemaWith over the top-level and per-version schemas. */
export function specHasSchemaWith(spec: InternalSpec, pred: (s: any) => boolean): boolean {
  if (schemaHas(spec.validation?.openAPIV3Schema, pred)) return true;
  return (spec.versions ?? []).some((v) => schemaHas(v.schema?.openAPIV3Schema, pred));
}

// ---- Go %#v renderings (pointers print as a placeholder address, as elsewhere in pocketkube) ----

const PTR = '0xc000000000';
const q = (s: unknown): string => JSON.stringify(str(s));
const ptr = (type: string, v: unknown): string => `(*${type})(${isSet(v) ? PTR : 'nil'})`;

function goColumns(cols: any[] | undefined): string {
  const t = 'apiextensions.CustomResourceColumnDefinition';
  if (!cols) return `[]${t}(nil)`;
  return `[]${t}{${cols.map((c) => `${t}{Name:${q(c?.name)}, Type:${q(c?.type)}, Format:${q(c?.format)}, ` +
    `Description:${q(c?.description)}, Priority:${Number(c?.priority ?? 0)}, JSONPath:${q(c?.jsonPath)}}`).join(', ')}}`;
}

function goSelectable(fields: any[] | undefined): string {
  const t = 'apiextensions.SelectableField';
  if (!fields) return `[]${t}(nil)`;
  return `[]${t}{${fields.map((f) => `${t}{JSONPath:${q(f?.jsonPath)}}`).join(', ')}}`;
}

/** `%#v` of the internal []CustomResourceDefinitionVersion (the value of spec.versions errors). */
export function goVersions(versions: InternalVersion[] | undefined): string {
  const t = 'apiextensions.CustomResourceDefinitionVersion';
  if (!versions) return `[]${t}(nil)`;
  return `[]${t}{${versions.map((v) => `${t}{Name:${q(v.name)}, Served:${v.served}, Storage:${v.storage}, ` +
    `Deprecated:${v.deprecated}, DeprecationWarning:${ptr('string', v.deprecationWarning)}, ` +
    `Schema:${ptr('apiextensions.CustomResourceValidation', v.schema)}, ` +
    `Subresources:${ptr('apiextensions.CustomResourceSubresources', v.subresources)}, ` +
    `AdditionalPrinterColumns:${goColumns(v.additionalPrinterColumns)}, SelectableFields:${goSelectable(v.selectableFields)}}`).join(', ')}}`;
}

/** `%#v` of a []string that may be nil. */
export function goStrings(values: unknown): string {
  if (!Array.isArray(values)) return '[]string(nil)';
  return `[]string{${values.map(q).join(', ')}}`;
}
