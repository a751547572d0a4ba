import { beforeEach, describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/cluster.js';
import { call, deployment, NO_SCHEDULER, pod, testCluster } from './serve-helpers.js';

const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments';
const SCALE = `${DEPLOYMENTS}/web/scale`;
const PODS = '/api/v1/namespaces/default/pods';
const MERGE = { 'content-type': 'application/merge-patch+json' };

let c: Cluster;
beforeEach(async () => {
  c = await testCluster();
});

describe('scale', () => {
  beforeEach(async () => {
    expect((await call(c, 'POST', DEPLOYMENTS, { body: deployment('web', 2) })).code).toBe(201);
  });

  it('GET answers the autoscaling/v1 Scale of the deployment', async () => {
    const d = await c.client.get('deployments', 'default', 'web');
    const r = await call(c, 'GET', SCALE);
    expect(r.code).toBe(200);
    expect(r.json).toMatchObject({
      kind: 'Scale', apiVersion: 'autoscaling/v1',
      metadata: { name: 'web', namespace: 'default', uid: d.metadata.uid, resourceVersion: d.metadata.resourceVersion },
      spec: { replicas: 2 },
      status: { selector: 'app=web' },
    });
  });

  it('PATCH (merge or strategic) changes the deployment\'s replicas', async () => {
    const r = await call(c, 'PATCH', SCALE, { body: { spec: { replicas: 5 } }, headers: MERGE });
    expect(r).toMatchObject({ code: 200, json: { kind: 'Scale', spec: { replicas: 5 } } });
    expect((await c.client.get('deployments', 'default', 'web')).spec.replicas).toBe(5);
    await call(c, 'PATCH', SCALE, { body: { spec: { replicas: 1 } }, headers: { 'content-type': 'application/strategic-merge-patch+json' } });
    expect((await c.client.get('deployments', 'default', 'web')).spec.replicas).toBe(1);
  });

  it('PUT sets the replicas, and answers 409 for a stale resourceVersion', async () => {
    const scale = (await call(c, 'GET', SCALE)).json;
    expect((await call(c, 'PUT', SCALE, { body: { ...scale, spec: { replicas: 3 } } })).json.spec.replicas).toBe(3);
    const stale = await call(c, 'PUT', SCALE, { body: { ...scale, spec: { replicas: 4 } } });
    expect(stale).toMatchObject({ code: 409, json: { reason: 'Conflict' } });
    expect((await c.client.get('deployments', 'default', 'web')).spec.replicas).toBe(3);
  });

  it('answers 422 Invalid for negative replicas, as ValidateScale words it', async () => {
    const r = await call(c, 'PATCH', SCALE, { body: { spec: { replicas: -1 } }, headers: MERGE });
    expect(r.code).toBe(422);
    expect(r.json).toMatchObject({
      kind: 'Status', reason: 'Invalid',
      message: 'Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      details: { name: 'web', group: 'autoscaling', kind: 'Scale' },
    });
    expect((await c.client.get('deployments', 'default', 'web')).spec.replicas).toBe(2);
  });

  it('answers 404 for a kind without a scale subresource and for an unknown subresource', async () => {
    await call(c, 'POST', '/api/v1/namespaces/default/configmaps', { body: { metadata: { name: 'cm' } } });
    expect((await call(c, 'GET', '/api/v1/namespaces/default/configmaps/cm/scale')).code).toBe(404);
    expect((await call(c, 'GET', `${DEPLOYMENTS}/web/bogus`)).code).toBe(404);
  });
});

describe('status', () => {
  beforeEach(async () => {
    await call(c, 'POST', DEPLOYMENTS, { body: deployment('web', 2) });
  });

  it('PUT changes only the status', async () => {
    const current = (await call(c, 'GET', `${DEPLOYMENTS}/web/status`)).json;
    const r = await call(c, 'PUT', `${DEPLOYMENTS}/web/status`, {
      body: { ...current, spec: { ...current.spec, replicas: 9 }, status: { observedGeneration: 1, replicas: 2 } },
    });
    expect(r.code).toBe(200);
    expect(r.json).toMatchObject({ spec: { replicas: 2 }, status: { observedGeneration: 1, replicas: 2 } });
    expect((await c.client.get('deployments', 'default', 'web')).spec.replicas).toBe(2);
  });

  it('PATCH changes only the status', async () => {
    const r = await call(c, 'PATCH', `${DEPLOYMENTS}/web/status`, { body: { spec: { replicas: 9 }, status: { replicas: 3 } }, headers: MERGE });
    expect(r).toMatchObject({ code: 200, json: { spec: { replicas: 2 }, status: { replicas: 3 } } });
    const stored = await c.client.get('deployments', 'default', 'web');
    expect(stored.spec.replicas).toBe(2);
    expect(stored.status.replicas).toBe(3);
  });

  it('PUT answers 400 for another object\'s name', async () => {
    const r = await call(c, 'PUT', `${DEPLOYMENTS}/web/status`, { body: deployment('other') });
    expect(r).toMatchObject({ code: 400, json: { message: 'the name of the object (other) does not match the name on the URL (web)' } });
  });
});

describe('pods/log', () => {
  beforeEach(async () => {
    await call(c, 'POST', PODS, { body: pod('talker', {}, { annotations: { 'pocketkube.io/logs': 'hello\nworld' } }) });
    await call(c, 'POST', PODS, {
      body: pod('two', { containers: [{ name: 'a', image: 'busybox:1.36' }, { name: 'b', image: 'busybox:1.36' }] }, { annotations: { 'pocketkube.io/logs.b': 'from b' } }),
    });
    await c.reconcile();
  });

  it('answers what the running container printed, as text', async () => {
    expect((await c.client.get('pods', 'default', 'talker')).status.phase).toBe('Running');
    expect(await call(c, 'GET', `${PODS}/talker/log`)).toMatchObject({ code: 200, text: 'hello\nworld\n' });
    expect((await call(c, 'GET', `${PODS}/talker/log?tailLines=1`)).text).toBe('world\n');
    expect((await call(c, 'GET', `${PODS}/talker/log?timestamps=true`)).text).toMatch(/^2026-01-01T00:00:00\.000000000Z hello\n\S+ world\n$/);
    expect((await call(c, 'GET', `${PODS}/talker/log?limitBytes=3`)).text).toBe('hel');
  });

  it('needs ?container= for a pod of several containers', async () => {
    const r = await call(c, 'GET', `${PODS}/two/log`);
    expect(r.code).toBe(400);
    expect(r.json).toMatchObject({ kind: 'Status', reason: 'BadRequest' });
    expect(r.json.message).toBe('a container name must be specified for pod two, choose one of: [a b]');
    expect(await call(c, 'GET', `${PODS}/two/log?container=b`)).toMatchObject({ code: 200, text: 'from b\n' });
    const unknown = await call(c, 'GET', `${PODS}/two/log?container=zz`);
    expect(unknown.code).toBe(400);
    expect(unknown.json.message).toMatch(/^container zz is not valid for pod two/);
  });

  it('answers 400 for a non-integer option, 404 for a missing pod, 405 for a write', async () => {
    expect((await call(c, 'GET', `${PODS}/talker/log?tailLines=x`)).json.message).toBe('tailLines: Invalid value: "x": must be an integer');
    expect((await call(c, 'GET', `${PODS}/nope/log`)).json).toMatchObject({ code: 404, message: 'pods "nope" not found' });
    expect((await call(c, 'POST', `${PODS}/talker/log`, { body: {} })).code).toBe(405);
  });
});

describe('pods/binding and pods/eviction', () => {
  it('binds a pod no scheduler serves; a second binding is a 409', async () => {
    await call(c, 'POST', PODS, { body: pod('unbound', { schedulerName: NO_SCHEDULER }) });
    await c.reconcile();
    expect((await c.client.get('pods', 'default', 'unbound')).spec.nodeName).toBeUndefined();
    const node = (await c.client.list('nodes', {})).items[0]!.metadata.name!;
    const binding = { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'unbound' }, target: { kind: 'Node', name: node } };
    const r = await call(c, 'POST', `${PODS}/unbound/binding`, { body: binding });
    expect(r).toEqual({ code: 201, json: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 }, warnings: [] });
    expect((await c.client.get('pods', 'default', 'unbound')).spec.nodeName).toBe(node);
    await c.reconcile();
    expect((await c.client.get('pods', 'default', 'unbound')).status.phase).toBe('Running');
    expect(await call(c, 'POST', `${PODS}/unbound/binding`, { body: binding })).toMatchObject({ code: 409, json: { reason: 'Conflict' } });
  });

  it('answers 422 for a binding without a target', async () => {
    await call(c, 'POST', PODS, { body: pod('unbound', { schedulerName: NO_SCHEDULER }) });
    const r = await call(c, 'POST', `${PODS}/unbound/binding`, { body: { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'unbound' } } });
    expect(r).toMatchObject({ code: 422, json: { reason: 'Invalid' } });
  });

  it('evicts a pod: 201 Success, and the pod is being deleted', async () => {
    await call(c, 'POST', PODS, { body: pod('victim') });
    await c.reconcile();
    const eviction = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'victim', namespace: 'default' } };
    const r = await call(c, 'POST', `${PODS}/victim/eviction`, { body: eviction });
    expect(r).toMatchObject({ code: 201, json: { kind: 'Status', status: 'Success', code: 201 } });
    const after = await call(c, 'GET', `${PODS}/victim`);
    expect(after.code === 404 || after.json.metadata.deletionTimestamp !== undefined).toBe(true);
    expect((await call(c, 'POST', `${PODS}/nope/eviction`, { body: eviction })).json).toMatchObject({ code: 404, message: 'pods "nope" not found' });
    expect((await call(c, 'GET', `${PODS}/victim/eviction`)).code).toBe(405);
  });
});
