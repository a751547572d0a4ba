import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { testCluster } from '../node/helpers.js';

const LABEL = 'rbac.example.com/aggregate-to-monitoring';

function clusterRole(name: string, rules: unknown[], labels?: Record<string, string>): KubeObject {
  return { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name, ...(labels ? { labels } : {}) }, rules } as KubeObject;
}

const pods = { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] };
const nodes = { apiGroups: [''], resources: ['nodes'], verbs: ['get'] };
const metrics = { nonResourceURLs: ['/metrics'], verbs: ['get'] };

describe('the ClusterRole aggregation controller', () => {
  it('gives an aggregated ClusterRole the rules of the roles its selectors match, each once, in name order', async () => {
    const t = await testCluster();
    const client = t.cluster.client;
    await client.create('clusterroles', { ...clusterRole('monitoring', []), aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [LABEL]: 'true' } }] } } as KubeObject);
    await client.create('clusterroles', clusterRole('b-nodes', [nodes, pods], { [LABEL]: 'true' }));
    await client.create('clusterroles', clusterRole('a-pods', [pods], { [LABEL]: 'true' }));
    await client.create('clusterroles', clusterRole('other', [metrics]));
    await t.cluster.reconcile();
    expect((await client.get('clusterroles', undefined, 'monitoring')).rules).toEqual([pods, nodes]);

    await client.patch('clusterroles', undefined, 'other', 'merge', { metadata: { labels: { [LABEL]: 'true' } } });
    await client.delete('clusterroles', undefined, 'a-pods');
    await t.cluster.reconcile();
    expect((await client.get('clusterroles', undefined, 'monitoring')).rules).toEqual([nodes, pods, metrics]);
  });

  it('leaves an aggregate that matches nothing as it is', async () => {
    const t = await testCluster();
    const created = await t.cluster.client.create('clusterroles', { ...clusterRole('empty', []), rules: null, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { none: 'x' } }] } } as unknown as KubeObject);
    await t.cluster.reconcile();
    const role = await t.cluster.client.get('clusterroles', undefined, 'empty');
    expect(role.rules ?? null).toBeNull();
    // not written at all: no rules is the same as empty rules
    expect(role.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
  });
});
