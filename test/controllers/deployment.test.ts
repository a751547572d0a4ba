import { describe, expect, it } from 'vitest';
import { deployment, events, makeReady, pods, podTemplate, replicaSetsOf, testCluster } from './helpers.js';
import { resolveFenceposts } from '../../src/controllers/deployment/rollout-math.js';
import { podTemplateHash } from '../../src/controllers/deployment/hash.js';

const sizes = async (c: Awaited<ReturnType<typeof testCluster>>['c'], name = 'web') =>
  (await replicaSetsOf(c, name)).map((rs) => rs.spec.replicas);

describe('rollout math', () => {
  it('rounds maxSurge up and maxUnavailable down as Kubernetes does', () => {
    expect(resolveFenceposts('25%', '25%', 10)).toEqual({ surge: 3, unavailable: 2 });
    expect(resolveFenceposts('25%', '25%', 4)).toEqual({ surge: 1, unavailable: 1 });
    expect(resolveFenceposts('25%', '25%', 3)).toEqual({ surge: 1, unavailable: 0 });
    expect(resolveFenceposts('25%', '25%', 1)).toEqual({ surge: 1, unavailable: 0 });
    expect(resolveFenceposts(0, '10%', 5)).toEqual({ surge: 0, unavailable: 1 });
  });

  it('hashes templates deterministically into the safe alphabet', () => {
    const a = podTemplateHash(podTemplate('nginx:1.27'));
    expect(a).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    expect(podTemplateHash(podTemplate('nginx:1.27'))).toBe(a);
    expect(podTemplateHash(podTemplate('nginx:1.28'))).not.toBe(a);
    expect(podTemplateHash(podTemplate('nginx:1.27'), 1)).not.toBe(a);
  });
});

