/**
 * The `paths` of a group version's OpenAPI v3 document: per kind, the REST operations
 * kube-apiserver declares (collection, item, /status, /scale, and the pod subresources), each with
 * its operationId, x-kubernetes-action and x-kubernetes-group-version-kind, as kubectl reads them.
 */
import type { KindDef } from '../api/kind.js';
import {
  BINDING, DELETE_OPTIONS, EVICTION, PATCH, SCALE, STATUS, kindSchemaName, operationGroupVersion, operationTag, ref,
} from './openapi-names.js';
import {
  DELETE_COLLECTION_PARAMS, DELETE_PARAMS, LIST_PARAMS, LOG_PARAMS, NAMESPACE, PATCH_PARAMS, PRETTY, type Parameter,
  WRITE_PARAMS, pathParam,
} from './openapi-params.js';

export interface GVK {
  group: string;
  kind: string;
  version: string;
}

type Action = 'get' | 'list' | 'post' | 'put' | 'patch' | 'delete' | 'deletecollection';
export type Operation = Record<string, unknown>;
export type PathItem = Record<string, unknown>;

const JSON_AND_YAML = ['application/json', 'application/yaml'];
const content = (schemaName: string, types = JSON_AND_YAML): Record<string, object> =>
  Object.fromEntries(types.map((t) => [t, { schema: ref(schemaName) }]));
const response = (description: string, schemaName: string): object => ({ description, content: content(schemaName) });
const UNAUTHORIZED = { description: 'Unauthorized' };

/**
 * The patch types a PATCH request body may have. application/strategic-merge-patch+json is left out
 * on purpose: kubectl apply looks for it in the operation's request body and, when listed, computes
 * a strategic merge patch from the OpenAPI v3 schemas' x-kubernetes-patch-merge-key and
 * x-kubernetes-patch-strategy extensions, which these documents do not generate. Without it kubectl
 * falls back to its compiled-in Go types (correct for the built-in kinds) or, for custom
 * resources, to a JSON merge patch. The server still accepts strategic merge patches of built-in kinds.
 */
const PATCH_CONTENT_TYPES = ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json'];

interface OpSpec {
  verb: string; // operationId verb: list, create, read, replace, patch, delete, deletecollection
  action: Action;
  description: string;
  parameters?: Parameter[];
  requestBody?: object;
  responses: Record<string, object>;
}

/** Builds the operations of one kind in one group version. */
class KindPaths {
  readonly gvk: GVK;
  readonly schema: string;
  private readonly opPrefix: string;
  private readonly tag: string;

  constructor(readonly k: KindDef, readonly group: string, readonly version: string) {
    this.gvk = { group, kind: k.kind, version };
    this.schema = kindSchemaName(k, version);
    this.opPrefix = operationGroupVersion(group, version);
    this.tag = operationTag(group, version);
  }

  /** `listAppsV1NamespacedDeployment`, `patchCoreV1NamespacedPodStatus`, `listCoreV1PodForAllNamespaces`. */
  operation(spec: OpSpec, name: { namespaced: boolean; subresource?: string; suffix?: string; gvk?: GVK }): Operation {
    const sub = name.subresource ? name.subresource[0].toUpperCase() + name.subresource.slice(1) : '';
    const id = `${spec.verb}${this.opPrefix}${name.namespaced ? 'Namespaced' : ''}${this.k.kind}${sub}${name.suffix ?? ''}`;
    return {
      description: spec.description,
      operationId: id,
      ...(spec.parameters ? { parameters: spec.parameters } : {}),
      ...(spec.requestBody ? { requestBody: spec.requestBody } : {}),
      responses: { ...spec.responses, 401: UNAUTHORIZED },
      tags: [this.tag],
      'x-kubernetes-action': spec.action,
      'x-kubernetes-group-version-kind': name.gvk ?? this.gvk,
    };
  }

  /** Operations on one object (or its subresource) that reads, replaces and patches `schema`. */
  readWrite(what: string, schema: string, namespaced: boolean, subresource?: string, gvk?: GVK): PathItem {
    const name = { namespaced, subresource, gvk };
    const of = subresource ? `${subresource} of the specified ${this.k.kind}` : `the specified ${this.k.kind}`;
    const body = { content: { '*/*': { schema: ref(schema) } }, required: true };
    const written = { 200: response('OK', schema), 201: response('Created', schema) };
    return {
      get: this.operation({ verb: 'read', action: 'get', description: `read ${of}`, responses: { 200: response('OK', schema) } }, name),
      patch: this.operation({
        verb: 'patch', action: 'patch', description: `partially update ${of}`, parameters: PATCH_PARAMS,
        requestBody: { content: Object.fromEntries(PATCH_CONTENT_TYPES.map((t) => [t, { schema: ref(PATCH) }])), required: true },
        responses: written,
      }, name),
      put: this.operation({ verb: 'replace', action: 'put', description: `replace ${of}`, parameters: WRITE_PARAMS, requestBody: body, responses: written }, name),
      parameters: [pathParam('name', `name of the ${what}`), ...(namespaced ? [NAMESPACE] : []), PRETTY],
    };
  }

