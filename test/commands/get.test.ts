import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster.js';
import { FakeClock } from '../../src/util/clock.js';
import { fetchSelection, parseResourceArgs } from '../../src/cli/resource-args.js';
import { printObjects, printTableGroups } from '../../src/cli/printers/index.js';
import type { KubeObject } from '../../src/api/types.js';

/** The reading path of `get` against a real in-memory cluster: parse args → read through the API → print. */
let cluster: Cluster;

const cm = (name: string, ns: string, labels?: Record<string, string>): KubeObject =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns, labels }, data: { k: 'v' } });

beforeEach(async () => {
  const clock = new FakeClock('2026-01-01T00:00:00Z');
  cluster = await Cluster.inMemory({ clock });
  await cluster.client.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
  await cluster.client.create('configmaps', cm('b-cfg', 'default', { app: 'web' }));
  await cluster.client.create('configmaps', cm('a-cfg', 'default'));
  await cluster.client.create('configmaps', cm('c-cfg', 'shop', { app: 'web' }));
  clock.advance(5 * 60_000);
});
afterEach(async () => {
  await cluster.close();
});

async function get(args: string[], opts: { namespace?: string; allNamespaces?: boolean; labelSelector?: string; ignoreNotFound?: boolean } = {}) {
  const sel = parseResourceArgs(args, cluster.registry);
  const res = await fetchSelection(cluster.client, sel, { namespace: opts.namespace ?? 'default', ...opts });
  return { sel, ...res };
}

describe('get through the API', () => {
  it('lists one namespace in name order', async () => {
    const { groups } = await get(['cm']);
    const names = groups[0].objects.map((o) => o.metadata.name).filter((n) => n !== 'kube-root-ca.crt');
    expect(names).toEqual(['a-cfg', 'b-cfg']);
  });

  it('lists every namespace with -A and passes the label selector to the server', async () => {
    const { groups } = await get(['configmaps'], { allNamespaces: true, labelSelector: 'app=web' });
    const text = printTableGroups(groups, { withNamespace: true, now: cluster.now() });
    expect(text).toBe(
      'NAMESPACE   NAME    DATA   AGE\n' +
      'default     b-cfg   1      5m\n' +
      'shop        c-cfg   1      5m\n',
    );
  });

  it('returns the found objects and a NotFound error per missing name, in order', async () => {
    const { groups, errors } = await get(['cm', 'a-cfg', 'nope', 'b-cfg']);
    expect(groups[0].objects.map((o) => o.metadata.name)).toEqual(['a-cfg', 'b-cfg']);
    expect(errors.map((e) => e.message)).toEqual(['configmaps "nope" not found']);
  });

  it('drops NotFound errors with --ignore-not-found', async () => {
    const { errors } = await get(['cm', 'nope'], { ignoreNotFound: true });
    expect(errors).toEqual([]);
  });

  it('prints a single named object as itself and several as a List', async () => {
    const one = await get(['cm/a-cfg']);
    expect(printObjects(one.groups.flatMap((g) => g.objects), 'yaml', { single: one.sel.singleItem })).toMatch(/^apiVersion: v1\ndata:\n  k: v\nkind: ConfigMap\n/);
    const two = await get(['cm', 'a-cfg', 'b-cfg']);
    expect(printObjects(two.groups.flatMap((g) => g.objects), 'name', { single: two.sel.singleItem })).toBe('configmap/a-cfg\nconfigmap/b-cfg\n');
  });

  it('prints several kinds as separate tables with kind prefixes', async () => {
    const { groups } = await get(['ns,cm'], { labelSelector: 'app=web' });
    await cluster.client.patch('namespaces', undefined, 'shop', 'merge', { metadata: { labels: { app: 'web' } } });
    const again = await get(['ns,cm'], { labelSelector: 'app=web' });
    // Only one kind had matches: no prefixes.
    expect(printTableGroups(groups, { now: cluster.now() })).toBe('NAME    DATA   AGE\nb-cfg   1      5m\n');
    const text = printTableGroups(again.groups, { now: cluster.now() });
    expect(text.split('\n\n')).toHaveLength(2);
    expect(text).toContain('namespace/shop');
    expect(text).toContain('configmap/b-cfg');
  });
});
