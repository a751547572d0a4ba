import { describe, expect, it } from 'vitest';
import { cm, failure, newServer } from './test-kinds.js';

const deployment = (replicas: number) => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
  spec: { replicas, selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'x' }] } } },
});

describe('update', () => {
  it('replaces the object, keeps server metadata and gives a new resourceVersion', async () => {
    const { server } = await newServer();
    const a = await server.create('configmaps', cm('a'));
    const b = await server.update('configmaps', { ...a, data: { a: '2' } });
    expect(b.data).toEqual({ a: '2' });
    expect(b.metadata.uid).toBe(a.metadata.uid);
    expect(b.metadata.creationTimestamp).toBe(a.metadata.creationTimestamp);
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
  });

  it('answers 409 Conflict for a stale resourceVersion and NotFound for a missing object', async () => {
    const { server } = await newServer();
    const a = await server.create('configmaps', cm('a'));
    await server.update('configmaps', { ...a, data: { a: '2' } });
    const e = await failure(server.update('configmaps', { ...a, data: { a: '3' } }));
    expect([e.code, e.reason, e.message]).toEqual([409, 'Conflict',
      'Operation cannot be fulfilled on configmaps "a": the object has been modified; please apply your changes to the latest version and try again']);
    const n = await failure(server.update('configmaps', cm('zz')));
    expect([n.code, n.message]).toEqual([404, 'configmaps "zz" not found']);
  });

  it('does not write a no-op update', async () => {
    const { server, store } = await newServer();
    const a = await server.create('configmaps', cm('a'));
    const rev = store.revision();
    const b = await server.update('configmaps', a);
    expect(b.metadata.resourceVersion).toBe(a.metadata.resourceVersion);
    expect(store.revision()).toBe(rev);
  });

  it('bumps generation on spec changes only and keeps status for status-subresource kinds', async () => {
    const { server } = await newServer();
    const d = await server.create('deployments', deployment(1));
    const s = await server.updateStatus('deployments', { ...d, status: { replicas: 1 } });
    expect(s.metadata.generation).toBe(1);
    const labelled = await server.update('deployments', { ...s, metadata: { ...s.metadata, labels: { x: 'y' } }, status: { replicas: 9 } });
    expect(labelled.metadata.generation).toBe(1);
    expect(labelled.status).toEqual({ replicas: 1 });
    const scaled = await server.update('deployments', { ...labelled, spec: { ...labelled.spec, replicas: 3 } });
    expect(scaled.metadata.generation).toBe(2);
  });

  it('updateStatus takes only the status', async () => {
    const { server } = await newServer();
    const d = await server.create('deployments', deployment(1));
    const s = await server.updateStatus('deployments', { ...d, spec: { ...d.spec, replicas: 7 }, status: { replicas: 1 } });
    expect(s.spec.replicas).toBe(1);
    expect(s.status).toEqual({ replicas: 1 });
  });

  it('keeps metadata immutable', async () => {
    const { server } = await newServer();
    const a = await server.create('configmaps', cm('a'));
    const e = await failure(server.update('configmaps', { ...a, metadata: { ...a.metadata, uid: 'other' } }));
    expect(e.message).toBe('ConfigMap "a" is invalid: metadata.uid: Invalid value: "other": field is immutable');
  });
});

describe('patch', () => {
  it('applies strategic, merge and json patches through the update path', async () => {
    const { server } = await newServer();
    await server.create('deployments', deployment(1));
    const s = await server.patch('deployments', 'default', 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'c', image: 'y' }] } } } });
    expect(s.spec.template.spec.containers).toEqual([{ name: 'c', image: 'y' }]);
    expect(s.metadata.generation).toBe(2);
    const m = await server.patch('deployments', 'default', 'web', 'merge', { metadata: { labels: { a: '1' } } });
    expect(m.metadata.labels).toEqual({ a: '1' });
    const j = await server.patch('deployments', 'default', 'web', 'json', [{ op: 'replace', path: '/spec/replicas', value: 4 }]);
    expect(j.spec.replicas).toBe(4);
  });

  it('checks the resourceVersion only when the patch carries one', async () => {
    const { server } = await newServer();
    const a = await server.create('configmaps', cm('a'));
    await server.patch('configmaps', 'default', 'a', 'merge', { data: { b: '2' } });
    const e = await failure(server.patch('configmaps', 'default', 'a', 'merge', { metadata: { resourceVersion: a.metadata.resourceVersion }, data: { c: '3' } }));
    expect(e.code).toBe(409);
  });

  it('answers a failed JSON patch with the API server\'s 422', async () => {
    const { server } = await newServer();
    await server.create('configmaps', cm('a'));
    const e = await failure(server.patch('configmaps', 'default', 'a', 'json', [{ op: 'test', path: '/data/a', value: 'x' }]));
    expect([e.code, e.reason, e.message]).toEqual([422, 'Invalid', 'the server rejected our request due to an error in our request']);
  });

  it('rejects unknown fields introduced by a patch', async () => {
    const { server } = await newServer();
    await server.create('configmaps', cm('a'));
    const e = await failure(server.patch('configmaps', 'default', 'a', 'merge', { datta: {} }));
    expect(e.code).toBe(400);
    expect(e.message).toContain('unknown field "datta"');
  });
});
