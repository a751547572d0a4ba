import { describe, expect, it } from 'vitest';
import { kindRegistry } from '../../src/api/kinds/index.js';
import { isStatusError } from '../../src/api/errors.js';
import type { KubeObject } from '../../src/api/types.js';
import { RemoteClient } from '../../src/client/remote.js';
import { serverPerTest } from '../serve/http-helpers.js';

const ctx = serverPerTest();
const client = (): RemoteClient => new RemoteClient({ server: new URL(ctx.base), contextName: 'x', userName: 'u' }, kindRegistry());
const cm = (name: string, extra: Record<string, unknown> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data: { a: '1' }, ...extra });

describe('RemoteClient over the HTTP API', () => {
  it('creates, reads, lists, patches, updates and deletes', async () => {
    const c = client();
    const created = await c.create('configmaps', cm('one'));
    expect(created.metadata.uid).toBeTruthy();
    expect((await c.get('configmaps', 'default', 'one')).data).toEqual({ a: '1' });
    await c.create('configmaps', cm('two', { metadata: { name: 'two', namespace: 'default', labels: { k: 'v' } } }));
    expect((await c.list('configmaps', { namespace: 'default', labelSelector: 'k=v' })).items.map((o) => o.metadata.name)).toEqual(['two']);
    expect((await c.patch('configmaps', 'default', 'one', 'merge', { data: { b: '2' } })).data).toEqual({ a: '1', b: '2' });
    const current = await c.get('configmaps', 'default', 'one');
    expect((await c.update('configmaps', { ...current, data: { c: '3' } })).data).toEqual({ c: '3' });
    expect((await c.delete('configmaps', 'default', 'one')).metadata.name).toBe('one');
    await expect(c.get('configmaps', 'default', 'one')).rejects.toSatisfy((e: unknown) => isStatusError(e) && e.code === 404 && e.reason === 'NotFound' && e.message === 'configmaps "one" not found');
  });

  it("passes the server's warnings and refusals on as the embedded server gives them", async () => {
    const warnings: string[] = [];
    await client().create('configmaps', cm('w', { spec: {} }), { fieldValidation: 'Warn', onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual(['unknown field "spec"']);
    await expect(client().create('configmaps', cm('s', { spec: {} }), { fieldValidation: 'Strict' }))
      .rejects.toSatisfy((e: unknown) => isStatusError(e) && e.code === 400 && e.message.includes('strict decoding error: unknown field "spec"'));
    await expect(client().create('configmaps', cm('w'))).rejects.toSatisfy((e: unknown) => isStatusError(e) && e.reason === 'AlreadyExists');
  });

  it('answers reviews, with impersonation', async () => {
    const review = (user?: string) => client().review({
      apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', metadata: {},
      spec: { resourceAttributes: { verb: 'get', resource: 'pods', namespace: 'default' } },
    }, user ? { impersonate: { user } } : {});
    expect((await review()).status.allowed).toBe(true);
    expect((await review('system:serviceaccount:default:default')).status.allowed).toBe(false);
  });

  it('watches from a resourceVersion until the signal aborts', async () => {
    const c = client();
    const { metadata } = await c.list('configmaps', { namespace: 'default' });
    const seen: string[] = [];
    const abort = new AbortController();
    const done = c.watch('configmaps', { namespace: 'default', resourceVersion: metadata.resourceVersion }, (type, obj) => {
      seen.push(`${type} ${obj.metadata.name}`);
      if (seen.length === 2) abort.abort();
    }, abort.signal);
    await c.create('configmaps', cm('w1'));
    await c.delete('configmaps', 'default', 'w1');
    await done;
    expect(seen).toEqual(['ADDED w1', 'DELETED w1']);
  });
});
