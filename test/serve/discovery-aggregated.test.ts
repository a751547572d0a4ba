import { describe, expect, it } from 'vitest';
import { acceptsAggregated, aggregatedDiscovery, aggregatedMediaType } from '../../src/serve/discovery-aggregated.js';
import { apiGroupList } from '../../src/serve/discovery.js';
import { call, testCluster } from './serve-helpers.js';
import { gadgetKind, registryWith, widgetKind } from './custom-kinds.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const KUBECTL_ACCEPT = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

describe('aggregated discovery', () => {
  it('is what an Accept asking for an APIGroupDiscoveryList gets, in the first version it names', () => {
    expect(acceptsAggregated(KUBECTL_ACCEPT)).toBe('v2');
    expect(acceptsAggregated('application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList')).toBe('v2beta1');
    expect(acceptsAggregated('application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList, application/json')).toBeUndefined();
    expect(acceptsAggregated('application/json')).toBeUndefined();
    expect(acceptsAggregated(undefined)).toBeUndefined();
    expect(aggregatedMediaType('v2')).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
  });

  it('lists the named groups as /apis does, each resource with its subresources folded in', () => {
    const r = registryWith(widgetKind(), gadgetKind());
    const doc = aggregatedDiscovery(r, false, 'v2') as any;
    expect(doc).toMatchObject({ kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {} });
    expect(doc.items.map((g: any) => g.metadata.name)).toEqual(apiGroupList(r).groups.map((g) => g.name));
    const apps = doc.items.find((g: any) => g.metadata.name === 'apps');
    const deployments = apps.versions[0].resources.find((x: any) => x.resource === 'deployments');
    expect(deployments).toEqual({
      resource: 'deployments', responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' }, scope: 'Namespaced', singularResource: 'deployment',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'], shortNames: ['deploy'], categories: ['all'],
      subresources: [
        { subresource: 'scale', responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: ['get', 'patch', 'update'] },
        { subresource: 'status', responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' }, verbs: ['get', 'patch', 'update'] },
      ],
    });
    expect(apps.versions[0].freshness).toBe('Current');
    // a custom resource group with two served versions: the preferred one first
    const gadgets = doc.items.find((g: any) => g.metadata.name === 'stable.example.org');
    expect(gadgets.versions.map((v: any) => v.version)).toEqual(['v1', 'v1beta1']);
    expect(gadgets.versions[0].resources[0]).toMatchObject({ resource: 'gadgets', scope: 'Cluster', responseKind: { group: 'stable.example.org', version: 'v1', kind: 'Gadget' } });
  });

  it('answers GET /api with the core group, pods with their log, binding and eviction', async () => {
    const c = await testCluster();
    const r = await call(c, 'GET', '/api', { headers: { accept: KUBECTL_ACCEPT } });
    expect(r).toMatchObject({ code: 200, contentType: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList' });
    const doc = JSON.parse(Buffer.from(r.bytes!).toString('utf8'));
    expect(doc.items).toHaveLength(1);
    expect(doc.items[0].metadata).toEqual({ creationTimestamp: null });
    const pods = doc.items[0].versions[0].resources.find((x: any) => x.resource === 'pods');
    expect(pods.subresources.map((s: any) => `${s.subresource}:${s.responseKind.group}/${s.responseKind.kind}`)).toEqual([
      'binding:/Binding', 'eviction:policy/Eviction', 'log:/Pod', 'status:/Pod',
    ]);
    // without the Accept, the legacy document
    expect(await call(c, 'GET', '/api')).toMatchObject({ code: 200, json: { kind: 'APIVersions' } });
  });
});