describe('Deployment controller', () => {
  it('creates one ReplicaSet named by the template hash, with revision annotations, and becomes Available', async () => {
    const { c } = await testCluster();
    await c.client.create('deployments', deployment('web', 3));
    await c.reconcile();
    const [rs] = await replicaSetsOf(c, 'web');
    const hash = rs!.metadata.labels!['pod-template-hash'];
    expect(rs!.metadata.name).toBe(`web-${hash}`);
    expect(rs!.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs!.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4', 'deployment.kubernetes.io/revision': '1',
    });
    expect(await pods(c)).toHaveLength(3);
    let d = await c.client.get('deployments', 'default', 'web');
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(d.status.conditions.map((x: { type: string; status: string; reason: string }) => `${x.type}=${x.status}/${x.reason}`))
      .toEqual(['Available=False/MinimumReplicasUnavailable', 'Progressing=True/ReplicaSetUpdated']);
    await makeReady(c);
    d = await c.client.get('deployments', 'default', 'web');
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    expect(d.status.unavailableReplicas).toBeUndefined();
    expect(d.status.conditions.map((x: { type: string; status: string; reason: string; message: string }) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "web-${hash}" has successfully progressed.`],
    ]);
    expect(await events(c, 'ScalingReplicaSet')).toEqual([`ScalingReplicaSet Scaled up replica set web-${hash} from 0 to 3`]);
    await c.close();
  });

  it('replays a rolling update of 10 replicas with maxSurge 3 / maxUnavailable 2 step by step', async () => {
    const { c } = await testCluster();
    await c.client.create('deployments', deployment('web', 10, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } } }));
    await c.reconcile();
    await makeReady(c);
    expect(await sizes(c)).toEqual([10]);
    await c.client.patch('deployments', 'default', 'web', 'merge', { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.28' }] } } } });
    await c.reconcile();
    // new RS 0→3 (13 = 10+3 pods at most), old 10→8 (8 = 10-2 available at least); then new 3→5
    expect(await sizes(c)).toEqual([8, 5]);
    expect((await pods(c)).length).toBe(13);
    const [, newRS] = await replicaSetsOf(c, 'web');
    const newSel = `pod-template-hash=${newRS!.metadata.labels!['pod-template-hash']}`;
    await makeReady(c, newSel);
    // 5 new available: old 8→3, then new 5→10
    expect(await sizes(c)).toEqual([3, 10]);
    await makeReady(c, newSel);
    expect(await sizes(c)).toEqual([0, 10]);
    expect(await pods(c)).toHaveLength(10);
    const d = await c.client.get('deployments', 'default', 'web');
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(d.status).toMatchObject({ replicas: 10, updatedReplicas: 10, availableReplicas: 10 });
    const scaling = await events(c, 'ScalingReplicaSet');
    const [oldName, newName] = (await replicaSetsOf(c, 'web')).map((rs) => rs.metadata.name);
    expect(scaling).toEqual([
      `ScalingReplicaSet Scaled up replica set ${oldName} from 0 to 10`,
      `ScalingReplicaSet Scaled up replica set ${newName} from 0 to 3`,
      `ScalingReplicaSet Scaled down replica set ${oldName} from 10 to 8`,
      `ScalingReplicaSet Scaled up replica set ${newName} from 3 to 5`,
      `ScalingReplicaSet Scaled down replica set ${oldName} from 8 to 3`,
      `ScalingReplicaSet Scaled up replica set ${newName} from 5 to 10`,
      `ScalingReplicaSet Scaled down replica set ${oldName} from 3 to 0`,
    ]);
    await c.close();
  });

  it('with the default 25%/25% on 3 replicas surges one pod at a time', async () => {
    const { c } = await testCluster();
    await c.client.create('deployments', deployment('web', 3));
    await c.reconcile();
    await makeReady(c);
    await c.client.patch('deployments', 'default', 'web', 'merge', { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.28' }] } } } });
    await c.reconcile();
    const seen = [await sizes(c)];
    for (let i = 0; i < 3; i++) {
      await makeReady(c);
      seen.push(await sizes(c));
    }
    expect(seen).toEqual([[3, 1], [2, 2], [1, 3], [0, 3]]);
    await c.close();
  });

  it('Recreate scales the old ReplicaSet to 0 before the new one comes up', async () => {
    const { c } = await testCluster();
    await c.client.create('deployments', deployment('web', 2, { strategy: { type: 'Recreate' } }));
    await c.reconcile();
    await makeReady(c);
    await c.client.patch('deployments', 'default', 'web', 'merge', { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.28' }] } } } });
    await c.reconcile();
    expect(await sizes(c)).toEqual([0, 2]);
    const images = (await pods(c)).map((p) => p.spec.containers[0].image);
    expect(images).toEqual(['nginx:1.28', 'nginx:1.28']);
    await c.close();
  });

  it('scales proportionally, keeps revisionHistoryLimit, re-adopts an old template on rollback', async () => {
    const { c } = await testCluster();
    await c.client.create('deployments', deployment('web', 2, { revisionHistoryLimit: 1 }));
    await c.reconcile();
    await makeReady(c);
    for (const image of ['nginx:1.28', 'nginx:1.29']) {
      await c.client.patch('deployments', 'default', 'web', 'merge', { spec: { template: { spec: { containers: [{ name: 'web', image }] } } } });
      for (let i = 0; i < 4; i++) await makeReady(c);
    }
    let sets = await replicaSetsOf(c, 'web');
    expect(sets.map((rs) => [rs.metadata.annotations!['deployment.kubernetes.io/revision'], rs.spec.replicas])).toEqual([['2', 0], ['3', 2]]);
    await c.client.patch('deployments', 'default', 'web', 'merge', { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.28' }] } } } });
    for (let i = 0; i < 4; i++) await makeReady(c);
    sets = await replicaSetsOf(c, 'web');
    expect(sets.map((rs) => [rs.metadata.annotations!['deployment.kubernetes.io/revision'], rs.spec.replicas])).toEqual([['3', 0], ['4', 2]]);
    expect(sets[1]!.metadata.annotations!['deployment.kubernetes.io/revision-history']).toBe('2');
    await c.client.patch('deployments', 'default', 'web', 'merge', { spec: { replicas: 5 } });
    await c.reconcile();
    expect(await sizes(c)).toEqual([0, 5]);
    await c.close();
  });

  it('takes a template back from a typed client (creationTimestamp: null, empty maps) as the same template', async () => {
    // kubectl rollout undo sends the old ReplicaSet's template as Go serialises it
    const { c } = await testCluster();
    await c.client.create('deployments', deployment('web', 2));
    await c.reconcile();
    await makeReady(c);
    const [first] = await replicaSetsOf(c, 'web');
    const template = structuredClone(first!.spec.template);
    delete template.metadata.labels['pod-template-hash'];
    template.metadata.creationTimestamp = null;
    template.spec.containers[0].resources = {};
    await c.client.patch('deployments', 'default', 'web', 'json', [{ op: 'replace', path: '/spec/template', value: template }]);
    await c.reconcile();
    const sets = await replicaSetsOf(c, 'web');
    expect(sets.map((rs) => rs.metadata.name)).toEqual([first!.metadata.name]);
    await c.close();
  });

  it('a paused deployment makes no new ReplicaSet and reports DeploymentPaused', async () => {
    const { c } = await testCluster();
    await c.client.create('deployments', deployment('web', 1));
    await c.reconcile();
    await makeReady(c);
    await c.client.patch('deployments', 'default', 'web', 'merge', { spec: { paused: true, template: { spec: { containers: [{ name: 'web', image: 'nginx:1.28' }] } } } });
    await c.reconcile();
    expect(await sizes(c)).toEqual([1]);
    let d = await c.client.get('deployments', 'default', 'web');
    expect(d.status.conditions.find((x: { type: string }) => x.type === 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    await c.client.patch('deployments', 'default', 'web', 'merge', { spec: { paused: false } });
    await c.reconcile();
    expect(await sizes(c)).toEqual([1, 1]);
    d = await c.client.get('deployments', 'default', 'web');
    expect(d.status.conditions.find((x: { type: string }) => x.type === 'Progressing')).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
    await c.close();
  });

  it('reports ProgressDeadlineExceeded once progressDeadlineSeconds pass without progress', async () => {
    const { c, clock } = await testCluster();
    await c.client.create('deployments', deployment('web', 1, { progressDeadlineSeconds: 60 }));
    await c.reconcile();
    clock.advance(59_000);
    await c.reconcile();
    const progressing = async () => (await c.client.get('deployments', 'default', 'web')).status.conditions.find((x: { type: string }) => x.type === 'Progressing');
    expect((await progressing()).reason).toBe('ReplicaSetUpdated');
    clock.advance(2_000);
    await c.reconcile();
    const cond = await progressing();
    expect(cond).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    expect(cond.message).toMatch(/^ReplicaSet "web-[a-z0-9]+" has timed out progressing\.$/);
    await c.close();
  });

  it('a complete rollout whose pod turns unready stays complete, and is not requeued past its deadline', async () => {
    const { c } = await testCluster();
    await c.client.create('deployments', deployment('web', 1, { progressDeadlineSeconds: 60 }));
    await c.reconcile();
    await makeReady(c);
    const [p] = await pods(c);
    await c.client.updateStatus('pods', { ...p, status: { ...p.status, conditions: [{ type: 'Ready', status: 'False' }] } });
    await c.reconcile();
    // past the deadline, nothing is due: the time it takes passes in a few steps, not one per ms
    expect(await c.advanceStepwise(10 * 60_000)).toBeLessThan(10);
    const d = await c.client.get('deployments', 'default', 'web');
    expect(d.status.conditions.map((x: { type: string; status: string; reason: string }) => `${x.type}=${x.status}/${x.reason}`))
      .toEqual(['Progressing=True/NewReplicaSetAvailable', 'Available=False/MinimumReplicasUnavailable']);
    await c.close();
  });
});
