import { describe, expect, it } from 'vitest';
import { cm, failure, newServer, pod } from './test-kinds.js';

describe('delete', () => {
  it('removes an object without finalizers at once and returns it', async () => {
    const { server } = await newServer();
    const a = await server.create('configmaps', cm('a'));
    const out = await server.delete('configmaps', 'default', 'a');
    expect(out.metadata.uid).toBe(a.metadata.uid);
    await expect(server.get('configmaps', 'default', 'a')).rejects.toThrow('configmaps "a" not found');
    const e = await failure(server.delete('configmaps', 'default', 'a'));
    expect(e.code).toBe(404);
  });

  it('keeps an object with finalizers until the last one is removed', async () => {
    const { server, clock } = await newServer();
    await server.create('configmaps', cm('f', { finalizers: ['example.com/hold'] }));
    clock.advance(5000);
    const marked = await server.delete('configmaps', 'default', 'f');
    expect(marked.metadata.deletionTimestamp).toBe('2026-01-01T00:00:05Z');
    expect(marked.metadata.deletionGracePeriodSeconds).toBe(0);
    const again = await server.delete('configmaps', 'default', 'f');
    expect(again.metadata.resourceVersion).toBe(marked.metadata.resourceVersion);
    const e = await failure(server.patch('configmaps', 'default', 'f', 'merge', { metadata: { finalizers: ['example.com/hold', 'x.io/new'] } }));
    expect(e.message).toContain('metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"x.io/new"}');
    await server.patch('configmaps', 'default', 'f', 'merge', { metadata: { finalizers: null } });
    await expect(server.get('configmaps', 'default', 'f')).rejects.toThrow('not found');
  });

  it('records propagation policies as the garbage collector finalizers', async () => {
    const { server } = await newServer();
    await server.create('configmaps', cm('fg'));
    await server.create('configmaps', cm('or'));
    expect((await server.delete('configmaps', 'default', 'fg', { propagationPolicy: 'Foreground' })).metadata.finalizers).toEqual(['foregroundDeletion']);
    expect((await server.delete('configmaps', 'default', 'or', { propagationPolicy: 'Orphan' })).metadata.finalizers).toEqual(['orphan']);
    expect((await server.get('configmaps', 'default', 'fg')).metadata.deletionTimestamp).toBeDefined();
  });

  it('deletes unbound pods at once and bound pods gracefully', async () => {
    const { server } = await newServer();
    await server.create('pods', pod('unbound'));
    await server.delete('pods', 'default', 'unbound');
    await expect(server.get('pods', 'default', 'unbound')).rejects.toThrow('not found');

    await server.create('pods', pod('bound', { nodeName: 'n1' }));
    const marked = await server.delete('pods', 'default', 'bound');
    expect(marked.metadata.deletionTimestamp).toBe('2026-01-01T00:00:30Z');
    expect(marked.metadata.deletionGracePeriodSeconds).toBe(30);
    const shorter = await server.delete('pods', 'default', 'bound', { gracePeriodSeconds: 10 });
    expect(shorter.metadata.deletionTimestamp).toBe('2026-01-01T00:00:10Z');
    await server.delete('pods', 'default', 'bound', { gracePeriodSeconds: 0 });
    await expect(server.get('pods', 'default', 'bound')).rejects.toThrow('not found');
  });

  it('checks preconditions', async () => {
    const { server } = await newServer();
    await server.create('configmaps', cm('a'));
    const e = await failure(server.delete('configmaps', 'default', 'a', { preconditions: { uid: 'x' } }));
    expect(e.code).toBe(409);
    expect(e.message).toMatch(/^Operation cannot be fulfilled on configmaps "a": the UID in the precondition \(x\) does not match the UID in record \(.+\)\. The object might have been deleted and then recreated$/);
  });

  it('dry run changes nothing', async () => {
    const { server, store } = await newServer();
    await server.create('configmaps', cm('a'));
    const rev = store.revision();
    await server.delete('configmaps', 'default', 'a', { dryRun: 'All' });
    expect(store.revision()).toBe(rev);
    await server.get('configmaps', 'default', 'a');
  });

  it('marks a namespace Terminating and removes it once spec.finalizers is empty', async () => {
    const { server } = await newServer();
    await server.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'tmp' } });
    const ns = await server.delete('namespaces', undefined, 'tmp');
    expect(ns.status.phase).toBe('Terminating');
    expect(ns.metadata.deletionTimestamp).toBeDefined();
    await server.update('namespaces', { ...ns, spec: { finalizers: [] } });
    await expect(server.get('namespaces', undefined, 'tmp')).rejects.toThrow('namespaces "tmp" not found');
  });
});

describe('get and list', () => {
  it('lists one namespace or all, with the list kind and store revision', async () => {
    const { server, store } = await newServer();
    await server.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } });
    await server.create('configmaps', cm('a'));
    await server.create('configmaps', { ...cm('b'), metadata: { name: 'b', namespace: 'other' } });
    const one = await server.list('configmaps', { namespace: 'default' });
    expect(one.kind).toBe('ConfigMapList');
    expect(one.apiVersion).toBe('v1');
    expect(one.metadata.resourceVersion).toBe(String(store.revision()));
    expect(one.items.map((o) => o.metadata.name)).toEqual(['a']);
    expect((await server.list('configmaps')).items.map((o) => o.metadata.name)).toEqual(['a', 'b']);
  });

  it('filters by label and field selectors', async () => {
    const { server } = await newServer();
    await server.create('configmaps', cm('a', { labels: { app: 'web', tier: 'fe' } }));
    await server.create('configmaps', cm('b', { labels: { app: 'db' } }));
    const names = async (o: object) => (await server.list('configmaps', { namespace: 'default', ...o })).items.map((x) => x.metadata.name);
    expect(await names({ labelSelector: 'app=web' })).toEqual(['a']);
    expect(await names({ labelSelector: 'app in (web,db),!tier' })).toEqual(['b']);
    expect(await names({ fieldSelector: 'metadata.name!=a' })).toEqual(['b']);
    await server.create('pods', pod('p1', { nodeName: 'n1' }));
    await server.create('pods', pod('p2'));
    expect((await server.list('pods', { fieldSelector: 'spec.nodeName=n1' })).items.map((x) => x.metadata.name)).toEqual(['p1']);
  });

  it('rejects unsupported field selectors and bad selectors with 400', async () => {
    const { server } = await newServer();
    const e = await failure(server.list('pods', { fieldSelector: 'foo=bar' }));
    expect([e.code, e.message]).toEqual([400, 'field label not supported: foo']);
    const f = await failure(server.list('configmaps', { fieldSelector: 'data.a=1' }));
    expect(f.message).toBe('"data.a" is not a known field selector: only "metadata.name", "metadata.namespace"');
    const g = await failure(server.list('configmaps', { labelSelector: 'a in b' }));
    expect(g.code).toBe(400);
  });
});
