import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiVersionOf, type KindDef } from '../../src/api/kind.js';
import { kindRegistry } from '../../src/api/kinds/index.js';
import type { Registry } from '../../src/api/registry.js';
import { gvPathOf, openapiV3Document, openapiV3DocumentJson, openapiV3Index } from '../../src/serve/openapi-v3.js';
import { toValidOperationId } from '../../src/serve/openapi-names.js';
import { gadgetKind, registryWith, widgetKind } from './custom-kinds.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const doc = (r: Registry, gvPath: string): Json => openapiV3Document(r, gvPath) as unknown as Json;

/**
 * cli-runtime's supportsQueryParamV3 (kubectl --validate=strict): the PATCH operation of the kind's
 * group version document whose x-kubernetes-group-version-kind is the kind's, and whether it takes
 * the query parameter.
 */
function patchOperation(r: Registry, group: string, version: string, kind: string): Json | undefined {
  const d = doc(r, gvPathOf(group, version));
  for (const item of Object.values(d.paths) as Json[]) {
    const gvk = item.patch?.['x-kubernetes-group-version-kind'];
    if (gvk && gvk.group === group && gvk.version === version && gvk.kind === kind) return item.patch;
  }
  return undefined;
}

/** Every `$ref` in a document, to check that each names a schema of the document. */
function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refs(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k === '$ref' && typeof v === 'string') out.push(v); else refs(v, out);
  }
  return out;
}

describe('GET /openapi/v3', () => {
  it('names every served group version, by the hash of its document', () => {
    const r = registryWith(widgetKind());
    const index = openapiV3Index(r);
    expect(Object.keys(index.paths)).toEqual([
      'api/v1', 'apis/apps/v1', 'apis/autoscaling/v2', 'apis/autoscaling/v1', 'apis/batch/v1', 'apis/networking.k8s.io/v1', 'apis/policy/v1',
      'apis/rbac.authorization.k8s.io/v1', 'apis/storage.k8s.io/v1', 'apis/admissionregistration.k8s.io/v1', 'apis/apiextensions.k8s.io/v1',
      'apis/apiregistration.k8s.io/v1', 'apis/scheduling.k8s.io/v1', 'apis/coordination.k8s.io/v1', 'apis/node.k8s.io/v1',
      'apis/discovery.k8s.io/v1', 'apis/example.com/v1',
    ]);
    const url = index.paths['apis/apps/v1'].serverRelativeURL;
    expect(url).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{128}$/);
    const { json, hash } = openapiV3DocumentJson(r, 'apis/apps/v1')!;
    expect(url.endsWith(`?hash=${hash}`)).toBe(true);
    expect(hash).toBe(createHash('sha512').update(json).digest('hex').toUpperCase());
    expect(JSON.parse(json)).toEqual(openapiV3Document(r, 'apis/apps/v1'));
  });

  it('keeps a document\'s hash while its content stays the same, and changes it with the content', () => {
    const before = openapiV3Index(kindRegistry()).paths;
    const withGadgets = registryWith(gadgetKind());
    const after = openapiV3Index(withGadgets).paths;
    expect(after['apis/apps/v1']).toEqual(before['apis/apps/v1']);
    expect(after['apis/stable.example.org/v1']).toBeDefined();
    withGadgets.remove('gadgets.stable.example.org');
    withGadgets.add([{ ...gadgetKind(), customSchema: { type: 'object', properties: { spec: { type: 'string' } } } }]);
    expect(openapiV3Index(withGadgets).paths['apis/stable.example.org/v1']).not.toEqual(after['apis/stable.example.org/v1']);
  });

  it('answers undefined for a group version not served', () => {
    const r = registryWith(gadgetKind());
    expect(openapiV3Document(r, 'apis/apps/v2')).toBeUndefined();
    expect(openapiV3Document(r, 'apis/events.k8s.io/v1')).toBeUndefined();
    expect(openapiV3Document(r, 'apis/stable.example.org/v2alpha1')).toBeUndefined();
    expect(openapiV3Document(r, '/apis/apps/v1')).toBeDefined();
  });
});

