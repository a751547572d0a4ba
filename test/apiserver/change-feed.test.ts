import { describe, expect, it } from 'vitest';
import { ChangeFeed, parseRegistryKey } from '../../src/apiserver/change-feed.js';
import { MemoryStore } from '../../src/store/memory-store.js';

const cm = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' } });
const ns = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

describe('ChangeFeed.since', () => {
  it('names each change\'s resource and carries the objects wanted, the stored ones when shared', () => {
    const store = new MemoryStore();
    store.put('/registry/configmaps/default/a', cm('a'));
    store.put('/registry/namespaces/prod', ns('prod'));
    store.put('/registry/apiextensions.k8s.io/customresourcedefinitions/x', ns('x'));
    store.delete('/registry/configmaps/default/a');
    const feed = new ChangeFeed(store);
    const all = feed.since(0);
    expect(all.map((e) => [e.revision, e.type, e.resource])).toEqual([
      [1, 'put', 'configmaps'], [2, 'put', 'namespaces'], [3, 'put', 'apiextensions.k8s.io'], [4, 'delete', 'configmaps'],
    ]);
    // the resource is what parseRegistryKey reads from the key
    expect(all.map((e) => e.resource)).toEqual(all.map((e) => parseRegistryKey(e.key)?.resource));
    expect(all[1]!.object?.metadata.name).toBe('prod');
    // a delete without a tombstone still names what went
    expect(all[3]!.object?.metadata).toEqual({ name: 'a', namespace: 'default' });

    const wanted = feed.since(0, undefined, (resource) => resource === 'namespaces', true);
    expect(wanted.map((e) => [e.resource, e.object?.metadata.name])).toEqual([
      ['configmaps', undefined], ['namespaces', 'prod'], ['apiextensions.k8s.io', undefined], ['configmaps', undefined],
    ]);
    expect(wanted[1]!.object).toBe(store.peek('/registry/namespaces/prod'));
    expect(feed.since(2, 1).map((e) => e.revision)).toEqual([3]);
  });
});
