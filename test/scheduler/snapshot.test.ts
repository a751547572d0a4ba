import { describe, expect, it } from 'vitest';
import { Snapshot } from '../../src/scheduler/snapshot.js';
import { node, pod } from './fixtures.js';

describe('Snapshot', () => {
  it('accounts assigned, non-terminal pods on their nodes', () => {
    const done = pod('done', { cpu: '1', nodeName: 'n1' });
    done.status = { phase: 'Succeeded' };
    const snap = new Snapshot({ nodes: [node('n1')], pods: [pod('a', { cpu: '250m', memory: '1Gi', nodeName: 'n1' }), pod('pending', { cpu: '1' }), done] });
    const n1 = snap.getNode('n1')!;
    expect(n1.pods.map((p) => p.name)).toEqual(['a']);
    expect(n1.requested).toMatchObject({ milliCPU: 250, memory: 2 ** 30, pods: 1 });
    expect(n1.nonZeroRequested).toEqual({ milliCPU: 250, memory: 2 ** 30 });
  });

  it('updates incrementally: replace, remove, assume', () => {
    const snap = new Snapshot({ nodes: [node('n1'), node('n2')] });
    snap.addPod(pod('a', { cpu: '100m', nodeName: 'n1' }));
    snap.addPod(pod('a', { cpu: '300m', nodeName: 'n2' }));
    expect(snap.getNode('n1')!.requested.milliCPU).toBe(0);
    expect(snap.getNode('n2')!.requested.milliCPU).toBe(300);
    snap.assume(pod('b', { cpu: '50m' }), 'n2');
    expect(snap.getNode('n2')!.requested).toMatchObject({ milliCPU: 350, pods: 2 });
    snap.removePod('default/a');
    expect(snap.getNode('n2')!.requested).toMatchObject({ milliCPU: 50, pods: 1 });
  });

  it('keeps of a placed pod only what is read of placed pods, with everything derived', () => {
    const snap = new Snapshot({ nodes: [node('n1'), node('n2')] });
    const full = pod('a', { cpu: '100m', nodeName: 'n1' });
    full.metadata.annotations = { big: 'x'.repeat(1000) };
    full.spec.tolerations = [{ key: 'k', operator: 'Exists' }];
    full.status = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }, { type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler' }] };
    snap.addPod(full);
    const placed = snap.podInfo('default/a')!;
    expect(placed.requests.milliCPU).toBe(100);
    expect(placed.tolerations).toEqual([]);
    expect(placed.pod.metadata.annotations).toBeUndefined();
    expect(placed.pod.spec).toEqual({ nodeName: 'n1', priority: undefined, preemptionPolicy: undefined });
    expect(placed.pod.status.conditions).toEqual([{ type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler' }]);
    // an assumed pod is placed the same way, sharing what was derived
    const pending = pod('b', { cpu: '50m' });
    pending.spec.tolerations = [{ key: 'k', operator: 'Exists' }];
    const assumed = snap.assume(pending, 'n2')!;
    expect(assumed.pod.spec.nodeName).toBe('n2');
    expect(assumed.pod.spec.containers).toBeUndefined();
    expect(assumed.requests.milliCPU).toBe(50);
  });

  it('keeps pods bound to a node it does not know until the node appears', () => {
    const snap = new Snapshot({ nodes: [], pods: [pod('early', { cpu: '1', nodeName: 'late' })] });
    snap.setNode(node('late'));
    expect(snap.getNode('late')!.requested.milliCPU).toBe(1000);
    snap.setNode(node('late', { labels: { disktype: 'ssd' } }));
    expect(snap.getNode('late')!.pods.map((p) => p.name)).toEqual(['early']);
  });

  it('walks nodes round-robin across zones', () => {
    const z = (name: string, zone: string) => node(name, { labels: { 'topology.kubernetes.io/zone': zone } });
    const snap = new Snapshot({ nodes: [z('a1', 'a'), z('a2', 'a'), z('a3', 'a'), z('b1', 'b'), z('c1', 'c')] });
    expect(snap.nodes.map((n) => n.name)).toEqual(['a1', 'b1', 'c1', 'a2', 'a3']);
  });

  it('keeps per-node selector match counts current', () => {
    const snap = new Snapshot({ nodes: [node('n1'), node('n2')], pods: [pod('w1', { labels: { app: 'web' }, nodeName: 'n1' })] });
    const sel = { matchLabels: { app: 'web' } };
    const counts = snap.matchCounts.counts('default', sel);
    const idx = (n: string) => snap.getNode(n)!.index;
    expect([counts[idx('n1')], counts[idx('n2')]]).toEqual([1, 0]);
    snap.assume(pod('w2', { labels: { app: 'web' } }), 'n2');
    snap.addPod(pod('x', { labels: { app: 'other' }, nodeName: 'n2' }));
    expect([counts[idx('n1')], counts[idx('n2')]]).toEqual([1, 1]);
    snap.removePod('default/w1');
    expect([counts[idx('n1')], counts[idx('n2')]]).toEqual([0, 1]);
  });
});
