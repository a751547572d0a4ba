import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { testCluster } from '../node/helpers.js';

function sts(spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', namespace: 'default' },
    spec: {
      serviceName: 'nginx', replicas: 2, selector: { matchLabels: { app: 'nginx' } },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, name: 'web' }] }] } },
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      ...spec,
    },
  };
}

const names = async (c: KubeObject['client'], res: string) => (await c.list(res, { namespace: 'default' })).items.map((o: KubeObject) => o.metadata.name).sort();

describe('StatefulSet controller', () => {
  it('creates web-0 then web-1 with their claims, in order, and reports status', async () => {
    const t = await testCluster();
    const c = t.cluster.client;
    await c.create('statefulsets', sts());
    // the first scheduling attempt may find the claim not yet bound: the scheduler retries after its back-off
    for (let i = 0; i < 5; i++) await t.advance(2_000);
    const set = await c.get('statefulsets', 'default', 'web');
    expect(await names(c, 'pods')).toEqual(['web-0', 'web-1']);
    expect(await names(c, 'persistentvolumeclaims')).toEqual(['www-web-0', 'www-web-1']);
    const web0 = await t.pod('web-0');
    const web1 = await t.pod('web-1');
    expect(web0.status.phase).toBe('Running');
    // OrderedReady: web-1 was created only after web-0 was Running and Ready
    const ready0 = web0.status.conditions.find((x: { type: string }) => x.type === 'Ready').lastTransitionTime;
    expect(web1.metadata.creationTimestamp! >= ready0).toBe(true);
    expect(web0.spec).toMatchObject({ hostname: 'web-0', subdomain: 'nginx' });
    expect(web0.spec.volumes).toEqual([{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }]);
    expect(web1.metadata.labels).toEqual({
      app: 'nginx', 'apps.kubernetes.io/pod-index': '1', 'controller-revision-hash': set.status.updateRevision, 'statefulset.kubernetes.io/pod-name': 'web-1',
    });
    expect(set.status.updateRevision).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(set.status).toMatchObject({ replicas: 2, readyReplicas: 2, availableReplicas: 2, currentReplicas: 2, updatedReplicas: 2, collisionCount: 0, observedGeneration: 1 });
    expect(set.status.currentRevision).toBe(set.status.updateRevision);
    const claim = await c.get('persistentvolumeclaims', 'default', 'www-web-0');
    expect(claim.status.phase).toBe('Bound');
    expect(claim.metadata.labels).toEqual({ app: 'nginx' });
    const rev = await c.get('controllerrevisions', 'default', set.status.updateRevision);
    expect(rev.revision).toBe(1);
    const events = (await c.list('events', { namespace: 'default' })).items
      .filter((e) => e.involvedObject.kind === 'StatefulSet').map((e) => e.message).sort();
    expect(events).toEqual([
      'create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'create Claim www-web-1 Pod web-1 in StatefulSet web success',
      'create Pod web-0 in StatefulSet web successful',
      'create Pod web-1 in StatefulSet web successful',
    ]);
  });

  it('waits for each pod to be Ready before the next one (OrderedReady), but not with Parallel', async () => {
    const t = await testCluster();
    const c = t.cluster.client;
    const slow = sts({ replicas: 3, volumeClaimTemplates: undefined });
    slow.spec.template.metadata.annotations = { 'pocketkube.io/ready-delay': '60s' };
    await c.create('statefulsets', slow);
    await t.advance(1_000);
    expect(await names(c, 'pods')).toEqual(['web-0']);
    await t.advance(60_000);
    expect(await names(c, 'pods')).toEqual(['web-0', 'web-1']);
    const parallel = sts({ replicas: 3, podManagementPolicy: 'Parallel', volumeClaimTemplates: undefined });
    parallel.metadata.name = 'par';
    await c.create('statefulsets', parallel);
    await t.advance(0);
    expect((await names(c, 'pods')).filter((n: string) => n.startsWith('par-'))).toEqual(['par-0', 'par-1', 'par-2']);
  });

  it('scales down from the highest ordinal and rolls updates from the highest ordinal down to the partition', async () => {
    const t = await testCluster();
    const c = t.cluster.client;
    await c.create('statefulsets', sts({ replicas: 3, volumeClaimTemplates: undefined }));
    await t.advance(0);
    let set = await c.get('statefulsets', 'default', 'web');
    const first = set.status.updateRevision;
    set.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: 1 } };
    set.spec.template.spec.containers[0].image = 'nginx:1.28';
    await c.update('statefulsets', set);
    for (let i = 0; i < 10; i++) await t.advance(30_000);
    set = await c.get('statefulsets', 'default', 'web');
    const second = set.status.updateRevision;
    expect(second).not.toBe(first);
    const rev = async (n: string) => (await t.pod(n)).metadata.labels?.['controller-revision-hash'];
    expect([await rev('web-0'), await rev('web-1'), await rev('web-2')]).toEqual([first, second, second]);
    expect(set.status).toMatchObject({ currentRevision: first, currentReplicas: 1, updatedReplicas: 2, replicas: 3 });
    set.spec.replicas = 1;
    await c.update('statefulsets', set);
    for (let i = 0; i < 10; i++) await t.advance(30_000);
    expect(await names(c, 'pods')).toEqual(['web-0']);
    expect((await c.list('controllerrevisions', { namespace: 'default' })).items.map((r) => r.revision).sort()).toEqual([1, 2]);
  });
});
