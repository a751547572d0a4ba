import { additionalSchema, itemsSchema, type JSONSchemaProps } from '../../api/crd/json-schema.js';
import { compareGoStrings, goFloat } from '../../api/crd/go-values.js';
import { goStructName } from '../../api/schema/schema.js';

/**
 * A custom resource's schema as kube-apiserver serves it in the OpenAPI v3 document kubectl explain
 * reads (apiextensions-apiserver pkg/controller/openapi/builder: BuildOpenAPIV3 with no stripping,
 * so enums stay): the CRD version's openAPIV3Schema through the structural schema's ToKubeOpenAPI,
 * then buildKubeNative replaces apiVersion, kind and metadata at the root with the standard ones
 * and addEmbeddedProperties adds them to each x-kubernetes-embedded-resource. Only what the
 * template reads is kept (defaults, formats, bounds and patterns it never prints).
 */
export interface DocSchema {
  description?: string;
  type?: string;
  properties?: Record<string, DocSchema>;
  items?: DocSchema;
  /** Only the schema form: the template skips a boolean additionalProperties. */
  additionalProperties?: DocSchema;
  allOf?: DocSchema[];
  enum?: unknown[];
  required?: string[];
  /**
   * A type of the generated schema the document references (`V1ObjectMeta`), explained from the
   * built-in docs. builder3's wrapRefs puts a $ref that has siblings under allOf, as for metadata.
   */
  $ref?: string;
}

/** TypeMeta's generated OpenAPI, which addTypeMetaProperties puts at the root. */
const TYPE_META: Record<'apiVersion' | 'kind', DocSchema> = {
  apiVersion: {
    type: 'string',
    description: 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
  },
  kind: {
    type: 'string',
    description: 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
  },
};

/** The texts addEmbeddedProperties gives an embedded resource's apiVersion and kind. */
const EMBEDDED_META: Record<'apiVersion' | 'kind', DocSchema> = {
  apiVersion: {
    type: 'string',
    description: 'apiVersion defines the versioned schema of this representation of an object. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
  },
  kind: {
    type: 'string',
    description: 'kind is a string value representing the type of this object. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
  },
};

/** metadata: a reference to ObjectMeta with PartialObjectMetadata's description, wrapped in allOf. */
const METADATA: DocSchema = {
  description: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
  allOf: [{ $ref: 'V1ObjectMeta' }],
};

/** The root schema of the custom resource's kind in the OpenAPI v3 document. */
export function crdDocSchema(schema: JSONSchemaProps): DocSchema {
  const root = toDoc(schema);
  root.properties = { ...root.properties, metadata: METADATA, ...TYPE_META };
  return root;
}

/** ToKubeOpenAPI, reduced; empty fields are left out as the JSON document leaves them out. */
function toDoc(s: JSONSchemaProps): DocSchema {
  const d: DocSchema = {};
  if (s.description) d.description = s.description;
  if (s.type) d.type = s.type;
  const props = Object.entries(s.properties ?? {});
  if (props.length) d.properties = Object.fromEntries(props.map(([k, v]) => [k, toDoc(v)]));
  const items = itemsSchema(s);
  if (items) d.items = toDoc(items);
  const additional = additionalSchema(s);
  if (additional) d.additionalProperties = toDoc(additional);
  if (s.allOf?.length) d.allOf = s.allOf.map(toDoc);
  if (s.enum?.length) d.enum = s.enum;
  if (s.required?.length) d.required = [...s.required];
  if (s['x-kubernetes-embedded-resource']) {
    d.properties = { ...d.properties, ...EMBEDDED_META, metadata: METADATA };
    const required = d.required ?? [];
    d.required = [...required, ...(['kind', 'apiVersion'] as const).filter((f) => !required.includes(f))];
  }
  return d;
}

/** Whether a schema is truthy to the template: a non-empty map (an empty `{}` is false). */
export function present(s: DocSchema | undefined): s is DocSchema {
  return s !== undefined && Object.keys(s).length > 0;
}

/** The template's typeGuess: `[]T`, `map[string]T`, a referenced type's name, `Object`, or the type. */
export function typeGuess(s: DocSchema): string {
  if (present(s.items)) return `[]${typeGuess(s.items)}`;
  if (present(s.additionalProperties)) return `map[string]${typeGuess(s.additionalProperties)}`;
  if (s.allOf?.length === 1 && !s.properties) return typeGuess(s.allOf[0]);
  if (s.$ref) return goStructName(s.$ref);
  // as old explain did, "Object" for objects and for schemas without a type (int-or-string, preserved unknown fields)
  return s.type === 'object' || !s.type ? 'Object' : s.type;
}

/** The enum values as the template prints them: fmt's %v of the JSON-decoded values (numbers are float64). */
export function enumStrings(values: unknown[] | undefined): string[] | undefined {
  return values?.length ? values.map(goValue) : undefined;
}

function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return goFloat(v);
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o).sort(compareGoStrings).map((k) => `${k}:${goValue(o[k])}`).join(' ')}]`;
  }
  return String(v);
}
