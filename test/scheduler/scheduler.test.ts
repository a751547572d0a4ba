import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { KubeObject } from '../../src/api/types.js';
import { numFeasibleNodesToFind, schedule, scheduleBatch, Scheduler, NO_NODES_AVAILABLE } from '../../src/scheduler/scheduler.js';
import { Snapshot } from '../../src/scheduler/snapshot.js';
import { names, node, pod } from './fixtures.js';

const corpus = (f: string): KubeObject => parse(readFileSync(`/work/shared/corpus/${f}`, 'utf8')) as KubeObject;
const controlPlaneTaint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

function placements(results: { pod: KubeObject; result: object }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { result } of results) {
    const n = 'nodeName' in result ? (result.nodeName as string) : 'unschedulable';
    out[n] = (out[n] ?? 0) + 1;
  }
  return out;
}

describe('FailedScheduling message', () => {
  it('histograms mixed reasons and splits preemption into not-helpful and no-victims', () => {
    const snap = new Snapshot({
      nodes: [node('cp', { taints: [controlPlaneTaint] }), node('w1', { cpu: '1' }), node('w2', { cpu: '1' })],
    });
    const r = schedule(pod('big', { cpu: '2' }), snap);
    expect(r).toMatchObject({
      unschedulable: true,
      conditionReason: 'Unschedulable',
      message:
        '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. ' +
        'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    });
    if ('reasons' in r) {
      expect([...r.reasons]).toEqual([
        ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }', 1],
        ['Insufficient cpu', 2],
      ]);
    }
  });

  it('counts every reason a node gives and sorts entries as strings (10 before 2)', () => {
    const nodes = [...names('small', 10).map((n) => node(n, { cpu: '1', memory: '1Gi' })), ...names('t', 2).map((n) => node(n, { taints: [{ key: 'x', value: 'y', effect: 'NoExecute' }] }))];
    const r = schedule(pod('p', { cpu: '2', memory: '2Gi' }), new Snapshot({ nodes }));
    expect('message' in r && r.message).toBe(
      '0/12 nodes are available: 10 Insufficient cpu, 10 Insufficient memory, 2 node(s) had untolerated taint {x: y}. ' +
        'preemption: 0/12 nodes are available: 10 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.',
    );
  });

  it('the corpus pod with required node affinity fits none of 3 plain nodes', () => {
    const snap = new Snapshot({ nodes: names('node', 3).map((n) => node(n)) });
    const r = schedule(corpus('website__content_en_examples_pods_pod-with-affinity-anti-affinity.yaml'), snap);
    expect('message' in r && r.message).toBe(
      "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. " +
        'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });

  it('nodes outside a metadata.name pin count as not satisfying NodeAffinity', () => {
    const snap = new Snapshot({ nodes: [node('n1', { cpu: '1' }), node('n2'), node('n3')] });
    const ds = pod('ds', {
      cpu: '2',
      spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }] } } } },
    });
    const r = schedule(ds, snap);
    expect('message' in r && r.message).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. " +
        'preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.',
    );
    expect(schedule(pod('ds2', { spec: { affinity: ds.spec.affinity } }), snap)).toEqual({ nodeName: 'n1' });
  });

  it('reports a scheduler error when there are no nodes', () => {
    expect(schedule(pod('p'), new Snapshot({ nodes: [] }))).toMatchObject({ message: NO_NODES_AVAILABLE, conditionReason: 'SchedulerError' });
  });

  it('a cordoned node is unschedulable unless tolerated', () => {
    const snap = new Snapshot({ nodes: [node('n1', { unschedulable: true })] });
    expect(schedule(pod('p'), snap)).toMatchObject({
      message: '0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    });
    const tolerant = pod('t', { spec: { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] } });
    expect(schedule(tolerant, snap)).toEqual({ nodeName: 'n1' });
  });
});

describe('placement', () => {
  it("pod-nginx waits for a node labelled disktype=ssd, then goes there", () => {
    const nginx = corpus('website__content_en_examples_pods_pod-nginx.yaml');
    const snap = new Snapshot({ nodes: names('node', 3).map((n) => node(n)) });
    expect(schedule(nginx, snap)).toMatchObject({
      message: "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    });
    snap.setNode(node('node2', { labels: { disktype: 'ssd' } }));
    expect(schedule(nginx, snap)).toEqual({ nodeName: 'node2' });
  });

  it('spreads identical pods evenly across identical nodes', () => {
    const snap = new Snapshot({ nodes: names('node', 3).map((n) => node(n)) });
    const pods = names('p', 9).map((n) => pod(n, { cpu: '100m', memory: '128Mi' }));
    expect(placements(scheduleBatch(pods, snap).results)).toEqual({ node1: 3, node2: 3, node3: 3 });
  });

  it('spreads pods without requests too (non-zero scoring defaults)', () => {
    const snap = new Snapshot({ nodes: names('node', 4).map((n) => node(n)) });
    expect(placements(scheduleBatch(names('p', 8).map((n) => pod(n)), snap).results)).toEqual({ node1: 2, node2: 2, node3: 2, node4: 2 });
  });

  it('places in queue order: higher priority first, then older', () => {
    const snap = new Snapshot({ nodes: [node('n1', { cpu: '1' })] });
    const pods = [
      pod('old-low', { cpu: '600m', created: '2026-01-01T00:00:00Z' }),
      pod('new-high', { cpu: '600m', priority: 100, created: '2026-01-02T00:00:00Z' }),
    ];
    const { results } = scheduleBatch(pods, snap);
    expect(results.map((r) => [r.pod.metadata.name, 'nodeName' in r.result])).toEqual([
      ['new-high', true],
      ['old-low', false],
    ]);
  });

  it('leaves gated, bound and foreign-scheduler pods out of the batch', () => {
    const snap = new Snapshot({ nodes: [node('n1')] });
    const gated = pod('g', { spec: { schedulingGates: [{ name: 'wait' }] } });
    const out = scheduleBatch([gated, pod('bound', { nodeName: 'n1' }), pod('other', { spec: { schedulerName: 'my-scheduler' } }), pod('p')], snap);
    expect(out.gated).toEqual([gated]);
    expect(out.results.map((r) => r.pod.metadata.name)).toEqual(['p']);
  });

  it('prefers the nominated node when it fits', () => {
    const snap = new Snapshot({ nodes: names('node', 5).map((n) => node(n)) });
    const p = pod('p');
    p.status = { phase: 'Pending', nominatedNodeName: 'node4' };
    expect(schedule(p, snap)).toEqual({ nodeName: 'node4' });
  });
});

describe('node sampling (percentageOfNodesToScore)', () => {
  it('scores every node below 100 and an adaptive share above', () => {
    expect(numFeasibleNodesToFind(50)).toBe(50);
    expect(numFeasibleNodesToFind(150)).toBe(100);
    expect(numFeasibleNodesToFind(1000)).toBe(420);
    expect(numFeasibleNodesToFind(5000)).toBe(500);
    expect(numFeasibleNodesToFind(10000)).toBe(500);
    expect(numFeasibleNodesToFind(1000, 20)).toBe(200);
  });

  it('walks on from where the last cycle stopped, so samples rotate over the cluster', () => {
    const snap = new Snapshot({ nodes: names('n', 1000).map((n) => node(n)) });
    const s = new Scheduler();
    const seen = new Set<string>();
    for (const p of names('p', 10).map((n) => pod(n, { cpu: '10m' }))) {
      const r = s.schedule(p, snap);
      if ('nodeName' in r) {
        seen.add(r.nodeName);
        snap.assume(p, r.nodeName);
      }
    }
    expect(seen.size).toBe(10);
  });
});
