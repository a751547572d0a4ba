/**
 * `components.schemas` of a group version's OpenAPI v3 document: each kind served there and its
 * List, every type they reach (built-in kinds: from the generated structural schema; custom
 * resources: their CRD's structural schema, with apiVersion, kind and metadata as
 * apiextensions-apiserver adds them), and the meta types the operations refer to.
 */
import { type KindDef, schemaTypeIn } from '../api/kind.js';
import {
  BINDING, DELETE_OPTIONS, EVICTION, LIST_META, OBJECT_META, PATCH, SCALE, STATUS, kindSchemaName, ref,
} from './openapi-names.js';
import { builtInTypeSchemas, scalarSchemas, type Schema } from './openapi-types.js';

const string = (description: string): Schema => ({ description, type: 'string' });
const int = (description: string, format: 'int32' | 'int64'): Schema => ({ description, type: 'integer', format });
const refTo = (name: string, description: string): Schema => ({ allOf: [ref(name)], description });
const gvk = (group: string, kind: string, version: string): Schema => ({ 'x-kubernetes-group-version-kind': [{ group, kind, version }] });

const API_VERSION = string('APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources');
const KIND = string('Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds');
const METADATA = refTo(OBJECT_META, "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata");
const LIST_METADATA = refTo(LIST_META, 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata');

/** The meta types that are not among the generated ones, as small as kubectl needs them. */
const FIXED: Record<string, Schema> = {
  [LIST_META]: {
    description: 'ListMeta describes metadata that synthetic resources must have, including lists and various status objects.',
    properties: {
      continue: string('continue may be set if the user set a limit on the number of items returned.'),
      remainingItemCount: int('The number of subsequent items in the list which are not included in this list response.', 'int64'),
      resourceVersion: string('String that identifies the server\'s internal version of this object.'),
      selfLink: string('Deprecated: selfLink is a legacy read-only field that is no longer populated by the system.'),
    },
    type: 'object',
  },
  [STATUS]: {
    description: 'Status is a return value for calls that don\'t return other objects.',
    properties: {
      apiVersion: API_VERSION,
      code: int('Suggested HTTP return code for this status, 0 if not set.', 'int32'),
      details: { description: 'Extended data associated with the reason.', type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      kind: KIND,
      message: string('A human-readable description of the status of this operation.'),
      metadata: LIST_METADATA,
      reason: string('A machine-readable description of why this operation is in the "Failure" status.'),
      status: string('Status of the operation. One of: "Success" or "Failure".'),
    },
    type: 'object',
    ...gvk('', 'Status', 'v1'),
  },
  [DELETE_OPTIONS]: {
    description: 'DeleteOptions may be provided when deleting an API object.',
    properties: {
      apiVersion: API_VERSION,
      dryRun: { description: 'When present, indicates that modifications should not be persisted.', items: { type: 'string' }, type: 'array' },
      gracePeriodSeconds: int('The duration in seconds before the object should be deleted.', 'int64'),
      kind: KIND,
      orphanDependents: { description: 'Deprecated: please use the PropagationPolicy.', type: 'boolean' },
      preconditions: { description: 'Must be fulfilled before a deletion is carried out.', type: 'object', properties: { resourceVersion: string('Specifies the target ResourceVersion'), uid: string('Specifies the target UID.') } },
      propagationPolicy: string("Whether and how garbage collection will be performed: 'Orphan', 'Background' or 'Foreground'."),
    },
    type: 'object',
  },
  [PATCH]: { description: 'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.', type: 'object' },
  [SCALE]: {
    description: 'Scale represents a scaling request for a resource.',
    properties: {
      apiVersion: API_VERSION,
      kind: KIND,
      metadata: METADATA,
      spec: { description: 'spec defines the behavior of the scale.', type: 'object', properties: { replicas: int('replicas is the desired number of instances for the scaled object.', 'int32') } },
      status: {
        description: 'status is the current status of the scale. Read-only.',
        type: 'object',
        properties: { replicas: int('replicas is the actual number of observed instances of the scaled object.', 'int32'), selector: string('selector is the label query over pods that should match the replicas count, in string form.') },
        required: ['replicas'],
      },
    },
    type: 'object',
    ...gvk('autoscaling', 'Scale', 'v1'),
  },
  [BINDING]: {
    description: 'Binding ties one object to another; for example, a pod is bound to a node by a scheduler.',
    properties: { apiVersion: API_VERSION, kind: KIND, metadata: METADATA, target: refTo('io.k8s.api.core.v1.ObjectReference', 'The target object that you want to bind to the standard object.') },
    required: ['target'],
    type: 'object',
    ...gvk('', 'Binding', 'v1'),
  },
  [EVICTION]: {
    description: 'Eviction evicts a pod from its node subject to certain policies and safety constraints.',
    properties: { apiVersion: API_VERSION, deleteOptions: refTo(DELETE_OPTIONS, 'DeleteOptions may be provided'), kind: KIND, metadata: METADATA },
    type: 'object',
    ...gvk('policy', 'Eviction', 'v1'),
  },
};

/** A custom resource's schema: its CRD's, with the standard fields at the root. */
function customSchema(k: KindDef, version: string): Schema {
  const own = (k.customSchema ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }) as Schema;
  const properties = { ...((own.properties as Record<string, Schema> | undefined) ?? {}), apiVersion: API_VERSION, kind: KIND, metadata: METADATA };
  return { ...own, properties, type: 'object', ...gvk(k.group, k.kind, version) };
}

function listSchema(k: KindDef, version: string, itemName: string): Schema {
  return {
    description: `${k.kind}List is a list of ${k.kind}`,
    properties: {
      apiVersion: API_VERSION,
      items: { description: `List of ${k.plural}.`, items: ref(itemName), type: 'array' },
      kind: KIND,
      metadata: LIST_METADATA,
    },
    required: ['items'],
    type: 'object',
    ...gvk(k.group, `${k.kind}List`, version),
  };
}

/** The schemas of the kinds served in group/version (version: the one the document is for). */
export function componentSchemas(kinds: readonly KindDef[], group: string, version: string): Record<string, Schema> {
  const types = builtInTypeSchemas();
  const out: Record<string, Schema> = {};
  const queue: string[] = ['V1ObjectMeta'];
  const fixed = new Set([LIST_META, STATUS, DELETE_OPTIONS, PATCH]);
  for (const k of kinds) {
    const name = kindSchemaName(k, version);
    const typeName = schemaTypeIn(k, group ? `${group}/${version}` : version);
    const builtIn = typeName !== '' ? types.get(typeName) : undefined;
    if (builtIn) queue.push(typeName);
    else out[name] = customSchema(k, version);
    out[`${name}List`] = listSchema(k, version, name);
    if (k.scaleSubresource) fixed.add(SCALE);
    if (group === '' && k.plural === 'pods') (fixed.add(BINDING), fixed.add(EVICTION), queue.push('V1ObjectReference'));
  }
  const seen = new Set<string>();
  while (queue.length) {
    const t = queue.pop()!;
    if (seen.has(t)) continue;
    seen.add(t);
    const ts = types.get(t);
    if (!ts) continue;
    out[ts.name] = ts.schema;
    queue.push(...ts.deps);
  }
  for (const name of fixed) out[name] = FIXED[name];
  Object.assign(out, scalarSchemas());
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
