import { describe, expect, it } from 'vitest';
import { testCluster } from './helpers.js';

describe('the Events\' expiry in the control loop', () => {
  it('deletes an Event from the store when its hour is up, and watches see the delete', async () => {
    const { c, clock } = await testCluster();
    const stamp = clock.now().toISOString();
    await c.client.create('events', {
      apiVersion: 'v1', kind: 'Event', metadata: { name: 'e', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'p', namespace: 'default' }, reason: 'Started', message: 'm', type: 'Normal',
      firstTimestamp: stamp, lastTimestamp: stamp, count: 1,
    });
    await c.reconcile();
    const before = c.revision();
    clock.advance(60 * 60 * 1000 - 1);
    await c.reconcile();
    expect(c.store.keys('/registry/events/')).toEqual(['/registry/events/default/e']);
    clock.advance(1);
    await c.reconcile();
    expect(c.store.keys('/registry/events/')).toEqual([]);
    const deletes = c.changesSince(before).filter((ch) => ch.type === 'delete');
    expect(deletes.map((ch) => `${ch.resource} ${ch.object?.metadata.name}`)).toEqual(['events e']);
    // nothing left to expire: no sweep is due any more
    expect(c.nextDue()).toBeUndefined();
  });
});
