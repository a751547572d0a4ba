import { describe, expect, it } from 'vitest';
import { handOver } from '../../src/api/hand-over.js';
import { internalClient } from '../../src/apiserver/internal-client.js';
import { cm, failure, newServer, pod } from './test-kinds.js';

describe('create', () => {
  it('sets server metadata and stores the object', async () => {
    const { server, store } = await newServer();
    const created = await server.create('configmaps', cm('a'));
    expect(created.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created.metadata.creationTimestamp).toBe('2026-01-01T00:00:00Z');
    expect(created.metadata.resourceVersion).toBe(String(store.revision()));
    expect(created.metadata).not.toHaveProperty('generation');
    expect(await server.get('configmaps', 'default', 'a')).toEqual(created);
  });

  it('sets generation 1 for kinds that bump it, and runs defaults', async () => {
    const { server } = await newServer();
    const d = await server.create('deployments', {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
      spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'x' }] } } },
    });
    expect(d.metadata.generation).toBe(1);
    expect(d.spec.replicas).toBe(1);
  });

  it('fills a missing apiVersion/kind and rejects another type', async () => {
    const { server } = await newServer();
    const { apiVersion: _a, kind: _k, ...bare } = cm('bare');
    expect((await server.create('configmaps', bare as never)).kind).toBe('ConfigMap');
    const e = await failure(server.create('configmaps', { ...cm('x'), apiVersion: 'apps/v1' }));
    expect([e.code, e.message]).toEqual([400, 'the API version in the data (apps/v1) does not match the expected API version (v1)']);
  });

  it('rejects unknown fields in Strict mode, warns in Warn mode, and ignores them in Ignore mode', async () => {
    const { server } = await newServer();
    const bad = { ...cm('u'), spec: { x: 1 } };
    const e = await failure(server.create('configmaps', bad));
    expect(e.code).toBe(400);
    expect(e.message).toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "spec"');
    const warnings: string[] = [];
    await server.create('configmaps', bad, { fieldValidation: 'Warn', onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual(['unknown field "spec"']);
    await server.create('configmaps', { ...bad, metadata: { name: 'u2', namespace: 'default' } }, { fieldValidation: 'Ignore' });
  });

  it('does not walk the typed bodies of in-process components for unknown fields, unless they ask', async () => {
    const { server } = await newServer();
    const components = internalClient(server);
    // a typed body has no unknown fields to drop; this one does, to show the walk is skipped
    const stored = await components.create('configmaps', { ...cm('t'), spec: { x: 1 } } as never);
    expect(stored).toHaveProperty('spec');
    const e = await failure(components.create('configmaps', { ...cm('s'), spec: { x: 1 } } as never, { fieldValidation: 'Strict' }));
    expect(e.code).toBe(400);
  });

  it('answers AlreadyExists in kubectl words', async () => {
    const { server } = await newServer();
    await server.create('configmaps', cm('a'));
    const e = await failure(server.create('configmaps', cm('a')));
    expect([e.code, e.reason, e.message]).toEqual([409, 'AlreadyExists', 'configmaps "a" already exists']);
  });

  it('rejects invalid objects with 422 and every cause', async () => {
    const { server } = await newServer();
    const e = await failure(server.create('pods', { ...pod('Bad_Name'), spec: {} }));
    expect(e.code).toBe(422);
    expect(e.message).toMatch(/^Pod "Bad_Name" is invalid: \[metadata\.name: Invalid value: "Bad_Name": .*, spec\.containers: Required value\]$/);
  });

  it('rejects a resourceVersion on create', async () => {
    const { server } = await newServer();
    const e = await failure(server.create('configmaps', cm('a', { resourceVersion: '5' })));
    expect(e.message).toBe('Internal error occurred: resourceVersion should not be set on objects to be created');
  });

  it('generates names from generateName with the k8s alphabet', async () => {
    const { server } = await newServer();
    const a = await server.create('configmaps', { ...cm(''), metadata: { generateName: 'web-', namespace: 'default' } });
    const b = await server.create('configmaps', { ...cm(''), metadata: { generateName: 'web-', namespace: 'default' } });
    expect(a.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(b.metadata.name).not.toBe(a.metadata.name);
    const e = await failure(server.create('configmaps', { ...cm(''), metadata: { namespace: 'default' } }));
    expect(e.message).toBe('ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required');
  });

  it('enforces the namespace lifecycle', async () => {
    const { server } = await newServer();
    const e = await failure(server.create('configmaps', { ...cm('a'), metadata: { name: 'a', namespace: 'nope' } }));
    expect([e.code, e.reason, e.message]).toEqual([404, 'NotFound', 'namespaces "nope" not found']);
    await server.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'gone' } });
    await server.create('configmaps', { ...cm('keep'), metadata: { name: 'keep', namespace: 'gone' } });
    const ns = await server.delete('namespaces', undefined, 'gone');
    expect(ns.status.phase).toBe('Terminating');
    const f = await failure(server.create('configmaps', { ...cm('b'), metadata: { name: 'b', namespace: 'gone' } }));
    expect([f.code, f.reason, f.message]).toEqual([403, 'Forbidden', 'configmaps "b" is forbidden: unable to create new content in namespace gone because it is being terminated']);
    const g = await failure(server.delete('namespaces', undefined, 'default'));
    expect(g.message).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
  });

  it('dry run validates and returns the object without storing it', async () => {
    const { server, store } = await newServer();
    const rev = store.revision();
    const out = await server.create('configmaps', cm('dry'), { dryRun: 'All' });
    expect(out.metadata.uid).toBeTruthy();
    expect(store.revision()).toBe(rev);
    await expect(server.get('configmaps', 'default', 'dry')).rejects.toThrow('configmaps "dry" not found');
    await expect(server.create('pods', { ...pod('p'), spec: {} }, { dryRun: 'All' })).rejects.toThrow(/spec.containers: Required value/);
  });

  it('does not mutate the caller\'s object', async () => {
    const { server } = await newServer();
    const input = cm('a');
    await server.create('configmaps', input);
    expect(input.metadata).toEqual({ name: 'a', namespace: 'default' });
  });

  it('answers NotFound for an unknown resource', async () => {
    const { server } = await newServer();
    const e = await failure(server.list('widgets'));
    expect([e.code, e.message]).toEqual([404, 'the server could not find the requested resource']);
  });
});


