import { describe, expect, it } from 'vitest';
import { kindRegistry } from '../../../src/api/kinds/index.js';
import { waitForDeletion } from '../../../src/cli/delete/wait-deleted.js';
import { Cluster } from '../../../src/cluster.js';
import { FakeClock } from '../../../src/util/clock.js';

const configmaps = kindRegistry().byPlural('configmaps')!;

/** A pretend wall clock that moves only when the waiter sleeps. */
function fakeTime() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += Math.max(ms, 1)) };
}

describe('waitForDeletion', () => {
  it('returns once the object is gone', async () => {
    const cluster = await Cluster.inMemory({ clock: new FakeClock() });
    await cluster.client.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default', finalizers: ['example.com/hold'] } });
    await cluster.client.delete('configmaps', 'default', 'c');
    let looks = 0;
    const settle = async () => {
      if (++looks === 3) {
        const held = await cluster.client.get('configmaps', 'default', 'c');
        held.metadata.finalizers = [];
        await cluster.client.update('configmaps', held);
      }
    };
    await waitForDeletion([{ kind: configmaps, namespace: 'default', name: 'c' }], 60_000, { client: cluster.client, settle, ...fakeTime() });
    expect(looks).toBe(3);
  });

  it('times out in kubectl\'s words on an object held by a finalizer', async () => {
    const cluster = await Cluster.inMemory({ clock: new FakeClock() });
    await cluster.client.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default', finalizers: ['example.com/hold'] } });
    await cluster.client.delete('configmaps', 'default', 'c');
    await expect(
      waitForDeletion([{ kind: configmaps, namespace: 'default', name: 'c' }], 5_000, { client: cluster.client, ...fakeTime() }),
    ).rejects.toThrow('timed out waiting for the condition on configmaps/c');
  });

  it('counts a new object of the same name (another UID) as gone', async () => {
    const cluster = await Cluster.inMemory({ clock: new FakeClock() });
    await cluster.client.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' } });
    await waitForDeletion([{ kind: configmaps, namespace: 'default', name: 'c', uid: 'an-older-uid' }], 1_000, { client: cluster.client, ...fakeTime() });
  });
});
