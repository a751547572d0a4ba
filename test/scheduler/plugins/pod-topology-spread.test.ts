import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/api/types.js';
import { podTopologySpread } from '../../../src/scheduler/plugins/pod-topology-spread.js';
import { scheduleBatch } from '../../../src/scheduler/scheduler.js';
import { Snapshot } from '../../../src/scheduler/snapshot.js';
import { names, node, pod } from '../fixtures.js';
import { filterAll, scoreAll } from './helpers.js';

const ZONE = 'topology.kubernetes.io/zone';
const spread = (maxSkew: number, extra: object = {}) => ({
  topologySpreadConstraints: [{ maxSkew, topologyKey: ZONE, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, ...extra }],
});
const nodes = () => [
  node('a1', { labels: { [ZONE]: 'a' } }),
  node('a2', { labels: { [ZONE]: 'a' } }),
  node('b1', { labels: { [ZONE]: 'b' } }),
  node('nolabel'),
];
const web = (name: string, nodeName?: string, o: object = {}) => pod(name, { labels: { app: 'web' }, ...(nodeName ? { nodeName } : {}), spec: spread(1), ...o });

describe('PodTopologySpread filter', () => {
  it('keeps the skew between zones within maxSkew', () => {
    const snap = new Snapshot({ nodes: nodes(), pods: [web('w1', 'a1')] });
    expect(filterAll(podTopologySpread, web('w2'), snap)).toEqual({
      a1: "unschedulable: node(s) didn't match pod topology spread constraints",
      a2: "unschedulable: node(s) didn't match pod topology spread constraints",
      b1: 'ok',
      nolabel: "unresolvable: node(s) didn't match pod topology spread constraints (missing required label)",
    });
  });

  it('maxSkew 2 tolerates one more in the busier zone', () => {
    const snap = new Snapshot({ nodes: nodes(), pods: [web('w1', 'a1')] });
    expect(filterAll(podTopologySpread, web('w2', undefined, { spec: spread(2) }), snap)).toMatchObject({ a1: 'ok', a2: 'ok', b1: 'ok' });
  });

  it('minDomains above the domain count makes the global minimum 0', () => {
    const snap = new Snapshot({ nodes: nodes(), pods: [web('w1', 'a1'), web('w2', 'b1')] });
    expect(filterAll(podTopologySpread, web('w3', undefined, { spec: spread(1, { minDomains: 3 }) }), snap)).toMatchObject({
      a1: "unschedulable: node(s) didn't match pod topology spread constraints",
      b1: "unschedulable: node(s) didn't match pod topology spread constraints",
    });
  });

  it('spreads a batch evenly over zones and says why the rest cannot go', () => {
    const snap = new Snapshot({ nodes: nodes().slice(0, 3) });
    const { results } = scheduleBatch(names('w', 4).map((n) => web(n)), snap);
    const zoneOf = (r: { result: object }) => ('nodeName' in r.result ? (r.result.nodeName as string)[0] : 'none');
    expect(results.map(zoneOf).sort()).toEqual(['a', 'a', 'b', 'b']);
  });

  it('ignores terminating pods and pods in other namespaces', () => {
    const gone = web('gone', 'a1');
    gone.metadata.deletionTimestamp = '2026-01-01T00:00:00Z';
    const other = web('other', 'a1', { namespace: 'elsewhere' });
    const snap = new Snapshot({ nodes: nodes(), pods: [gone, other] });
    expect(filterAll(podTopologySpread, web('w'), snap)).toMatchObject({ a1: 'ok', b1: 'ok' });
  });
});

describe('PodTopologySpread score', () => {
  it('ScheduleAnyway prefers the emptier zone', () => {
    const soft = { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: ZONE, whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'web' } } }] };
    const snap = new Snapshot({ nodes: nodes().slice(0, 3), pods: [web('w1', 'a1'), web('w2', 'a2')] });
    const s = scoreAll(podTopologySpread, pod('p', { labels: { app: 'web' }, spec: soft }), snap)!;
    expect(s['b1']).toBe(100);
    expect(s['a1']).toBeLessThan(100);
    expect(s['a1']).toBe(s['a2']);
  });

  it('applies the system default constraints to pods owned by a ReplicaSet', () => {
    const rs: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } } } };
    const owned = (name: string, nodeName?: string) =>
      pod(name, { labels: { app: 'web' }, ...(nodeName ? { nodeName } : {}), metadata: { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'u', controller: true }] } });
    const snap = new Snapshot({ nodes: names('n', 3).map((n) => node(n)), pods: [owned('w1', 'n1'), owned('w2', 'n1')], replicaSets: [rs] });
    // hostname maxSkew 3, weight ln(3 + 2): n1 = round(2 x 1.609 + 2) = 5, others 2 -> 100 x (5 + 2 - s) / 5
    expect(scoreAll(podTopologySpread, owned('w3'), snap)).toEqual({ n1: 40, n2: 100, n3: 100 });
    expect(scoreAll(podTopologySpread, pod('bare', { labels: { app: 'web' } }), snap)).toBeNull();
  });

  it('spreads by a Service selector too', () => {
    const svc: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' } } };
    const snap = new Snapshot({ nodes: names('n', 2).map((n) => node(n)), pods: [pod('w1', { labels: { app: 'web' }, nodeName: 'n2' })], services: [svc] });
    // n2 = round(1 x ln(4) + 2) = 3, n1 = 2 -> n2 = 100 x (3 + 2 - 3) / 3
    expect(scoreAll(podTopologySpread, pod('w2', { labels: { app: 'web' } }), snap)).toEqual({ n1: 100, n2: 66 });
  });
});
