import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { KeyFilter } from '../../src/store/key-filter.js';
import { LmdbStore } from '../../src/store/lmdb-store.js';

const podKey = (name: string) => `/registry/pods/default/${name}`;
const pod = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' } });

describe('KeyFilter', () => {
  it('never misses a key it was given, and rarely claims one it was not', () => {
    const filter = new KeyFilter(50_000);
    for (let i = 0; i < 50_000; i++) filter.add(podKey(`web-${i}`));
    for (let i = 0; i < 50_000; i++) expect(filter.mightHave(podKey(`web-${i}`))).toBe(true);
    let claimed = 0;
    for (let i = 0; i < 50_000; i++) if (filter.mightHave(podKey(`db-${i}`))) claimed++;
    expect(claimed / 50_000).toBeLessThan(0.03);
    expect(filter.full).toBe(false);
    filter.add(podKey('one-more'));
    expect(filter.full).toBe(true);
  });
});

describe('the LMDB store after enough misses to build its key filter', () => {
  const root = mkdtempSync(join(tmpdir(), 'pk-key-filter-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('still finds every stored key: committed before, written since, and written by another process', () => {
    const dir = join(root, 'a');
    const store = LmdbStore.open(dir);
    store.put(podKey('before'), pod('before'));
    store.commit();
    // creates of new names: each a miss (well past the filter's threshold)
    for (let i = 0; i < 5000; i++) expect(store.peek(podKey(`new-${i}`))).toBeUndefined();
    expect(store.peek(podKey('before'))?.metadata.name).toBe('before');
    store.put(podKey('after'), pod('after'));
    store.commit();
    expect(store.peek(podKey('after'))?.metadata.name).toBe('after');
    expect(store.get(podKey('after'))?.metadata.name).toBe('after');
    // Events are not kept decoded after a commit: found through the filter and LMDB
    const eventKey = '/registry/events/default/web.1';
    store.put(eventKey, { apiVersion: 'v1', kind: 'Event', metadata: { name: 'web.1', namespace: 'default' } });
    store.commit();
    expect(store.peek(eventKey)?.metadata.name).toBe('web.1');

    // another process writes a key this one's filter has never seen; a refresh shows it
    const other = LmdbStore.open(dir);
    other.put(podKey('theirs'), pod('theirs'));
    other.commit();
    other.close();
    store.refresh();
    expect(store.peek(podKey('theirs'))?.metadata.name).toBe('theirs');
    for (let i = 0; i < 5000; i++) store.peek(podKey(`more-${i}`));
    expect(store.peek(podKey('theirs'))?.metadata.name).toBe('theirs');
    store.close();
  });
});
