import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/api/types.js';
import { type DrainFilterOptions, podsForDeletion } from '../../../src/cli/node/drain-filters.js';
import { fakeClient } from '../../api/kinds/helpers.js';

function pod(name: string, opts: { ns?: string; owner?: string; phase?: string; emptyDir?: boolean; mirror?: boolean; deleting?: string } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: opts.ns ?? 'default',
      ...(opts.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: opts.owner.split('/')[0], name: opts.owner.split('/')[1], uid: 'u', controller: true }] } : {}),
      ...(opts.mirror ? { annotations: { 'kubernetes.io/config.mirror': 'x' } } : {}),
      ...(opts.deleting ? { deletionTimestamp: opts.deleting } : {}),
    },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...(opts.emptyDir ? { volumes: [{ name: 'tmp', emptyDir: {} }] } : {}) },
    status: { phase: opts.phase ?? 'Running' },
  };
}

const ds = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'kube-system' } };
const client = fakeClient({ daemonsets: [ds] });
const base: DrainFilterOptions = { force: false, ignoreDaemonSets: false, deleteEmptyDirData: false, skipWaitForDeleteTimeout: 0, now: Date.parse('2026-01-01T00:10:00Z') };
const names = (pods: KubeObject[]) => pods.map((p) => p.metadata.name);

describe('drain filters (kubectl pkg/drain filters.go)', () => {
  const node = [
    pod('web', { owner: 'ReplicaSet/web-1' }),
    pod('solo'),
    pod('agent-x', { ns: 'kube-system', owner: 'DaemonSet/agent' }),
    pod('cache', { owner: 'ReplicaSet/cache-1', emptyDir: true }),
    pod('static', { mirror: true }),
    pod('done', { phase: 'Succeeded' }),
  ];

  it('refuses unmanaged, DaemonSet and local-storage pods without the flags, one error per reason', async () => {
    const r = await podsForDeletion(client, node, base);
    expect(r.errors).toEqual([
      'cannot delete Pods that declare no controller (use --force to override): default/solo',
      'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/agent-x',
      'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache',
    ]);
  });

  it('with the flags: deletes what may go, skips DaemonSet and mirror pods, and warns', async () => {
    const r = await podsForDeletion(client, node, { ...base, force: true, ignoreDaemonSets: true, deleteEmptyDirData: true });
    expect(r.errors).toEqual([]);
    expect(names(r.pods)).toEqual(['web', 'solo', 'cache', 'done']);
    // the local-storage warning is replaced by the unreplicated filter's verdict, as in kubectl
    expect(r.warnings).toBe('deleting Pods that declare no controller: default/solo; ignoring DaemonSet-managed Pods: kube-system/agent-x');
  });

  it('deletes an orphan of a missing DaemonSet only with --force', async () => {
    const orphan = pod('ghost', { ns: 'kube-system', owner: 'DaemonSet/gone' });
    expect((await podsForDeletion(client, [orphan], base)).errors).toEqual(['cannot delete daemonsets "gone" not found: kube-system/ghost']);
    const forced = await podsForDeletion(client, [orphan], { ...base, force: true });
    expect(names(forced.pods)).toEqual(['ghost']);
    // its warning is replaced by the later filters' verdicts (kubectl keeps the last one)
    expect(forced.warnings).toBe('');
  });

  it('skips pods deleted longer ago than --skip-wait-for-delete-timeout', async () => {
    const old = pod('old', { owner: 'ReplicaSet/web-1', deleting: '2026-01-01T00:00:00Z' });
    expect(names((await podsForDeletion(client, [old], base)).pods)).toEqual(['old']);
    expect(names((await podsForDeletion(client, [old], { ...base, skipWaitForDeleteTimeout: 60 })).pods)).toEqual([]);
    expect(names((await podsForDeletion(client, [old], { ...base, skipWaitForDeleteTimeout: 900 })).pods)).toEqual(['old']);
  });
});
