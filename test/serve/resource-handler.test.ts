import { beforeEach, describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/cluster.js';
import { call, deployment, TABLE_ACCEPT, testCluster } from './serve-helpers.js';

const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments';

let c: Cluster;
beforeEach(async () => {
  c = await testCluster();
});

function names(list: { items: { metadata: { name?: string } }[] }): string[] {
  return list.items.map((i) => i.metadata.name ?? '').sort();
}

describe('POST a collection (create)', () => {
  it('answers 201 with the stored object: uid, resourceVersion, the path\'s namespace', async () => {
    const r = await call(c, 'POST', DEPLOYMENTS, { body: deployment('web') });
    expect(r.code).toBe(201);
    expect(r.json).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', generation: 1 } });
    expect(r.json.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.json.metadata.resourceVersion).toMatch(/^\d+$/);
    expect((await c.client.get('deployments', 'default', 'web')).metadata.uid).toBe(r.json.metadata.uid);
  });

  it('answers 409 AlreadyExists as a Status for a second create', async () => {
    await call(c, 'POST', DEPLOYMENTS, { body: deployment('web') });
    const r = await call(c, 'POST', DEPLOYMENTS, { body: deployment('web') });
    expect(r.code).toBe(409);
    expect(r.json).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
      message: 'deployments.apps "web" already exists', reason: 'AlreadyExists',
      details: { name: 'web', group: 'apps', kind: 'deployments' }, code: 409,
    });
  });

  it('defaults apiVersion and kind to the path\'s, and refuses others with 400', async () => {
    const { apiVersion: _a, kind: _k, ...bare } = deployment('bare');
    expect((await call(c, 'POST', DEPLOYMENTS, { body: bare })).json).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment' });
    const wrongVersion = await call(c, 'POST', DEPLOYMENTS, { body: { ...deployment('x'), apiVersion: 'apps/v1beta1' } });
    expect(wrongVersion.code).toBe(400);
    expect(wrongVersion.json.message).toBe('the API version in the data (apps/v1beta1) does not match the expected API version (apps/v1)');
    const wrongKind = await call(c, 'POST', DEPLOYMENTS, { body: { ...deployment('x'), kind: 'StatefulSet' } });
    expect(wrongKind).toMatchObject({ code: 400, json: { reason: 'BadRequest' } });
  });

  it('answers 400 when the body\'s namespace is not the path\'s', async () => {
    const r = await call(c, 'POST', DEPLOYMENTS, { body: deployment('web', 1, { namespace: 'kube-system' }) });
    expect(r.code).toBe(400);
    expect(r.json).toMatchObject({ kind: 'Status', reason: 'BadRequest', message: 'the namespace of the provided object does not match the namespace sent on the request' });
    expect(names(await c.client.list('deployments', {}))).toEqual([]);
  });

  it('answers 400 for a body that is not JSON, or not an object', async () => {
    const r = await call(c, 'POST', DEPLOYMENTS, { body: '{nope' });
    expect(r.code).toBe(400);
    expect(r.json.message).toMatch(/^couldn't get version\/kind; json parse error: /);
    expect((await call(c, 'POST', DEPLOYMENTS, { body: '[1]' })).code).toBe(400);
  });
});

