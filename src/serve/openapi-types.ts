/**
 * OpenAPI v3 schemas of the built-in types, from the generated structural schema
 * (src/api/schema/types.json) and explain's descriptions and enums: one definition per type, named
 * as kube names it (`V1PodSpec` -> `io.k8s.api.core.v1.PodSpec`), each field's type, format,
 * description and enum, references wrapped in allOf as kube-apiserver's v3 documents do. Built once,
 * on first use; a group version's document takes the closure of its kinds' types.
 */
import type { KindDef } from '../api/kind.js';
import { allKinds } from '../api/kinds/index.js';
import { goStructName, parseTypeExpr, schemaType, schemaTypes, type TypeExpr } from '../api/schema/schema.js';
import { explainDocs } from '../cli/explain/schema-view.js';
import { INT_OR_STRING, META, QUANTITY, TIME, packagePrefix, ref } from './openapi-names.js';

export type Schema = Record<string, unknown>;

export interface TypeSchema {
  name: string;
  schema: Schema;
  /** The types (of types.json) its fields refer to. */
  deps: string[];
}

/** apimachinery's meta/v1 types among the generated ones. */
const META_TYPES = new Set(['V1ObjectMeta', 'V1ManagedFieldsEntry', 'V1OwnerReference', 'V1LabelSelector', 'V1LabelSelectorRequirement', 'V1Condition']);
/** Core types no core kind of ours reaches (kube defines them in core/v1). */
const CORE_TYPES = new Set(['V1PodTemplateSpec', 'V1TopologySelectorTerm', 'V1TopologySelectorLabelRequirement']);
const PREFIXED: Record<string, string> = {
  Core: 'io.k8s.api.core', Rbac: 'io.k8s.api.rbac', Discovery: 'io.k8s.api.discovery',
  Apiextensions: packagePrefix('apiextensions.k8s.io', true),
};

/** Fields the generated schema calls `object` that kube types by a named opaque schema (explain prints the name). */
const OPAQUE: Record<string, string> = {
  'V1ControllerRevision.data': 'io.k8s.apimachinery.pkg.runtime.RawExtension',
  'V1ManagedFieldsEntry.fieldsV1': `${META}.FieldsV1`,
};

let scalars: Record<string, Schema> | undefined;

/**
 * The scalar-like types kube defines by reference: Time, and in v3 IntOrString and Quantity with
 * oneOf and no type, which is why kubectl explain names them (`<IntOrString>`, `map[string]Quantity`).
 * Quantity's description is left empty, as pocketkube's own explain (its docs do not have it).
 */
export function scalarSchemas(): Record<string, Schema> {
  return (scalars ??= {
    [TIME]: { description: explainDocs().Date?.d ?? '', type: 'string', format: 'date-time' },
    [INT_OR_STRING]: {
      description: explainDocs().IntOrString?.d ?? '', format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }],
    },
    [QUANTITY]: { description: '', oneOf: [{ type: 'string' }, { type: 'number' }] },
    ...Object.fromEntries(Object.values(OPAQUE).map((name) => [name, { description: '', type: 'object' }])),
  });
}

let built: Map<string, TypeSchema> | undefined;

/**
 * The definitions of every generated type, by type name (`V1PodSpec`); the built-in kinds' own
 * types carry their x-kubernetes-group-version-kind.
 */
export function builtInTypeSchemas(): Map<string, TypeSchema> {
  if (built) return built;
  const kinds = allKinds;
  const packages = typePackages(kinds);
  const nameOf = (t: string): string => `${packages.get(t) ?? 'io.k8s.api.core'}.${versionOf(t)}.${goStructName(t)}`;
  const out = new Map<string, TypeSchema>();
  for (const typeName of Object.keys(schemaTypes())) out.set(typeName, typeSchema(typeName, nameOf));
  for (const k of kinds) {
    const t = out.get(k.schemaType);
    if (t) t.schema['x-kubernetes-group-version-kind'] = [{ group: k.group, kind: k.kind, version: k.version }];
    for (const [apiVersion, typeName] of Object.entries(k.versionSchemaTypes ?? {})) {
      const other = out.get(typeName);
      if (other) other.schema['x-kubernetes-group-version-kind'] = [{ group: k.group, kind: k.kind, version: apiVersion.slice(apiVersion.indexOf('/') + 1) }];
    }
  }
  return (built = out);
}