  paths(): Record<string, PathItem> {
    const { k, schema } = this;
    const ns = k.namespaced;
    const base = this.group ? `/apis/${this.group}/${this.version}` : `/api/${this.version}`;
    const collection = ns ? `${base}/namespaces/{namespace}/${k.plural}` : `${base}/${k.plural}`;
    const item = `${collection}/{name}`;
    const list = `${schema}List`;
    const deleteBody = { content: { '*/*': { schema: ref(DELETE_OPTIONS) } } };
    const statusOK = { 200: response('OK', STATUS) };
    const out: Record<string, PathItem> = {};
    out[collection] = {
      delete: this.operation({
        verb: 'deletecollection', action: 'deletecollection', description: `delete collection of ${k.kind}`,
        parameters: DELETE_COLLECTION_PARAMS, requestBody: deleteBody, responses: statusOK,
      }, { namespaced: ns }),
      get: this.operation({
        verb: 'list', action: 'list', description: `list or watch objects of kind ${k.kind}`, parameters: LIST_PARAMS,
        responses: { 200: response('OK', list) },
      }, { namespaced: ns }),
      parameters: ns ? [NAMESPACE, PRETTY] : [PRETTY],
      post: this.operation({
        verb: 'create', action: 'post', description: `create a ${k.kind}`, parameters: WRITE_PARAMS,
        requestBody: { content: { '*/*': { schema: ref(schema) } }, required: true },
        responses: { 200: response('OK', schema), 201: response('Created', schema), 202: response('Accepted', schema) },
      }, { namespaced: ns }),
    };
    out[item] = {
      ...this.readWrite(k.kind, schema, ns),
      delete: this.operation({
        verb: 'delete', action: 'delete', description: `delete a ${k.kind}`, parameters: DELETE_PARAMS, requestBody: deleteBody,
        responses: { 200: response('OK', STATUS), 202: response('Accepted', STATUS) },
      }, { namespaced: ns }),
    };
    if (k.statusSubresource) out[`${item}/status`] = this.readWrite(k.kind, schema, ns, 'status');
    if (k.scaleSubresource) {
      out[`${item}/scale`] = this.readWrite('Scale', SCALE, ns, 'scale', { group: 'autoscaling', kind: 'Scale', version: 'v1' });
    }
    if (ns) {
      out[`${base}/${k.plural}`] = {
        get: this.operation({
          verb: 'list', action: 'list', description: `list or watch objects of kind ${k.kind}`, parameters: LIST_PARAMS,
          responses: { 200: response('OK', list) },
        }, { namespaced: false, suffix: 'ForAllNamespaces' }),
        parameters: [PRETTY],
      };
    }
    if (this.group === '' && k.plural === 'pods') Object.assign(out, this.podSubresources(item));
    return out;
  }

  /** pods/log, pods/binding and pods/eviction. */
  private podSubresources(item: string): Record<string, PathItem> {
    const create = (sub: string, schema: string, gvk: GVK): PathItem => ({
      parameters: [pathParam('name', `name of the ${gvk.kind}`), NAMESPACE, PRETTY],
      post: this.operation({
        verb: 'create', action: 'post', description: `create ${sub} of a Pod`, parameters: WRITE_PARAMS,
        requestBody: { content: { '*/*': { schema: ref(schema) } }, required: true },
        responses: { 200: response('OK', schema), 201: response('Created', schema), 202: response('Accepted', schema) },
      }, { namespaced: true, subresource: sub, gvk }),
    });
    return {
      [`${item}/binding`]: create('binding', BINDING, { group: '', kind: 'Binding', version: 'v1' }),
      [`${item}/eviction`]: create('eviction', EVICTION, { group: 'policy', kind: 'Eviction', version: 'v1' }),
      [`${item}/log`]: {
        get: this.operation({
          verb: 'read', action: 'get', description: 'read log of the specified Pod', parameters: LOG_PARAMS,
          responses: { 200: { description: 'OK', content: { 'text/plain': { schema: { type: 'string' } } } } },
        }, { namespaced: true, subresource: 'log' }),
        parameters: [pathParam('name', 'name of the Pod'), NAMESPACE, PRETTY],
      },
    };
  }
}

/** The paths of a kind served in group/version. */
export function kindPaths(k: KindDef, group: string, version: string): Record<string, PathItem> {
  return new KindPaths(k, group, version).paths();
}