describe('GET (list and get)', () => {
  beforeEach(async () => {
    await call(c, 'POST', DEPLOYMENTS, { body: deployment('web', 2, { labels: { tier: 'fe' } }) });
    await call(c, 'POST', DEPLOYMENTS, { body: deployment('api', 1, { labels: { tier: 'be' } }) });
    await call(c, 'POST', '/apis/apps/v1/namespaces/kube-system/deployments', { body: deployment('sys', 1, { labels: { tier: 'fe' } }) });
  });

  it('lists a namespace as a DeploymentList with the list\'s resourceVersion', async () => {
    const r = await call(c, 'GET', DEPLOYMENTS);
    expect(r.code).toBe(200);
    expect(r.json).toMatchObject({ kind: 'DeploymentList', apiVersion: 'apps/v1' });
    expect(r.json.metadata.resourceVersion).toBe(String(c.revision()));
    expect(names(r.json)).toEqual(['api', 'web']);
  });

  it('lists every namespace without one, filtered by labelSelector and fieldSelector', async () => {
    expect(names((await call(c, 'GET', '/apis/apps/v1/deployments')).json)).toEqual(['api', 'sys', 'web']);
    expect(names((await call(c, 'GET', '/apis/apps/v1/deployments?labelSelector=tier%3Dfe')).json)).toEqual(['sys', 'web']);
    expect(names((await call(c, 'GET', `${DEPLOYMENTS}?labelSelector=tier%3Dfe`)).json)).toEqual(['web']);
    expect(names((await call(c, 'GET', '/apis/apps/v1/deployments?fieldSelector=metadata.name%3Dapi')).json)).toEqual(['api']);
    expect(names((await call(c, 'GET', '/apis/apps/v1/deployments?fieldSelector=metadata.namespace%3Dkube-system')).json)).toEqual(['sys']);
  });

  it('gets one object', async () => {
    const r = await call(c, 'GET', `${DEPLOYMENTS}/web`);
    expect(r).toMatchObject({ code: 200, json: { kind: 'Deployment', metadata: { name: 'web', labels: { tier: 'fe' } } } });
  });

  it('answers a Table when the Accept header asks for one', async () => {
    const r = await call(c, 'GET', DEPLOYMENTS, { headers: { accept: TABLE_ACCEPT } });
    expect(r.json).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: String(c.revision()) } });
    const cols = r.json.columnDefinitions as { name: string; format: string; priority: number }[];
    expect(cols[0]).toMatchObject({ name: 'NAME', format: 'name', priority: 0 });
    expect(cols.filter((col) => col.priority === 1).map((col) => col.name)).toEqual(['CONTAINERS', 'IMAGES', 'SELECTOR']);
    const rows = r.json.rows as { cells: string[]; object: { kind: string; apiVersion: string; metadata: { name: string } } }[];
    expect(rows.map((row) => row.cells[0]).sort()).toEqual(['api', 'web']);
    expect(rows[0]!.object).toMatchObject({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1' });
    expect(rows[0]!.object.metadata.name).toBe(rows[0]!.cells[0]);
    const one = await call(c, 'GET', `${DEPLOYMENTS}/web?includeObject=Object`, { headers: { accept: TABLE_ACCEPT } });
    expect(one.json.rows).toHaveLength(1);
    expect(one.json.rows[0].object).toMatchObject({ kind: 'Deployment', spec: { replicas: 2 } });
  });

  it('gets the Namespace at /api/v1/namespaces/NS and at its status subresource', async () => {
    expect(await call(c, 'GET', '/api/v1/namespaces/default')).toMatchObject({ code: 200, json: { kind: 'Namespace', metadata: { name: 'default' } } });
    expect(await call(c, 'GET', '/api/v1/namespaces/default/status')).toMatchObject({ code: 200, json: { kind: 'Namespace', status: { phase: 'Active' } } });
  });

  it('answers 404 Status for an unknown object, resource, or a namespaced object without a namespace', async () => {
    const missing = await call(c, 'GET', `${DEPLOYMENTS}/nope`);
    expect(missing).toMatchObject({ code: 404, json: { kind: 'Status', reason: 'NotFound', message: 'deployments.apps "nope" not found' } });
    for (const p of ['/apis/apps/v1/namespaces/default/gizmos', '/apis/apps/v1/deployments/web', '/api/v1/namespaces/default/nodes', '/apis/apps/v2/namespaces/default/deployments']) {
      expect(await call(c, 'GET', p), p).toMatchObject({ code: 404, json: { kind: 'Status', reason: 'NotFound', message: 'the server could not find the requested resource' } });
    }
  });
});

describe('PUT, DELETE and deletecollection', () => {
  beforeEach(async () => {
    await call(c, 'POST', DEPLOYMENTS, { body: deployment('web', 2, { labels: { tier: 'fe' } }) });
    await call(c, 'POST', DEPLOYMENTS, { body: deployment('api', 1, { labels: { tier: 'be' } }) });
  });

  it('PUT replaces the object', async () => {
    const current = (await call(c, 'GET', `${DEPLOYMENTS}/web`)).json;
    const r = await call(c, 'PUT', `${DEPLOYMENTS}/web`, { body: { ...current, spec: { ...current.spec, replicas: 7 } } });
    expect(r).toMatchObject({ code: 200, json: { spec: { replicas: 7 }, metadata: { generation: 2 } } });
    expect(r.json.metadata.resourceVersion).not.toBe(current.metadata.resourceVersion);
  });

  it('PUT answers 400 when the body names another object, and 409 for a stale resourceVersion', async () => {
    const wrong = await call(c, 'PUT', `${DEPLOYMENTS}/web`, { body: deployment('other') });
    expect(wrong).toMatchObject({ code: 400, json: { reason: 'BadRequest', message: 'the name of the object (other) does not match the name on the URL (web)' } });
    const current = (await call(c, 'GET', `${DEPLOYMENTS}/web`)).json;
    await call(c, 'PUT', `${DEPLOYMENTS}/web`, { body: { ...current, spec: { ...current.spec, replicas: 3 } } });
    const stale = await call(c, 'PUT', `${DEPLOYMENTS}/web`, { body: current });
    expect(stale).toMatchObject({ code: 409, json: { reason: 'Conflict' } });
  });

  it('DELETE answers the deleted object', async () => {
    const r = await call(c, 'DELETE', `${DEPLOYMENTS}/api`);
    expect(r).toMatchObject({ code: 200, json: { kind: 'Deployment', metadata: { name: 'api' } } });
    expect((await call(c, 'GET', `${DEPLOYMENTS}/api`)).code).toBe(404);
    expect((await call(c, 'DELETE', `${DEPLOYMENTS}/api`)).code).toBe(404);
  });

  it('deletecollection deletes what the labelSelector picks and lists it', async () => {
    const r = await call(c, 'DELETE', `${DEPLOYMENTS}?labelSelector=tier%3Dfe`);
    expect(r).toMatchObject({ code: 200, json: { kind: 'DeploymentList', apiVersion: 'apps/v1' } });
    expect(names(r.json)).toEqual(['web']);
    expect(names((await call(c, 'GET', DEPLOYMENTS)).json)).toEqual(['api']);
  });

  it('answers 405 for a verb the path does not serve', async () => {
    expect((await call(c, 'PUT', DEPLOYMENTS, { body: deployment('web') })).code).toBe(405);
    expect((await call(c, 'POST', `${DEPLOYMENTS}/web`, { body: deployment('web') })).json).toMatchObject({ kind: 'Status', reason: 'MethodNotAllowed', code: 405 });
  });
});
