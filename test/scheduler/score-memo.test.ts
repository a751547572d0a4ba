/**
 * Memoised raw scores (NodeScorer.memo) and filter passes (PreFilterOutcome.memo) must change
 * nothing: a batch scheduled with them places every pod where the same scheduler without them does,
 * as nodes fill up (some to the point of refusing pods), pods leave and nodes change.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import type { FilterPlugin, NodeFilter, ScorePlugin } from '../../src/scheduler/framework.js';
import { defaultProfile, type Profile } from '../../src/scheduler/profile.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { PodInfo } from '../../src/scheduler/pod-info.js';
import { Snapshot } from '../../src/scheduler/snapshot.js';
import { node, pod } from './fixtures.js';

/** Nodes the resource filter refused, in runs without memos. */
const stats = { refusals: 0 };

/** The default profile with every filter's and scorer's memo taken away. */
const unmemoised: Profile = {
  filters: defaultProfile.filters.map((plugin): FilterPlugin => ({
    name: plugin.name,
    prepareFilter(p, snapshot) {
      const out = plugin.prepareFilter(p, snapshot);
      if (out.kind !== 'filter') return out;
      const filter: NodeFilter = (n) => {
        const verdict = out.filter(n);
        if (verdict !== null && plugin.name === 'NodeResourcesFit') stats.refusals++;
        return verdict;
      };
      return { kind: 'filter', filter, ...(out.nodeNames ? { nodeNames: out.nodeNames } : {}) };
    },
  })),
  scores: defaultProfile.scores.map(({ plugin, weight }) => {
    const bare: ScorePlugin = {
      name: plugin.name,
      prepareScore(p, snapshot, feasible) {
        const s = plugin.prepareScore(p, snapshot, feasible);
        return s && { score: (n) => s.score(n), normalize: s.normalize && ((sc, ns, c) => s.normalize!(sc, ns, c)) };
      },
    };
    return { plugin: bare, weight };
  }),
};

const rs = (name: string): KubeObject => ({
  apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name, namespace: 'default', uid: `uid-${name}` },
  spec: { selector: { matchLabels: { app: name } } },
});

function owned(name: string, owner: string, cpu: string, memory: string): KubeObject {
  return pod(name, {
    labels: { app: owner }, cpu, memory,
    metadata: { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid: `uid-${owner}`, controller: true }] },
  });
}

function world(): Snapshot {
  // 150 nodes (past 100, so each pod scores a sample), of three sizes (the small ones fill up), some with a pod already
  const nodes = Array.from({ length: 150 }, (_, i) => node(`n-${i}`, { cpu: ['300m', '4', '8'][i % 3], memory: ['4Gi', '8Gi', '32Gi'][i % 3] }));
  const running = Array.from({ length: 40 }, (_, i) => ({ ...owned(`old-${i}`, 'web', '300m', '256Mi'), spec: { ...owned(`old-${i}`, 'web', '300m', '256Mi').spec, nodeName: `n-${(i * 7) % 150}` } }));
  return new Snapshot({ nodes, pods: running, replicaSets: [rs('web'), rs('api')] } as never);
}

function placements(profile: Profile | undefined): string[] {
  const snapshot = world();
  const s = new Scheduler({ seed: 7, ...(profile ? { profile } : {}) });
  const out: string[] = [];
  const batch = (pods: KubeObject[]) => {
    for (const r of s.scheduleBatch(pods, snapshot).results) out.push(`${r.pod.metadata.name}@${'nodeName' in r.result ? r.result.nodeName : 'none'}`);
  };
  batch(Array.from({ length: 120 }, (_, i) => owned(`web-${i}`, 'web', i % 2 ? '100m' : '250m', '128Mi')));
  // pods leave, a node changes (new labels, so a new NodeInfo), another goes away
  for (let i = 0; i < 30; i++) snapshot.removePod(`default/web-${i * 3}`);
  snapshot.setNode(node('n-5', { cpu: '16', memory: '64Gi', labels: { tier: 'big' } }));
  snapshot.removeNode('n-9');
  batch(Array.from({ length: 150 }, (_, i) => owned(`api-${i}`, i % 3 ? 'api' : 'web', '200m', '512Mi')));
  return out;
}

describe('memoised scores and filter passes', () => {
  it('place every pod where scoring every node afresh places it', () => {
    const memoised = placements(undefined);
    const fresh = placements(unmemoised);
    expect(memoised).toHaveLength(270);
    expect(memoised.filter((p) => p.endsWith('@none'))).toEqual([]);
    // the small nodes were full at times: their filters said no (and yes again once pods left)
    expect(stats.refusals).toBeGreaterThan(0);
    expect(memoised).toEqual(fresh);
  });

  it('are offered by the resource and spreading scorers', () => {
    const snapshot = world();
    const info = new Scheduler().schedule(owned('x', 'web', '100m', '64Mi'), snapshot);
    expect('nodeName' in info).toBe(true);
    const p = new PodInfo(owned('y', 'web', '100m', '64Mi'));
    const withMemo = defaultProfile.scores.filter(({ plugin }) => plugin.prepareScore(p, snapshot, snapshot.nodes)?.memo !== undefined);
    expect(withMemo.map(({ plugin }) => plugin.name).sort()).toEqual(['NodeResourcesBalancedAllocation', 'NodeResourcesFit', 'PodTopologySpread']);
  });
});
