import { describe, expect, it } from 'vitest';
import { kindRegistry } from '../../src/api/kinds/index.js';
import { EMULATED_SERVER_VERSION } from '../../src/cli/printers/version-info.js';
import { compareKubeAwareVersions } from '../../src/serve/discovery-groups.js';
import {
  apiGroup, apiGroupList, apiResourceList, coreApiVersions, RESOURCE_VERBS, storageVersionHash, versionDocument,
} from '../../src/serve/discovery.js';
import { gadgetKind, registryWith, widgetKind } from './custom-kinds.js';

const BUILT_IN_GROUPS = [
  'apps', 'autoscaling', 'batch', 'networking.k8s.io', 'policy', 'rbac.authorization.k8s.io', 'storage.k8s.io',
  'admissionregistration.k8s.io', 'apiextensions.k8s.io', 'apiregistration.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io',
  'node.k8s.io', 'discovery.k8s.io',
];

describe('GET /version and /api', () => {
  it('answers version.Info of the emulated release', () => {
    const v = versionDocument();
    expect(v).toMatchObject({ major: '1', minor: '32', gitVersion: EMULATED_SERVER_VERSION, gitCommit: '', compiler: 'node' });
    expect(Object.keys(v)).toEqual(['major', 'minor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform']);
  });

  it('names the core group\'s one version and the server address', () => {
    expect(coreApiVersions('127.0.0.1:6443')).toEqual({
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }],
    });
  });
});

describe('GET /apis and /apis/{group}', () => {
  it('lists the named groups in kube-apiserver\'s priority order, without the core group', () => {
    const list = apiGroupList(kindRegistry());
    expect(list.kind).toBe('APIGroupList');
    expect(list.apiVersion).toBe('v1');
    expect(list.groups.map((g) => g.name)).toEqual(BUILT_IN_GROUPS);
    expect(list.groups[0]).toEqual({
      name: 'apps',
      versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
      preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
    });
    // kube 1.32: v2 preferred, v1 served too
    expect(list.groups.find((g) => g.name === 'autoscaling')).toEqual({
      name: 'autoscaling',
      versions: [{ groupVersion: 'autoscaling/v2', version: 'v2' }, { groupVersion: 'autoscaling/v1', version: 'v1' }],
      preferredVersion: { groupVersion: 'autoscaling/v2', version: 'v2' },
    });
    expect(apiResourceList(kindRegistry(), 'autoscaling', 'v1')?.resources.map((x) => [x.name, x.kind])).toEqual([
      ['horizontalpodautoscalers', 'HorizontalPodAutoscaler'], ['horizontalpodautoscalers/status', 'HorizontalPodAutoscaler'],
    ]);
  });

  it('puts custom resource groups after the built-in ones, by name, with every served version, highest first', () => {
    const list = apiGroupList(registryWith(widgetKind(), gadgetKind()));
    expect(list.groups.map((g) => g.name)).toEqual([...BUILT_IN_GROUPS, 'example.com', 'stable.example.org']);
    const gadgets = list.groups.at(-1)!;
    // kube-aware order: v1 ranks above the stored v1beta1; v2alpha1 is not served
    expect(gadgets.versions).toEqual([
      { groupVersion: 'stable.example.org/v1', version: 'v1' },
      { groupVersion: 'stable.example.org/v1beta1', version: 'v1beta1' },
    ]);
    expect(gadgets.preferredVersion).toEqual({ groupVersion: 'stable.example.org/v1', version: 'v1' });
  });

  it('answers one group, or undefined for a group not served (and the core group, which is /api)', () => {
    expect(apiGroup(kindRegistry(), 'batch')).toEqual({
      kind: 'APIGroup', apiVersion: 'v1', name: 'batch',
      versions: [{ groupVersion: 'batch/v1', version: 'v1' }],
      preferredVersion: { groupVersion: 'batch/v1', version: 'v1' },
    });
    expect(apiGroup(kindRegistry(), 'events.k8s.io')).toBeUndefined();
    expect(apiGroup(kindRegistry(), '')).toBeUndefined();
    expect(apiGroup(registryWith(widgetKind()), 'example.com')?.preferredVersion.groupVersion).toBe('example.com/v1');
  });

  it('orders versions as apimachinery\'s CompareKubeAwareVersionStrings', () => {
    const versions = ['foo1', 'v1alpha1', 'v1', 'v2beta1', 'v11beta2', 'v10', 'foo10', 'v12alpha1', 'v3beta1', 'v10beta3', 'v2', 'v11alpha2'];
    expect(versions.sort((a, b) => compareKubeAwareVersions(b, a))).toEqual([
      'v10', 'v2', 'v1', 'v11beta2', 'v10beta3', 'v3beta1', 'v2beta1', 'v12alpha1', 'v11alpha2', 'v1alpha1', 'foo1', 'foo10',
    ]);
  });
});

