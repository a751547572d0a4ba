import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster.js';
import { FakeClock } from '../../src/util/clock.js';
import { describeObject } from '../../src/cli/printers/describe-object.js';
import type { KubeObject } from '../../src/api/types.js';

/** describe of real objects in an in-memory cluster: the kind's body plus the Events section built here. */
let cluster: Cluster;
let clock: FakeClock;

beforeEach(async () => {
  clock = new FakeClock('2026-01-01T00:00:00Z');
  cluster = await Cluster.inMemory({ clock });
});
afterEach(async () => {
  await cluster.close();
});

async function describeCm(name: string): Promise<string> {
  const kind = cluster.registry.resolve('configmaps')!;
  const obj = await cluster.client.get('configmaps', 'default', name);
  return describeObject(cluster.client, kind, obj, cluster.now());
}

describe('describeObject', () => {
  it('ends with Events:  <none> when nothing happened to the object', async () => {
    await cluster.client.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { a: '1' } });
    const text = await describeCm('cfg');
    expect(text.startsWith('Name:         cfg\nNamespace:    default\n')).toBe(true);
    expect(text.endsWith('\nEvents:  <none>\n')).toBe(true);
  });

  it('lists only the events about this object (same uid), oldest first', async () => {
    const created = await cluster.client.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' } });
    const ev = (name: string, uid: string, reason: string, at: string): KubeObject => ({
      apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default' },
      involvedObject: { apiVersion: 'v1', kind: 'ConfigMap', name: 'cfg', namespace: 'default', uid },
      reason, message: `${reason} happened`, type: 'Normal', source: { component: 'tester' }, count: 1,
      firstTimestamp: at, lastTimestamp: at,
    });
    await cluster.client.create('events', ev('e1', created.metadata.uid!, 'Second', '2026-01-01T00:00:30Z'));
    await cluster.client.create('events', ev('e2', created.metadata.uid!, 'First', '2026-01-01T00:00:10Z'));
    await cluster.client.create('events', ev('e3', 'another-uid', 'Stale', '2026-01-01T00:00:20Z'));
    clock.advance(60_000);
    const text = await describeCm('cfg');
    expect(text.slice(text.indexOf('Events:'))).toBe(
      'Events:\n' +
      '  Type    Reason  Age   From    Message\n' +
      '  ----    ------  ----  ----    -------\n' +
      '  Normal  First   50s   tester  First happened\n' +
      '  Normal  Second  30s   tester  Second happened\n',
    );
  });

  it('uses the generic describer for kinds without their own, with <none> lined up under its values', async () => {
    const kind = cluster.registry.resolve('controllerrevisions')!;
    expect(kind.describe).toBeUndefined();
    const obj = await cluster.client.create('controllerrevisions', {
      apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'web-1', namespace: 'default' }, revision: 1, data: {},
    });
    const text = await describeObject(cluster.client, kind, obj, cluster.now());
    expect(text).toMatch(/^Name:         web-1\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\nAPI Version:  apps\/v1\n/);
    // Lines without a value end a tab block, as in kubectl: `Kind:` stands alone, `Metadata:`'s fields align with Revision.
    expect(text).toContain('\nData:\nKind:  ControllerRevision\nMetadata:\n  Creation Timestamp:  2026-01-01T00:00:00Z\n');
    expect(text.endsWith('\nRevision:              1\nEvents:                <none>\n')).toBe(true);
  });
});