/** `V2HPAScalingPolicy` -> `v2`, `CoreV1Event` -> `v1`. */
function versionOf(typeName: string): string {
  const m = /V(\d+(?:(?:alpha|beta)\d+)?)(?=[A-Z])/.exec(typeName);
  return m ? `v${m[1]}` : 'v1';
}

/**
 * Each type's package: meta types and prefixed names (`RbacV1Subject`) by name; the others by the
 * first built-in kind (core kinds first) whose types reach them, as the kind's own type is its own.
 */
function typePackages(kinds: readonly KindDef[]): Map<string, string> {
  const pkg = new Map<string, string>();
  for (const t of Object.keys(schemaTypes())) {
    const prefix = /^([A-Z][a-z]+)V\d/.exec(t)?.[1];
    if (META_TYPES.has(t)) pkg.set(t, META.replace(/\.v1$/, ''));
    else if (CORE_TYPES.has(t)) pkg.set(t, 'io.k8s.api.core');
    else if (prefix && PREFIXED[prefix]) pkg.set(t, PREFIXED[prefix]);
  }
  const builtIns = kinds.filter((k) => k.schemaType !== '' && schemaType(k.schemaType));
  // a kind's own type, and the types of its other served versions (versionSchemaTypes)
  const rootsOf = (k: KindDef): string[] => [k.schemaType, ...Object.values(k.versionSchemaTypes ?? {}).filter((t) => schemaType(t))];
  for (const k of builtIns) for (const t of rootsOf(k)) pkg.set(t, packagePrefix(k.group, true));
  const ordered = [...builtIns.filter((k) => k.group === ''), ...builtIns.filter((k) => k.group !== '')].flatMap((k) => rootsOf(k));
  for (const root of ordered) {
    const own = pkg.get(root)!;
    const queue = [root];
    const seen = new Set(queue);
    while (queue.length) {
      const t = queue.shift()!;
      if (!pkg.has(t)) pkg.set(t, own);
      for (const dep of depsOf(t)) if (!seen.has(dep)) (seen.add(dep), queue.push(dep));
    }
  }
  return pkg;
}

function refsIn(e: TypeExpr, out: string[]): void {
  if (e.kind === 'ref') out.push(e.name);
  else if (e.kind !== 'scalar') refsIn(e.of, out);
}

function depsOf(typeName: string): string[] {
  const out: string[] = [];
  for (const expr of Object.values(schemaType(typeName)?.f ?? {})) refsIn(parseTypeExpr(expr), out);
  return out;
}

function typeSchema(typeName: string, nameOf: (t: string) => string): TypeSchema {
  const t = schemaType(typeName)!;
  const docs = explainDocs()[typeName];
  const int64 = new Set(t.i64 ?? []);
  const properties: Record<string, Schema> = {};
  for (const [field, expr] of Object.entries(t.f)) {
    const e = parseTypeExpr(expr);
    const description = docs?.f[field];
    const enumValues = docs?.e?.[field];
    const opaque = OPAQUE[`${typeName}.${field}`];
    const s = opaque ? ref(opaque) : exprSchema(e, int64.has(field), nameOf);
    const wrapped: Schema = '$ref' in s ? { allOf: [s] } : { ...s };
    if (description) wrapped.description = description;
    if (enumValues && e.kind === 'scalar') wrapped.enum = enumValues;
    properties[field] = wrapped;
  }
  const schema: Schema = { description: docs?.d ?? '', properties, type: 'object' };
  if (t.r.length) schema.required = [...t.r];
  return { name: nameOf(typeName), schema, deps: [...new Set(depsOf(typeName))] };
}

function exprSchema(e: TypeExpr, int64: boolean, nameOf: (t: string) => string): Schema {
  switch (e.kind) {
    case 'array':
      return { type: 'array', items: exprSchema(e.of, int64, nameOf) };
    case 'map':
      return { type: 'object', additionalProperties: exprSchema(e.of, int64, nameOf) };
    case 'ref':
      return ref(nameOf(e.name));
    case 'scalar':
      switch (e.name) {
        case 'integer': return { type: 'integer', format: int64 ? 'int64' : 'int32' };
        case 'number': return { type: 'number', format: 'double' };
        case 'Date': return ref(TIME);
        case 'IntOrString': return ref(INT_OR_STRING);
        case 'Quantity': return ref(QUANTITY);
        case 'Bytes': return { type: 'string', format: 'byte' };
        case 'object': return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
        default: return { type: e.name };
      }
  }
}
