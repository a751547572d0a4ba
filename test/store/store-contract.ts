import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import type { Store } from '../../src/store/store.js';
import { registryKey, registryPrefix } from '../../src/store/store.js';

export function pod(namespace: string, name: string, extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec: { containers: [{ name: 'c', image: 'nginx' }] }, ...extra };
}

export function podKey(namespace: string, name: string): string {
  return registryKey('pods', namespace, name);
}

/** The behaviour every Store must show; run against each implementation with its factory. */
export interface ContractOptions {
  changeLogRetain?: number;
}

export function storeContract(name: string, factory: (options?: ContractOptions) => Store): void {
  describe(`${name}: Store contract`, () => {
    let store: Store;
    beforeEach(() => {
      store = factory();
    });
    afterEach(() => {
      store.close();
    });

    it('starts empty at revision 0', () => {
      expect(store.revision()).toBe(0);
      expect(store.get(podKey('a', 'x'))).toBeUndefined();
      expect(store.range('/registry/')).toEqual([]);
      expect(store.changesSince(0)).toEqual([]);
      expect(store.dirty()).toBe(false);
      expect(store.compactedRevision()).toBe(0);
    });

    it('puts and gets, stamping resourceVersion', () => {
      const stored = store.put(podKey('a', 'x'), pod('a', 'x'))!;
      expect(stored.metadata.resourceVersion).toBe('1');
      expect(store.get(podKey('a', 'x'))).toEqual(stored);
      expect(store.revision()).toBe(1);
    });

    it('returns the stored object itself when the caller shares it (put with share)', () => {
      const given = pod('a', 'x');
      const stored = store.put(podKey('a', 'x'), given, undefined, true)!;
      expect(stored).toBe(given);
      expect(stored.metadata.resourceVersion).toBe('1');
      expect(store.peek(podKey('a', 'x'))).toBe(stored);
      expect(store.get(podKey('a', 'x'))).not.toBe(stored);
    });

    it('stamps a metadata object shared with a stored version on a copy, and a create\'s own in place', () => {
      const first = store.put(podKey('a', 'x'), pod('a', 'x'), undefined, true)!;
      // an update built over the stored version: its metadata is that version's
      const next = { ...first, spec: { containers: [{ name: 'c', image: 'nginx:2' }] } };
      const updated = store.put(podKey('a', 'x'), next, '1', true)!;
      expect(updated.metadata.resourceVersion).toBe('2');
      expect(first.metadata.resourceVersion).toBe('1');
      const own = pod('a', 'y');
      const created = store.put(podKey('a', 'y'), own, undefined, true, true)!;
      expect(created.metadata).toBe(own.metadata);
      expect(own.metadata).toEqual({ name: 'y', namespace: 'a', resourceVersion: '3' });
    });

    it('hands out copies that the caller may mutate (put takes its input over)', () => {
      const stored = store.put(podKey('a', 'x'), pod('a', 'x'))!;
      stored.spec.containers[0].image = 'changed-result';
      const read = store.get(podKey('a', 'x'))!;
      expect(read.spec.containers[0].image).toBe('nginx');
      read.metadata.labels = { mutated: 'yes' };
      store.range('/registry/pods/')[0]!.metadata.name = 'other';
      expect(store.get(podKey('a', 'x'))!.metadata).toEqual({ name: 'x', namespace: 'a', resourceVersion: '1' });
      store.commit();
      const committed = store.get(podKey('a', 'x'))!;
      committed.metadata.name = 'mutated';
      expect(store.get(podKey('a', 'x'))!.metadata.name).toBe('x');
    });

    it('counts every put and delete in one global revision', () => {
      store.put(podKey('a', 'x'), pod('a', 'x'));
      store.put(podKey('a', 'y'), pod('a', 'y'));
      const again = store.put(podKey('a', 'x'), pod('a', 'x'))!;
      expect(again.metadata.resourceVersion).toBe('3');
      const removed = store.delete(podKey('a', 'y'))!;
      expect(removed.metadata.name).toBe('y');
      expect(removed.metadata.resourceVersion).toBe('2');
      expect(store.revision()).toBe(4);
      expect(store.delete(podKey('a', 'missing'))).toBeUndefined();
      expect(store.revision()).toBe(4);
      store.setMeta('lastReconciled', 4);
      store.addDelayed({ due: 5, queue: 'q', key: 'k' });
      expect(store.revision()).toBe(4);
    });

    it('refuses a put whose expected resourceVersion is stale', () => {
      const first = store.put(podKey('a', 'x'), pod('a', 'x'))!;
      const second = store.put(podKey('a', 'x'), pod('a', 'x'), first.metadata.resourceVersion)!;
      expect(second.metadata.resourceVersion).toBe('2');
      expect(store.put(podKey('a', 'x'), pod('a', 'x', { spec: { stale: true } }), '1')).toBeUndefined();
      expect(store.get(podKey('a', 'x'))!.spec).toEqual(pod('a', 'x').spec);
      expect(store.revision()).toBe(2);
      expect(store.put(podKey('a', 'nope'), pod('a', 'nope'), '1')).toBeUndefined();
      expect(store.get(podKey('a', 'nope'))).toBeUndefined();
    });

    it('ranges and lists keys by prefix in byte order, across namespaces and kinds', () => {
      const names: Array<[string, string]> = [
        ['small', 'b'], ['small', 'a'], ['small-2', 'a'], ['big', 'z'], ['small', 'a-1'], ['smal', 'q'],
      ];
      for (const [ns, n] of names) store.put(podKey(ns, n), pod(ns, n));
      store.put(registryKey('services', 'small', 'svc'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'svc', namespace: 'small' } });
      store.put(registryKey('namespaces', undefined, 'small'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'small' } });
      const expected = ['/registry/pods/small/a', '/registry/pods/small/a-1', '/registry/pods/small/b'];
      expect(store.keys(registryPrefix('pods', 'small'))).toEqual(expected);
      expect(store.range(registryPrefix('pods', 'small')).map((o) => o.metadata.name)).toEqual(['a', 'a-1', 'b']);
      expect(store.keys(registryPrefix('pods'))).toEqual([
        // '-' (0x2d) sorts before '/' (0x2f), as in etcd
        '/registry/pods/big/z', '/registry/pods/smal/q', '/registry/pods/small-2/a', ...expected,
      ]);
      expect(store.keys(registryPrefix('namespaces'))).toEqual(['/registry/namespaces/small']);
      expect(store.keys('/registry/')).toHaveLength(8);
      // the same answers once committed, and when committed and pending state mix
      store.commit();
      expect(store.keys(registryPrefix('pods', 'small'))).toEqual(expected);
      store.put(podKey('small', 'a-0'), pod('small', 'a-0'));
      store.delete(podKey('small', 'b'));
      store.put(podKey('small', 'c'), pod('small', 'c'));
      expect(store.keys(registryPrefix('pods', 'small'))).toEqual([
        '/registry/pods/small/a', '/registry/pods/small/a-0', '/registry/pods/small/a-1', '/registry/pods/small/c',
      ]);
      expect(store.range(registryPrefix('pods', 'small')).map((o) => o.metadata.name)).toEqual(['a', 'a-0', 'a-1', 'c']);
    });

    it('ranges Events in key order, whatever order their names carry (event-keys.ts)', () => {
      const order = (i: number) => i.toString(16).padStart(15, '0');
      const events: Array<[string, string]> = [
        ['default', `web-b.${order(1)}${'a'.repeat(12)}`],
        ['default', `web-a.${order(2)}${'b'.repeat(12)}`],
        ['default', 'web-a.0123456789abcdef'],
        ['kube-system', `dns.${order(3)}${'c'.repeat(12)}`],
        ['default', `web-c.${order(0)}${'d'.repeat(12)}`],
      ];
      const event = (ns: string, name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: ns }, reason: 'R' });
      for (const [ns, n] of events) store.put(registryKey('events', ns, n), event(ns, n));
      store.put(podKey('default', 'web-a'), pod('default', 'web-a'));
      const keys = events.map(([ns, n]) => registryKey('events', ns, n)).sort();
      const check = (): void => {
        expect(store.keys(registryPrefix('events'))).toEqual(keys);
        expect(store.keys('/registry/')).toEqual([...keys, podKey('default', 'web-a')]);
        expect(store.range(registryPrefix('events', 'default')).map((o) => o.metadata.name)).toEqual([
          `web-a.${order(2)}${'b'.repeat(12)}`, 'web-a.0123456789abcdef', `web-b.${order(1)}${'a'.repeat(12)}`, `web-c.${order(0)}${'d'.repeat(12)}`,
        ]);
        expect(store.keys(`${registryPrefix('events', 'default')}web-b`)).toEqual([keys[2]]);
        expect(store.keys(registryPrefix('events', 'kube-system'))).toEqual([keys[4]]);
        for (const key of keys) expect(store.peek(key)?.reason).toBe('R');
      };
      check();
      store.commit();
      check();
      store.delete(keys[0]!);
      store.delete(keys[1]!);
      store.commit();
      expect(store.get(keys[0]!)).toBeUndefined();
      expect(store.get(keys[1]!)).toBeUndefined();
      expect(store.keys(registryPrefix('events', 'default'))).toEqual([keys[2], keys[3]]);
    });

    it('orders keys by UTF-8 bytes', () => {
      const keys = ['/k/\u{1F600}', '/k/\uFF01', '/k/z', '/k/\u00e9', '/k/A'];
      for (const k of keys) store.put(k, pod('k', k));
      const expected = ['/k/A', '/k/z', '/k/\u00e9', '/k/\uFF01', '/k/\u{1F600}'];
      expect(store.keys('/k/')).toEqual(expected);
      store.commit();
      expect(store.keys('/k/')).toEqual(expected);
    });

    it('shows pending writes to reads, and rollback forgets them', () => {
      store.put(podKey('a', 'kept'), pod('a', 'kept'));
      store.commit();
      expect(store.dirty()).toBe(false);
      store.put(podKey('a', 'new'), pod('a', 'new'));
      store.delete(podKey('a', 'kept'));
      store.setMeta('m', { v: 1 });
      store.addDelayed({ due: 10, queue: 'q', key: 'k' });
      expect(store.dirty()).toBe(true);
      expect(store.get(podKey('a', 'kept'))).toBeUndefined();
      expect(store.keys('/registry/pods/a/')).toEqual(['/registry/pods/a/new']);
      expect(store.revision()).toBe(3);
      store.rollback();
      expect(store.dirty()).toBe(false);
      expect(store.keys('/registry/pods/a/')).toEqual(['/registry/pods/a/kept']);
      expect(store.revision()).toBe(1);
      expect(store.getMeta('m')).toBeUndefined();
      expect(store.nextDue()).toBeUndefined();
      expect(store.changesSince(0).map((c) => c.revision)).toEqual([1]);
    });

    it('keeps committed writes and continues the revision after them', () => {
      store.put(podKey('a', 'x'), pod('a', 'x'));
      store.commit();
      store.put(podKey('a', 'y'), pod('a', 'y'));
      store.commit();
      expect(store.revision()).toBe(2);
      expect(store.keys('/registry/pods/')).toEqual(['/registry/pods/a/x', '/registry/pods/a/y']);
      expect(store.put(podKey('a', 'x'), pod('a', 'x'))!.metadata.resourceVersion).toBe('3');
    });

    it('feeds changes since a revision, oldest first, with a limit', () => {
      store.put(podKey('a', 'x'), pod('a', 'x'));
      store.put(podKey('a', 'y'), pod('a', 'y'));
      store.commit();
      store.delete(podKey('a', 'x'));
      store.put(podKey('a', 'z'), pod('a', 'z'));
      expect(store.changesSince(0)).toEqual([
        { revision: 1, key: '/registry/pods/a/x', type: 'put' },
        { revision: 2, key: '/registry/pods/a/y', type: 'put' },
        { revision: 3, key: '/registry/pods/a/x', type: 'delete' },
        { revision: 4, key: '/registry/pods/a/z', type: 'put' },
      ]);
      expect(store.changesSince(2).map((c) => c.revision)).toEqual([3, 4]);
      expect(store.changesSince(1, 2).map((c) => c.revision)).toEqual([2, 3]);
      expect(store.changesSince(4)).toEqual([]);
      expect(store.changesSince(0, 0)).toEqual([]);
      store.commit();
      expect(store.changesSince(2).map((c) => c.type)).toEqual(['delete', 'put']);
    });

    it('keeps meta values', () => {
      expect(store.getMeta('offset')).toBeUndefined();
      const value = { offsetMs: 5000, names: ['a'] };
      store.setMeta('offset', value);
      value.names.push('mutated');
      expect(store.getMeta('offset')).toEqual({ offsetMs: 5000, names: ['a'] });
      store.commit();
      expect(store.getMeta<{ offsetMs: number }>('offset')!.offsetMs).toBe(5000);
      store.setMeta('offset', 7);
      expect(store.getMeta('offset')).toBe(7);
      store.setMeta('offset', undefined);
      expect(store.getMeta('offset')).toBeUndefined();
    });

    it('keeps the earliest due time for the same queue and key', () => {
      store.addDelayed({ due: 300, queue: 'deployment', key: 'a/web' });
      store.addDelayed({ due: 100, queue: 'deployment', key: 'a/web' });
      store.addDelayed({ due: 200, queue: 'deployment', key: 'a/web' });
      store.addDelayed({ due: 150, queue: 'kubelet', key: 'a/web' });
      expect(store.nextDue()).toBe(100);
      store.commit();
      store.addDelayed({ due: 50, queue: 'kubelet', key: 'a/web' });
      expect(store.takeDue(1000)).toEqual([
        { due: 50, queue: 'kubelet', key: 'a/web' },
        { due: 100, queue: 'deployment', key: 'a/web' },
      ]);
      expect(store.nextDue()).toBeUndefined();
    });

    it('takes due keys in due order and leaves later ones', () => {
      store.addDelayed({ due: 30, queue: 'cronjob', key: 'b/nightly' });
      store.addDelayed({ due: 10, queue: 'kubelet', key: 'node-1' });
      store.addDelayed({ due: 20, queue: 'deployment', key: 'a/web' });
      store.commit();
      expect(store.takeDue(5)).toEqual([]);
      expect(store.dirty()).toBe(false);
      expect(store.takeDue(20)).toEqual([
        { due: 10, queue: 'kubelet', key: 'node-1' },
        { due: 20, queue: 'deployment', key: 'a/web' },
      ]);
      expect(store.nextDue()).toBe(30);
      // taken keys are gone: re-adding one later is a fresh entry
      store.addDelayed({ due: 40, queue: 'kubelet', key: 'node-1' });
      store.commit();
      expect(store.takeDue(100).map((d) => d.key)).toEqual(['b/nightly', 'node-1']);
      expect(store.takeDue(100)).toEqual([]);
    });

    it('within one batch, finds keys added after a take, however early they are due', () => {
      store.addDelayed({ due: 10, queue: 'kubelet', key: 'node-1' });
      store.addDelayed({ due: 50, queue: 'kubelet', key: 'node-2' });
      store.commit();
      expect(store.takeDue(20).map((d) => d.key)).toEqual(['node-1']);
      expect(store.nextDue()).toBe(50);
      // due before what was taken (a reconcile that failed, a key queued for now)
      store.addDelayed({ due: 5, queue: 'deployment', key: 'a/web' });
      store.addDelayed({ due: 20, queue: 'kubelet', key: 'node-1' });
      expect(store.nextDue()).toBe(5);
      expect(store.takeDue(20).map((d) => d.key)).toEqual(['a/web', 'node-1']);
      expect(store.nextDue()).toBe(50);
      store.commit();
      expect(store.nextDue()).toBe(50);
      expect(store.takeDue(100).map((d) => d.key)).toEqual(['node-2']);
    });

    it('compacts the change log to the newest entries at commit', () => {
      const small = factory({ changeLogRetain: 3 });
      try {
        for (let i = 0; i < 5; i++) small.put(podKey('a', `p${i}`), pod('a', `p${i}`));
        expect(small.changesSince(0)).toHaveLength(5);
        small.commit();
        expect(small.changesSince(0).map((c) => c.revision)).toEqual([3, 4, 5]);
        expect(small.compactedRevision()).toBe(2);
        small.delete(podKey('a', 'p0'));
        small.commit();
        expect(small.changesSince(0).map((c) => c.revision)).toEqual([4, 5, 6]);
        expect(small.compactedRevision()).toBe(3);
        expect(small.keys('/registry/pods/a/')).toHaveLength(4);
      } finally {
        small.close();
      }
    });

    it('lists changes from any revision across commits of more than a chunk (512) each', () => {
      const keyOf = (i: number) => podKey('a', `p${i % 50}`);
      for (let i = 0; i < 700; i++) store.put(keyOf(i), pod('a', `p${i % 50}`));
      expect(store.pendingWrites()).toBeGreaterThanOrEqual(1400); // an object and a change per write
      store.commit();
      store.delete(keyOf(3));
      for (let i = 700; i < 1300; i++) store.put(keyOf(i), pod('a', `p${i % 50}`));
      // a batch's changes are listed before and after its commit alike
      for (const committed of [false, true]) {
        const all = store.changesSince(0);
        expect(all.map((c) => c.revision)).toEqual(Array.from({ length: 1301 }, (_, i) => i + 1));
        expect(all[700]).toEqual({ revision: 701, key: keyOf(3), type: 'delete' });
        expect(all[1300]).toEqual({ revision: 1301, key: keyOf(1299), type: 'put' });
        for (const since of [0, 511, 512, 513, 699, 700, 701, 1024, 1300]) {
          const got = store.changesSince(since, 3).map((c) => c.revision);
          expect(got).toEqual([since + 1, since + 2, since + 3].filter((r) => r <= 1301));
        }
        expect(store.changesSince(1301)).toEqual([]);
        if (!committed) store.commit();
      }
    });

    it('compacts inside a chunk: exactly the newest entries stay', () => {
      const small = factory({ changeLogRetain: 700 });
      try {
        for (let i = 0; i < 1200; i++) small.put(podKey('a', `p${i % 10}`), pod('a', `p${i % 10}`));
        small.commit();
        expect(small.compactedRevision()).toBe(500);
        const left = small.changesSince(0);
        expect([left.length, left[0]!.revision, left[699]!.revision]).toEqual([700, 501, 1200]);
        small.put(podKey('a', 'q'), pod('a', 'q'));
        small.commit();
        expect(small.changesSince(0).map((c) => c.revision).slice(0, 2)).toEqual([502, 503]);
        expect(small.changesSince(1199)).toEqual([
          { revision: 1200, key: podKey('a', 'p9'), type: 'put' },
          { revision: 1201, key: podKey('a', 'q'), type: 'put' },
        ]);
      } finally {
        small.close();
      }
    });

    it('rejects a queue name with a slash', () => {
      expect(() => store.addDelayed({ due: 1, queue: 'a/b', key: 'k' })).toThrow(/queue/);
    });
  });
}