describe('GET /api/v1 and /apis/{group}/{version}', () => {
  it('lists apps/v1 with the status and scale subresources (scale as autoscaling/v1 Scale), sorted by name', () => {
    const list = apiResourceList(kindRegistry(), 'apps', 'v1')!;
    expect(list).toMatchObject({ kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'apps/v1' });
    expect(list.resources.map((r) => r.name)).toEqual([
      'controllerrevisions', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status',
      'replicasets', 'replicasets/scale', 'replicasets/status', 'statefulsets', 'statefulsets/scale', 'statefulsets/status',
    ]);
    const byName = new Map(list.resources.map((r) => [r.name, r]));
    expect(byName.get('deployments')).toEqual({
      name: 'deployments', singularName: 'deployment', namespaced: true, kind: 'Deployment',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['deploy'], categories: ['all'], storageVersionHash: '8aSe+NMegvE=',
    });
    expect(byName.get('deployments/status')).toEqual({
      name: 'deployments/status', singularName: '', namespaced: true, kind: 'Deployment', verbs: ['get', 'patch', 'update'],
    });
    expect(byName.get('deployments/scale')).toEqual({
      name: 'deployments/scale', singularName: '', namespaced: true, group: 'autoscaling', version: 'v1', kind: 'Scale',
      verbs: ['get', 'patch', 'update'],
    });
    // no empty shortNames or categories
    expect(Object.keys(byName.get('controllerrevisions')!)).not.toContain('shortNames');
    expect(Object.keys(byName.get('controllerrevisions')!)).not.toContain('categories');
  });

  it('lists core v1 with the pod subresources, and namespaces without deletecollection', () => {
    const list = apiResourceList(kindRegistry(), '', 'v1')!;
    expect(list.groupVersion).toBe('v1');
    const byName = new Map(list.resources.map((r) => [r.name, r]));
    expect(byName.get('pods')).toMatchObject({ kind: 'Pod', shortNames: ['po'], categories: ['all'], storageVersionHash: 'xPOwRZ+Yhw8=' });
    expect(byName.get('pods/log')).toEqual({ name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] });
    expect(byName.get('pods/binding')).toEqual({ name: 'pods/binding', singularName: '', namespaced: true, kind: 'Binding', verbs: ['create'] });
    expect(byName.get('pods/eviction')).toEqual({
      name: 'pods/eviction', singularName: '', namespaced: true, group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'],
    });
    expect(byName.get('namespaces')?.verbs).toEqual(RESOURCE_VERBS.filter((v) => v !== 'deletecollection'));
    expect(byName.get('namespaces')?.namespaced).toBe(false);
    expect(byName.get('events')).toMatchObject({ kind: 'Event', shortNames: ['ev'] });
    expect(byName.has('deployments')).toBe(false);
  });

  it('lists a custom resource in its group, with its status subresource, and in each version it is served at', () => {
    const r = registryWith(widgetKind(), gadgetKind());
    expect(apiResourceList(r, 'example.com', 'v1')?.resources).toEqual([
      {
        name: 'widgets', singularName: 'widget', namespaced: true, kind: 'Widget', verbs: RESOURCE_VERBS,
        shortNames: ['wd'], categories: ['all'], storageVersionHash: storageVersionHash('example.com', 'v1', 'Widget'),
      },
      { name: 'widgets/status', singularName: '', namespaced: true, kind: 'Widget', verbs: ['get', 'patch', 'update'] },
    ]);
    for (const version of ['v1', 'v1beta1']) {
      expect(apiResourceList(r, 'stable.example.org', version)?.resources.map((x) => x.name)).toEqual(['gadgets', 'gadgets/status', 'gadgets/scale']);
    }
    expect(apiResourceList(r, 'stable.example.org', 'v1')?.resources[0].namespaced).toBe(false);
    expect(apiResourceList(r, 'apps', 'v1')?.resources.map((x) => x.name)).not.toContain('widgets');
  });

  it('answers undefined for a group version not served', () => {
    const r = registryWith(gadgetKind());
    expect(apiResourceList(r, 'apps', 'v2')).toBeUndefined();
    expect(apiResourceList(r, 'events.k8s.io', 'v1')).toBeUndefined();
    expect(apiResourceList(r, 'stable.example.org', 'v2alpha1')).toBeUndefined();
    expect(apiResourceList(r, 'autoscaling', 'v3')).toBeUndefined();
  });
});
