import { describe, expect, it } from 'vitest';
import { EventRecorder } from '../../src/api/event-recorder.js';
import { Cluster } from '../../src/cluster.js';
import { FakeClock } from '../../src/util/clock.js';
import { creationOrder } from '../../src/api/uid.js';

async function setup() {
  const clock = new FakeClock('2026-01-01T00:00:00Z');
  const c = await Cluster.inMemory({ clock, bootstrap: { nodes: 1 } });
  const cm = await c.client.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' } });
  const rec = new EventRecorder(c.client, clock, { component: 'test-controller' });
  const events = async () => (await c.client.list('events', { namespace: 'default' })).items.filter((e) => e.source?.component === 'test-controller');
  return { c, clock, cm, rec, events };
}

describe('EventRecorder', () => {
  it('drops an Event the server refuses, as client-go\'s sink does, instead of failing the recorder', async () => {
    const { c, rec } = await setup();
    await c.client.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'gone' } });
    const cm = await c.client.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'gone', finalizers: ['example.com/hold'] } });
    await c.client.delete('namespaces', undefined, 'gone');
    // no new content (an Event) in a terminating namespace: refused with 403, and dropped
    expect(await rec.event(cm, 'Normal', 'Killing', 'Stopping container c')).toBeUndefined();
    expect((await c.client.list('events', { namespace: 'gone' })).items).toEqual([]);
    await c.close();
  });

  it('counts a repeat up on the one Event, with the newest timestamp', async () => {
    const { c, clock, cm, rec, events } = await setup();
    await rec.event(cm, 'Normal', 'Synced', 'synced');
    clock.advance(5_000);
    await rec.event(cm, 'Normal', 'Synced', 'synced');
    await rec.event(cm, 'Normal', 'Synced', 'synced');
    const [e, ...rest] = await events();
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ count: 3, firstTimestamp: '2026-01-01T00:00:00Z', lastTimestamp: '2026-01-01T00:00:05Z', message: 'synced' });
    // the ConfigMap's creation order (its uid's), then a digest of what the Event says
    expect(e!.metadata.name).toBe(`cfg.${creationOrder(cm.metadata.uid)}${e!.metadata.name!.slice(-12)}`);
    expect(e!.metadata.name).toMatch(/^cfg\.[0-9a-f]{27}$/);
    await c.close();
  });

  it('counts up an Event it wrote after the correlator has forgotten the object', async () => {
    const { c, clock, cm, rec, events } = await setup();
    await rec.event(cm, 'Normal', 'Synced', 'synced');
    // 4,096 other objects push the ConfigMap out of the correlator's memory (not out of the store)
    for (let i = 0; i < 4096; i++) {
      const other = { ...cm, metadata: { ...cm.metadata, name: `o${i}`, uid: `uid-${i}` } };
      await rec.event(other, 'Normal', 'Other', 'x');
    }
    clock.advance(1_000);
    await rec.event(cm, 'Normal', 'Synced', 'synced');
    const mine = (await events()).filter((e) => e.involvedObject.name === 'cfg');
    expect(mine.map((e) => [e.count, e.lastTimestamp])).toEqual([[2, '2026-01-01T00:00:01Z']]);
    await c.close();
  });

  it('names the Events of an object whose uid carries no order (an older build\'s) by a digest alone', async () => {
    const { c, cm, rec, events } = await setup();
    await rec.event({ ...cm, metadata: { ...cm.metadata, uid: '6f1c0a2e-4b7d-4c1e-9a3f-2d5b8e7c1a90' } }, 'Normal', 'Synced', 'synced');
    await rec.event({ ...cm, metadata: { ...cm.metadata, uid: '6f1c0a2e-4b7d-4c1e-9a3f-2d5b8e7c1a90' } }, 'Normal', 'Synced', 'synced');
    const [e, ...rest] = await events();
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ count: 2, metadata: { name: expect.stringMatching(/^cfg\.[0-9a-f]{16}$/) } });
    await c.close();
  });

  it('counts on from the stored Event when someone else changed or deleted it meanwhile', async () => {
    const { c, cm, rec, events } = await setup();
    await rec.event(cm, 'Warning', 'Failed', 'boom');
    const [first] = await events();
    await c.client.update('events', { ...first!, count: 10 });
    await rec.event(cm, 'Warning', 'Failed', 'boom');
    expect((await events())[0]!.count).toBe(11);
    await c.client.delete('events', 'default', first!.metadata.name!);
    await rec.event(cm, 'Warning', 'Failed', 'boom');
    expect((await events()).map((e) => e.count)).toEqual([1]);
    await c.close();
  });

  it('folds the 10th distinct message of one reason into a combined Event that counts up', async () => {
    const { c, cm, rec, events } = await setup();
    await Promise.all(Array.from({ length: 30 }, (_, i) => rec.event(cm, 'Normal', 'SuccessfulCreate', `Created pod: p-${i}`)));
    const all = await events();
    expect(all).toHaveLength(10);
    const combined = all.filter((e) => e.message.startsWith('(combined from similar events): '));
    expect(combined).toHaveLength(1);
    // 25 written (the spam filter's burst): 9 alone, then the combined one 16 times; 5 held back
    expect(combined[0]).toMatchObject({ count: 16, message: '(combined from similar events): Created pod: p-24' });
    await c.close();
  });

  it('holds an object\'s events back past 25 at once, and the next one written carries their count', async () => {
    const { c, clock, cm, rec, events } = await setup();
    for (let i = 0; i < 40; i++) await rec.event(cm, 'Warning', 'BackOff', 'Back-off restarting failed container');
    expect((await events()).map((e) => e.count)).toEqual([25]);
    await rec.event(cm, 'Normal', 'Other', 'held back too: the budget is per object, not per reason');
    expect(await events()).toHaveLength(1);
    clock.advance(300_000);
    await rec.event(cm, 'Warning', 'BackOff', 'Back-off restarting failed container');
    const [e] = await events();
    expect(e).toMatchObject({ count: 41, firstTimestamp: '2026-01-01T00:00:00Z', lastTimestamp: '2026-01-01T00:05:00Z' });
    await c.close();
  });
  it('stores the Event\'s fields in one order, with an empty fieldPath or host left out, not set', async () => {
    const { c, clock, cm } = await setup();
    const kubelet = new EventRecorder(c.client, clock, { component: 'test-kubelet', host: 'node-1' });
    const bare = new EventRecorder(c.client, clock, { component: 'test-bare', host: '' });
    await kubelet.event(cm, 'Normal', 'Pulled', 'pulled', 'spec.containers{c}');
    await bare.event(cm, 'Warning', 'Failed', 'failed', '');
    const all = (await c.client.list('events', { namespace: 'default' })).items;
    const withPath = all.find((e) => e.source?.component === 'test-kubelet')!;
    const without = all.find((e) => e.source?.component === 'test-bare')!;
    const fields = ['apiVersion', 'kind', 'metadata', 'involvedObject', 'reason', 'message', 'source', 'firstTimestamp', 'lastTimestamp', 'count', 'type', 'eventTime', 'reportingComponent', 'reportingInstance'];
    expect(Object.keys(withPath)).toEqual(fields);
    expect(Object.keys(without)).toEqual(fields);
    const involved = ['apiVersion', 'kind', 'name', 'namespace', 'uid', 'resourceVersion'];
    expect(Object.keys(withPath.involvedObject)).toEqual([...involved, 'fieldPath']);
    expect(Object.keys(without.involvedObject)).toEqual(involved);
    expect(withPath).toMatchObject({
      involvedObject: { apiVersion: 'v1', kind: 'ConfigMap', name: 'cfg', namespace: 'default', uid: cm.metadata.uid, resourceVersion: cm.metadata.resourceVersion, fieldPath: 'spec.containers{c}' },
      source: { component: 'test-kubelet', host: 'node-1' }, reportingComponent: 'test-kubelet', reportingInstance: 'node-1', eventTime: null, count: 1, type: 'Normal',
    });
    expect(Object.keys(withPath.source)).toEqual(['component', 'host']);
    expect(without.source).toEqual({ component: 'test-bare' });
    expect(without).toMatchObject({ reportingComponent: 'test-bare', reportingInstance: '' });
    await c.close();
  });

  it('lets writers of one Event that come together take turns, and the next ones start afresh', async () => {
    const { c, cm, rec, events } = await setup();
    // the same Event 5 times at once: one create, then 4 patches in turn, none lost
    await Promise.all(Array.from({ length: 5 }, () => rec.event(cm, 'Normal', 'Synced', 'synced')));
    expect((await events()).map((e) => e.count)).toEqual([5]);
    // nothing left in flight: the next one counts on from there
    await rec.event(cm, 'Normal', 'Synced', 'synced');
    await Promise.all([rec.event(cm, 'Normal', 'Synced', 'synced'), rec.event(cm, 'Normal', 'Other', 'other')]);
    const all = await events();
    expect(all.map((e) => [e.reason, e.count]).sort()).toEqual([['Other', 1], ['Synced', 7]]);
    await c.close();
  });
});
