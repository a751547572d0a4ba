import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { establishedStatus } from '../../src/controllers/crd-establishing.js';
import { testCluster } from './helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const crd = (plural: string, kind: string, shortNames: string[] = [], group = 'example.com'): KubeObject => ({
  apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: `${plural}.${group}` },
  spec: {
    group, scope: 'Namespaced', names: { plural, kind, shortNames },
    versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
  },
});
const widget = (name: string, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name, namespace: 'default', ...extra }, spec: { size: 1 },
});
const conditions = (o: KubeObject) => (o.status?.conditions ?? []).map((c: any) => [c.type, c.status, c.reason, c.message]);

describe('CRD naming and establishing', () => {
  it('accepts names no other CRD of the group uses, and establishes the CRD', () => {
    const status = establishedStatus(crd('widgets', 'Widget', ['wd']), [], '2026-01-01T00:00:00Z');
    expect(status.acceptedNames).toEqual({ plural: 'widgets', kind: 'Widget', shortNames: ['wd'] });
    expect(status.storedVersions).toEqual(['v1']);
    expect(conditions({ status } as unknown as KubeObject)).toEqual([
      ['NamesAccepted', 'True', 'NoConflicts', 'no conflicts found'],
      ['Established', 'True', 'InitialNamesAccepted', 'the initial names have been accepted'],
    ]);
  });

  it('refuses a name another CRD of the group accepted, and leaves the CRD unestablished', () => {
    const other = { ...crd('gadgets', 'Gadget', ['wd']), status: { acceptedNames: { plural: 'gadgets', kind: 'Gadget', shortNames: ['wd'] } } };
    const status = establishedStatus(crd('widgets', 'Widget', ['wd']), [other], '2026-01-01T00:00:00Z');
    expect(conditions({ status } as unknown as KubeObject)).toEqual([
      ['NamesAccepted', 'False', 'ShortNamesConflict', '"wd" is already in use'],
      ['Established', 'False', 'NotAccepted', 'not all names are accepted'],
    ]);
    // another group's CRD may use the same names
    const elsewhere = { ...other, spec: { ...other.spec, group: 'other.io' } };
    expect(conditions({ status: establishedStatus(crd('widgets', 'Widget', ['wd']), [elsewhere], 'now') } as unknown as KubeObject)[0]?.[1]).toBe('True');
  });
});

describe('CRD serving and deletion', () => {
  it('serves the resource once established, and a deletion waits for its custom resources\' finalizers', async () => {
    const { c } = await testCluster();
    await c.client.create('customresourcedefinitions', crd('widgets', 'Widget'));
    // not established until the controllers ran
    await expect(c.client.create('widgets.example.com', widget('early'))).rejects.toMatchObject({ code: 404 });
    await c.reconcile();
    await c.client.create('widgets.example.com', widget('plain'));
    await c.client.create('widgets', widget('held', { finalizers: ['example.com/hold'] }));

    await c.client.delete('customresourcedefinitions', undefined, 'widgets.example.com');
    const marked = await c.client.get('customresourcedefinitions', undefined, 'widgets.example.com');
    expect(marked.metadata.finalizers).toEqual(['customresourcecleanup.apiextensions.k8s.io']);
    expect(conditions(marked).at(-1)).toEqual(['Terminating', 'True', 'InstanceDeletionPending', 'CustomResourceDefinition marked for deletion; CustomResource deletion will begin soon']);
    await expect(c.client.create('widgets.example.com', widget('late'))).rejects.toMatchObject({ code: 405, message: 'create not allowed while custom resource definition is terminating' });

    await c.reconcile();
    const left = (await c.client.list('widgets.example.com', { namespace: 'default' })).items;
    expect(left.map((w) => [w.metadata.name, Boolean(w.metadata.deletionTimestamp)])).toEqual([['held', true]]);
    const waiting = await c.client.get('customresourcedefinitions', undefined, 'widgets.example.com');
    expect(conditions(waiting).at(-1)).toEqual(['Terminating', 'True', 'InstanceDeletionCheck', 'could not confirm zero CustomResources remaining: 1 remaining']);

    // its finalizer gone, the last one goes, and at the next look the CRD with it
    await c.client.patch('widgets.example.com', 'default', 'held', 'merge', { metadata: { finalizers: null } });
    await c.advanceStepwise(5_000);
    await expect(c.client.get('customresourcedefinitions', undefined, 'widgets.example.com')).rejects.toMatchObject({ code: 404 });
    await expect(c.client.list('widgets.example.com')).rejects.toMatchObject({ code: 404 });
    expect(c.registry.resolve('widget')).toBeUndefined();
    await c.close();
  });
});