describe('a group version document', () => {
  it('has the PATCH of a Deployment with fieldValidation, and no strategic merge patch body', () => {
    const d = doc(kindRegistry(), 'apis/apps/v1');
    expect(d.openapi).toBe('3.0.0');
    expect(d.info).toEqual({ title: 'Kubernetes', version: 'v1.32.0' });
    const item = d.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'];
    expect(Object.keys(item).sort()).toEqual(['delete', 'get', 'parameters', 'patch', 'put']);
    expect(item.parameters.map((p: Json) => `${p.in}:${p.name}`)).toEqual(['path:name', 'path:namespace', 'query:pretty']);
    const patch = item.patch;
    expect(patch.operationId).toBe('patchAppsV1NamespacedDeployment');
    expect(patch['x-kubernetes-action']).toBe('patch');
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', kind: 'Deployment', version: 'v1' });
    expect(patch.parameters.map((p: Json) => `${p.in}:${p.name}`)).toEqual(['query:dryRun', 'query:fieldManager', 'query:fieldValidation', 'query:force']);
    expect(Object.keys(patch.requestBody.content)).toEqual(['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json']);
    expect(item.get.operationId).toBe('readAppsV1NamespacedDeployment');
    expect(item.put.operationId).toBe('replaceAppsV1NamespacedDeployment');
    expect(item.delete.operationId).toBe('deleteAppsV1NamespacedDeployment');
    expect(item.put.parameters.map((p: Json) => p.name)).toContain('fieldValidation');
    const collection = d.paths['/apis/apps/v1/namespaces/{namespace}/deployments'];
    expect(collection.get).toMatchObject({ operationId: 'listAppsV1NamespacedDeployment', 'x-kubernetes-action': 'list', tags: ['apps_v1'] });
    expect(collection.post).toMatchObject({ operationId: 'createAppsV1NamespacedDeployment', 'x-kubernetes-action': 'post' });
    expect(collection.delete).toMatchObject({ operationId: 'deletecollectionAppsV1NamespacedDeployment', 'x-kubernetes-action': 'deletecollection' });
    expect(d.paths['/apis/apps/v1/deployments'].get.operationId).toBe('listAppsV1DeploymentForAllNamespaces');
    const scale = d.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale'];
    expect(scale.patch['x-kubernetes-group-version-kind']).toEqual({ group: 'autoscaling', kind: 'Scale', version: 'v1' });
    expect(scale.patch.operationId).toBe('patchAppsV1NamespacedDeploymentScale');
    expect(d.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/status'].patch.operationId).toBe('patchAppsV1NamespacedDeploymentStatus');
  });

  it('lets kubectl find a PATCH taking fieldValidation for every kind, built-in or custom, in every served version', () => {
    const r = registryWith(widgetKind(), gadgetKind());
    const servedAt = (k: KindDef): string[] => [apiVersionOf(k), ...(k.alsoServed ?? [])];
    for (const k of r.kinds) {
      for (const apiVersion of servedAt(k)) {
        const version = apiVersion.split('/').at(-1)!;
        const patch = patchOperation(r, k.group, version, k.kind);
        expect(patch, `${apiVersion} ${k.kind}`).toBeDefined();
        expect(patch!.parameters.some((p: Json) => p.name === 'fieldValidation' && p.in === 'query'), `${apiVersion} ${k.kind}`).toBe(true);
      }
    }
  });

  it('names cluster-scoped paths and operations without a namespace, as kube does', () => {
    const d = doc(kindRegistry(), 'apis/rbac.authorization.k8s.io/v1');
    const item = d.paths['/apis/rbac.authorization.k8s.io/v1/clusterroles/{name}'];
    expect(item.patch.operationId).toBe('patchRbacAuthorizationV1ClusterRole');
    expect(item.patch.tags).toEqual(['rbacAuthorization_v1']);
    expect(item.parameters.map((p: Json) => p.name)).toEqual(['name', 'pretty']);
    expect(d.paths['/apis/rbac.authorization.k8s.io/v1/clusterroles'].get.operationId).toBe('listRbacAuthorizationV1ClusterRole');
    expect(d.paths['/apis/rbac.authorization.k8s.io/v1/namespaces/{namespace}/roles/{name}'].patch.operationId).toBe('patchRbacAuthorizationV1NamespacedRole');
  });

  it('has the core pod operations, log, binding and eviction included', () => {
    const d = doc(kindRegistry(), 'api/v1');
    expect(d.paths['/api/v1/namespaces/{namespace}/pods/{name}'].patch.operationId).toBe('patchCoreV1NamespacedPod');
    expect(d.paths['/api/v1/pods'].get.operationId).toBe('listCoreV1PodForAllNamespaces');
    const log = d.paths['/api/v1/namespaces/{namespace}/pods/{name}/log'].get;
    expect(log.operationId).toBe('readCoreV1NamespacedPodLog');
    expect(log.parameters.map((p: Json) => p.name)).toEqual(expect.arrayContaining(['container', 'follow', 'previous', 'tailLines']));
    expect(d.paths['/api/v1/namespaces/{namespace}/pods/{name}/eviction'].post['x-kubernetes-group-version-kind'])
      .toEqual({ group: 'policy', kind: 'Eviction', version: 'v1' });
    expect(d.paths['/api/v1/namespaces/{name}'].patch.operationId).toBe('patchCoreV1Namespace');
    expect(d.paths['/api/v1/namespaces/{namespace}/pods/{name}'].patch.tags).toEqual(['core_v1']);
  });

  it('has kube-named schemas, the kind\'s carrying its group-version-kind, and every $ref resolving', () => {
    const r = registryWith(widgetKind());
    for (const gvPath of Object.keys(openapiV3Index(r).paths)) {
      const d = doc(r, gvPath);
      const missing = refs(d).filter((ref) => !(ref.replace('#/components/schemas/', '') in d.components.schemas));
      expect(missing, gvPath).toEqual([]);
    }
    const apps = doc(r, 'apis/apps/v1').components.schemas;
    const deployment = apps['io.k8s.api.apps.v1.Deployment'];
    expect(deployment['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', kind: 'Deployment', version: 'v1' }]);
    expect(deployment.type).toBe('object');
    expect(Object.keys(deployment.properties)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(deployment.properties.spec).toEqual({
      allOf: [{ $ref: '#/components/schemas/io.k8s.api.apps.v1.DeploymentSpec' }],
      description: 'Specification of the desired behavior of the Deployment.',
    });
    expect(apps['io.k8s.api.apps.v1.DeploymentSpec'].required).toEqual(['selector', 'template']);
    expect(apps['io.k8s.api.apps.v1.DeploymentList']['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', kind: 'DeploymentList', version: 'v1' }]);
    expect(apps['io.k8s.api.core.v1.PodTemplateSpec']).toBeDefined();
    expect(apps['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'].properties.generation).toMatchObject({ type: 'integer', format: 'int64' });
    expect(apps['io.k8s.api.autoscaling.v1.Scale']['x-kubernetes-group-version-kind']).toEqual([{ group: 'autoscaling', kind: 'Scale', version: 'v1' }]);
    expect(apps['io.k8s.api.core.v1.Container'].properties.imagePullPolicy.enum).toEqual(['Always', 'IfNotPresent', 'Never']);
    expect(doc(r, 'api/v1').components.schemas['io.k8s.api.core.v1.Event']).toBeDefined();
    expect(doc(r, 'apis/autoscaling/v2').components.schemas['io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler']).toBeDefined();
    // autoscaling/v1 publishes its own shape of the HorizontalPodAutoscaler (versionSchemaTypes)
    const v1 = doc(r, 'apis/autoscaling/v1').components.schemas;
    expect(v1['io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerSpec'].properties).toHaveProperty('targetCPUUtilizationPercentage');
    expect(v1['io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler']['x-kubernetes-group-version-kind']).toEqual([{ group: 'autoscaling', kind: 'HorizontalPodAutoscaler', version: 'v1' }]);
    expect(v1['io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler']).toBeUndefined();
    expect(doc(r, 'apis/apiextensions.k8s.io/v1').components.schemas['io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition'])
      .toBeDefined();
  });

  it('serves a custom resource with its CRD\'s schema, named by its reversed group', () => {
    const r = registryWith(widgetKind(), gadgetKind());
    const d = doc(r, 'apis/example.com/v1');
    const widget = d.components.schemas['com.example.v1.Widget'];
    expect(widget['x-kubernetes-group-version-kind']).toEqual([{ group: 'example.com', kind: 'Widget', version: 'v1' }]);
    expect(widget.description).toBe('A Widget is a made-up thing of some size and colour.');
    expect(widget.properties.spec.properties.size).toMatchObject({ type: 'integer', description: 'How big the widget is.' });
    expect(widget.properties.metadata.allOf).toEqual([{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }]);
    expect(d.paths['/apis/example.com/v1/namespaces/{namespace}/widgets/{name}'].patch.operationId).toBe('patchExampleComV1NamespacedWidget');
    expect(d.paths['/apis/example.com/v1/namespaces/{namespace}/widgets/{name}/status']).toBeDefined();
    expect(d.paths['/apis/example.com/v1/namespaces/{namespace}/widgets/{name}/scale']).toBeUndefined();
    const gadgets = doc(r, 'apis/stable.example.org/v1');
    expect(gadgets.paths['/apis/stable.example.org/v1/gadgets/{name}/scale'].patch['x-kubernetes-group-version-kind'])
      .toEqual({ group: 'autoscaling', kind: 'Scale', version: 'v1' });
    expect(gadgets.components.schemas['org.example.stable.v1.Gadget']['x-kubernetes-group-version-kind'])
      .toEqual([{ group: 'stable.example.org', kind: 'Gadget', version: 'v1' }]);
  });

  it('makes operation ids as apiserver\'s ToValidOperationID', () => {
    expect(toValidOperationId('rbac.authorization', true)).toBe('RbacAuthorization');
    expect(toValidOperationId('rbac.authorization', false)).toBe('rbacAuthorization');
    expect(toValidOperationId('stable.example-1.com', true)).toBe('StableExample1Com');
    expect(toValidOperationId('v1beta1', true)).toBe('V1beta1');
  });
});