describe('create of a handed-over object (hand-over.ts)', () => {
  it('stores the object itself and returns it, read-only; an ordinary create copies both ways', async () => {
    const { server, store } = await newServer();
    const mine = cm('mine');
    const copied = await server.create('configmaps', mine);
    expect(copied).not.toBe(mine);
    expect(mine.metadata).not.toHaveProperty('uid');
    expect(Object.isFrozen(copied)).toBe(false);

    const given = handOver(cm('given'));
    const stored = await server.create('configmaps', given);
    expect(stored).toBe(given);
    expect(stored.metadata.uid).toBeDefined();
    expect(store.peek('/registry/configmaps/default/given')).toBe(given);
    // under the test suite what is shared is frozen: a writer that changes it fails loudly
    expect(Object.isFrozen(stored.metadata)).toBe(true);
    expect(() => {
      stored.metadata.labels = { changed: 'yes' };
    }).toThrow(TypeError);
  });

  it('still retries a generated name that is taken (RetryGenerateName)', async () => {
    const first = await (await newServer()).server.create('configmaps', { ...cm(''), metadata: { generateName: 'web-', namespace: 'default' } });
    // same seed: the next server generates the same name first, and finds it taken
    const { server } = await newServer();
    await server.create('configmaps', cm(first.metadata.name!));
    const made = await server.create('configmaps', handOver({ ...cm(''), metadata: { generateName: 'web-', namespace: 'default' } }));
    expect(made.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(made.metadata.name).not.toBe(first.metadata.name);
  });

  it('uses the mark once: sending the object again copies it', async () => {
    const { server } = await newServer();
    const given = handOver(cm('x'));
    await server.create('configmaps', given);
    const e = await failure(server.create('configmaps', { ...cm('x') }));
    expect(e.code).toBe(409);
    const again = await server.create('configmaps', { ...cm('y') });
    expect(Object.isFrozen(again)).toBe(false);
  });
});
