import { describe, expect, it } from 'vitest';
import { interPodAffinity } from '../../../src/scheduler/plugins/inter-pod-affinity.js';
import { scheduleBatch, schedule } from '../../../src/scheduler/scheduler.js';
import { Snapshot } from '../../../src/scheduler/snapshot.js';
import { names, node, pod } from '../fixtures.js';
import { filterAll, scoreAll } from './helpers.js';

const HOST = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';
const term = (labels: Record<string, string>, topologyKey: string, extra: object = {}) => ({ labelSelector: { matchLabels: labels }, topologyKey, ...extra });
const antiAffinity = (labels: Record<string, string>, key = HOST) => ({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term(labels, key)] } } });
const affinity = (labels: Record<string, string>, key = HOST) => ({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term(labels, key)] } } });

const zones = () => [
  node('a1', { labels: { [ZONE]: 'a' } }),
  node('a2', { labels: { [ZONE]: 'a' } }),
  node('b1', { labels: { [ZONE]: 'b' } }),
];

describe('InterPodAffinity filter', () => {
  it('anti-affinity by hostname keeps replicas apart; the fourth has nowhere to go', () => {
    const snap = new Snapshot({ nodes: names('node', 3).map((n) => node(n)) });
    const replicas = names('web-', 4).map((n) => pod(n, { labels: { app: 'web' }, spec: antiAffinity({ app: 'web' }) }));
    const { results } = scheduleBatch(replicas, snap);
    const placed = results.filter((r) => 'nodeName' in r.result).map((r) => ('nodeName' in r.result ? r.result.nodeName : ''));
    expect(new Set(placed).size).toBe(3);
    expect(results[3]!.result).toMatchObject({
      message:
        "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
    });
  });

  it('required affinity follows matching pods to their zone; unresolvable elsewhere', () => {
    const snap = new Snapshot({ nodes: zones(), pods: [pod('db', { labels: { app: 'db' }, nodeName: 'b1' })] });
    expect(filterAll(interPodAffinity, pod('p', { spec: affinity({ app: 'db' }, ZONE) }), snap)).toEqual({
      a1: "unresolvable: node(s) didn't match pod affinity rules",
      a2: "unresolvable: node(s) didn't match pod affinity rules",
      b1: 'ok',
    });
  });

  it('the first pod of a self-affine group may go anywhere with the topology key', () => {
    const snap = new Snapshot({ nodes: [...zones(), node('nozone')] });
    const first = pod('p', { labels: { app: 'cache' }, spec: affinity({ app: 'cache' }, ZONE) });
    expect(filterAll(interPodAffinity, first, snap)).toEqual({ a1: 'ok', a2: 'ok', b1: 'ok', nozone: "unresolvable: node(s) didn't match pod affinity rules" });
    const stranger = pod('q', { labels: { app: 'other' }, spec: affinity({ app: 'cache' }, ZONE) });
    expect(schedule(stranger, snap)).toMatchObject({
      message: "0/4 nodes are available: 4 node(s) didn't match pod affinity rules. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
    });
  });

  it("respects existing pods' anti-affinity towards the incoming pod", () => {
    const loner = pod('loner', { labels: { app: 'loner' }, nodeName: 'a1', spec: antiAffinity({ app: 'web' }, ZONE) });
    const snap = new Snapshot({ nodes: zones(), pods: [loner] });
    expect(filterAll(interPodAffinity, pod('w', { labels: { app: 'web' } }), snap)).toEqual({
      a1: "unschedulable: node(s) didn't satisfy existing pods anti-affinity rules",
      a2: "unschedulable: node(s) didn't satisfy existing pods anti-affinity rules",
      b1: 'ok',
    });
    expect(filterAll(interPodAffinity, pod('x', { labels: { app: 'api' } }), snap)).toBe('skip');
  });

  it('terms select pods in their own namespace unless namespaces or a namespaceSelector say otherwise', () => {
    const snap = new Snapshot({
      nodes: names('node', 2).map((n) => node(n)),
      pods: [pod('db', { namespace: 'data', labels: { app: 'db' }, nodeName: 'node1' })],
      namespaces: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'data', labels: { team: 'storage' } } }],
    });
    const sameNs = pod('p', { spec: { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'db' }, HOST)] } } } });
    expect(filterAll(interPodAffinity, sameNs, snap)).toEqual({ node1: "unresolvable: node(s) didn't match pod affinity rules", node2: "unresolvable: node(s) didn't match pod affinity rules" });
    const listed = pod('p', { spec: { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'db' }, HOST, { namespaces: ['data'] })] } } } });
    expect(filterAll(interPodAffinity, listed, snap)).toMatchObject({ node1: 'ok' });
    const bySelector = pod('p', {
      spec: { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'db' }, HOST, { namespaceSelector: { matchLabels: { team: 'storage' } } })] } } },
    });
    expect(filterAll(interPodAffinity, bySelector, snap)).toMatchObject({ node1: 'ok', node2: "unresolvable: node(s) didn't match pod affinity rules" });
  });
});

describe('InterPodAffinity score', () => {
  it('preferred affinity pulls towards, preferred anti-affinity pushes away', () => {
    const snap = new Snapshot({ nodes: zones(), pods: [pod('db', { labels: { app: 'db' }, nodeName: 'a1' })] });
    const pref = (kind: 'podAffinity' | 'podAntiAffinity') =>
      pod('p', { spec: { affinity: { [kind]: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term({ app: 'db' }, ZONE) }] } } } });
    expect(scoreAll(interPodAffinity, pref('podAffinity'), snap)).toEqual({ a1: 100, a2: 100, b1: 0 });
    expect(scoreAll(interPodAffinity, pref('podAntiAffinity'), snap)).toEqual({ a1: 0, a2: 0, b1: 100 });
    expect(scoreAll(interPodAffinity, pod('plain'), snap)).toBeNull();
  });

  it("existing pods' required affinity attracts the pods they select", () => {
    const follower = pod('f', { labels: { app: 'f' }, nodeName: 'b1', spec: affinity({ app: 'leader' }, ZONE) });
    const snap = new Snapshot({ nodes: zones(), pods: [follower] });
    expect(scoreAll(interPodAffinity, pod('l', { labels: { app: 'leader' } }), snap)).toEqual({ a1: 0, a2: 0, b1: 100 });
  });
});
