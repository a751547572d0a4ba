import { describe, expect, it } from 'vitest';
import { eventually, send, serverPerTest } from './http-helpers.js';
import { deployment, pod } from './serve-helpers.js';

const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments';

const ctx = serverPerTest();

describe('ApiHttpServer', () => {
  it('creates with 201 JSON, then answers 409 with a Status body', async () => {
    const created = await send(ctx.base, 'POST', DEPLOYMENTS, deployment('web'));
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toBe('application/json');
    expect(await created.json()).toMatchObject({ kind: 'Deployment', metadata: { name: 'web', namespace: 'default' } });
    const again = await send(ctx.base, 'POST', DEPLOYMENTS, deployment('web'));
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'AlreadyExists', code: 409, message: 'deployments.apps "web" already exists' });
  });

  it('runs the control loop at a tick soon after a write: the scheduler binds a new pod', async () => {
    expect((await send(ctx.base, 'POST', '/api/v1/namespaces/default/pods', pod('p'))).status).toBe(201);
    const node = await eventually(async () => {
      const p = (await (await send(ctx.base, 'GET', '/api/v1/namespaces/default/pods/p')).json()) as { spec: { nodeName?: string } };
      return p.spec.nodeName;
    });
    expect(node).toBe((await ctx.c.client.list('nodes', {})).items[0]!.metadata.name);
  });

  it('sends the server\'s warnings as Warning: 299 headers', async () => {
    const d = deployment('web');
    const r = await send(ctx.base, 'POST', DEPLOYMENTS, { ...d, spec: { ...d.spec, bogus: true } });
    expect(r.status).toBe(201);
    expect(r.headers.get('warning')).toBe('299 - "unknown field \\"spec.bogus\\""');
  });

  it('answers a pod\'s log as text/plain', async () => {
    await send(ctx.base, 'POST', '/api/v1/namespaces/default/pods', pod('talker', {}, { annotations: { 'pocketkube.io/logs': 'hi' } }));
    // the pod runs once the control loop has scheduled it and its kubelet started it
    const r = await eventually(async () => {
      const res = await send(ctx.base, 'GET', '/api/v1/namespaces/default/pods/talker/log');
      return res.status === 200 ? res : undefined;
    });
    expect(r.headers.get('content-type')).toBe('text/plain');
    expect(await r.text()).toBe('hi\n');
  });

  it('answers Status errors for bad JSON, unknown paths and a malformed path escape', async () => {
    const bad = await fetch(ctx.base + DEPLOYMENTS, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ kind: 'Status', reason: 'BadRequest' });
    for (const path of ['/nope', '/api/v1/namespaces/%zz/pods']) {
      const r = await fetch(ctx.base + path);
      expect(r.status, path).toBe(404);
      expect(await r.json()).toMatchObject({ kind: 'Status', reason: 'NotFound' });
    }
  });

  it('answers the health checks and discovery', async () => {
    expect(await (await fetch(`${ctx.base}/readyz`)).text()).toBe('ok');
    const api = (await (await fetch(`${ctx.base}/api`)).json()) as { serverAddressByClientCIDRs: { serverAddress: string }[] };
    expect(api.serverAddressByClientCIDRs[0]!.serverAddress).toBe(ctx.base.replace('http://', ''));
  });
});
