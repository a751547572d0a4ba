import { describe, expect, it } from 'vitest';
import { schedule } from '../../src/scheduler/scheduler.js';
import { Snapshot } from '../../src/scheduler/snapshot.js';
import { node, pod } from './fixtures.js';

describe('DefaultPreemption', () => {
  it('nominates the node where evicting lower-priority pods makes room, choosing the fewest/lowest victims', () => {
    const snap = new Snapshot({
      nodes: [node('n1', { cpu: '1' }), node('n2', { cpu: '1' })],
      pods: [
        pod('low-a', { cpu: '600m', priority: 10, nodeName: 'n1' }),
        pod('low-b', { cpu: '300m', priority: 10, nodeName: 'n1' }),
        pod('mid', { cpu: '900m', priority: 50, nodeName: 'n2' }),
      ],
    });
    const r = schedule(pod('urgent', { cpu: '500m', priority: 100 }), snap);
    expect(r).toMatchObject({
      unschedulable: true,
      nominatedNodeName: 'n1',
      message: '0/2 nodes are available: 2 Insufficient cpu.',
    });
    // Only low-a must go: with it gone 300m + 500m fits; low-b is reprieved.
    expect('victims' in r && r.victims?.map((v) => v.metadata.name)).toEqual(['low-a']);
    // The dry run left the snapshot as it was.
    expect(snap.getNode('n1')!.requested.milliCPU).toBe(900);
  });

  it('says so when evicting everything lower would still not be enough', () => {
    const snap = new Snapshot({ nodes: [node('n1', { cpu: '1' })], pods: [pod('low', { cpu: '500m', priority: 1, nodeName: 'n1' })] });
    expect(schedule(pod('huge', { cpu: '2', priority: 100 }), snap)).toMatchObject({
      message: '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 Insufficient cpu.',
    });
  });

  it('does not preempt with preemptionPolicy Never', () => {
    const snap = new Snapshot({ nodes: [node('n1', { cpu: '1' })], pods: [pod('low', { cpu: '800m', priority: 1, nodeName: 'n1' })] });
    const p = pod('polite', { cpu: '500m', priority: 100, spec: { preemptionPolicy: 'Never' } });
    expect(schedule(p, snap)).toMatchObject({
      message: '0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
    });
  });

  it('equal priority pods are never victims', () => {
    const snap = new Snapshot({ nodes: [node('n1', { cpu: '1' })], pods: [pod('peer', { cpu: '800m', nodeName: 'n1' })] });
    expect(schedule(pod('p', { cpu: '500m' }), snap)).toMatchObject({
      message: '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    });
  });
});
