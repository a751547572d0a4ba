import { describe, expect, it } from 'vitest';
import { podReadyText, podStatusText } from '../../src/api/kinds/pod-status.js';
import { boundPod, containerState, testCluster } from './helpers.js';

describe('kubelet: init containers', () => {
  it('runs init containers in order before the app (Init:0/2 → Init:1/2 → Running)', async () => {
    const t = await testCluster();
    await t.cluster.client.create('pods', boundPod('init', {
      annotations: { 'pocketkube.io/run-duration.first': '5s', 'pocketkube.io/run-duration.second': '5s' },
      spec: { initContainers: [{ name: 'first', image: 'busybox' }, { name: 'second', image: 'busybox' }] },
    }));
    await t.cluster.reconcile();
    let pod = await t.pod('init');
    expect(podStatusText(pod)).toBe('Init:0/2');
    expect(pod.status.conditions.find((c: { type: string }) => c.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [first second]' });
    await t.advance(5_000);
    pod = await t.pod('init');
    expect(podStatusText(pod)).toBe('Init:1/2');
    expect(containerState(pod, 'first')).toBe('terminated Completed 0');
    await t.advance(5_000);
    pod = await t.pod('init');
    expect(podStatusText(pod)).toBe('Running');
    expect(pod.status.containerStatuses[0].state.running.startedAt).toBe('2026-01-01T00:00:10Z');
  });

  it('fails the pod when an init container fails under restartPolicy Never', async () => {
    const t = await testCluster();
    await t.cluster.client.create('pods', boundPod('initfail', {
      annotations: { 'pocketkube.io/exit-code.setup': '3' },
      spec: { restartPolicy: 'Never', initContainers: [{ name: 'setup', image: 'busybox' }] },
    }));
    await t.cluster.reconcile();
    const pod = await t.pod('initfail');
    expect(pod.status.phase).toBe('Failed');
    expect(podStatusText(pod)).toBe('Init:Error');
  });
});

describe('kubelet: graceful deletion', () => {
  it('stops containers and removes the pod in the same tick by default', async () => {
    const t = await testCluster();
    await t.cluster.client.create('pods', boundPod('gone'));
    await t.cluster.reconcile();
    await t.cluster.client.delete('pods', 'default', 'gone');
    await t.cluster.reconcile();
    await expect(t.pod('gone')).rejects.toMatchObject({ code: 404 });
    expect(await t.events('gone')).toContain('Normal Killing Stopping container app');
  });

  it('keeps a slow-stopping pod Terminating until min(grace, stop-delay)', async () => {
    const t = await testCluster();
    await t.cluster.client.create('pods', boundPod('slow', { annotations: { 'pocketkube.io/stop-delay': '1m' }, spec: { terminationGracePeriodSeconds: 20 } }));
    await t.cluster.reconcile();
    await t.cluster.client.delete('pods', 'default', 'slow');
    await t.cluster.reconcile();
    expect(podStatusText(await t.pod('slow'))).toBe('Terminating');
    await t.advance(19_000);
    expect(podStatusText(await t.pod('slow'))).toBe('Terminating');
    await t.advance(1_000);
    await expect(t.pod('slow')).rejects.toMatchObject({ code: 404 });
  });
});

describe('kubelet: configuration checks', () => {
  const mysql = () => boundPod('mysql', {
    spec: { containers: [{ name: 'mysql', image: 'mysql:8.0', env: [{ name: 'MYSQL_ROOT_PASSWORD', valueFrom: { secretKeyRef: { name: 'mysql-pass', key: 'password' } } }] }] },
  });

  it('waits with CreateContainerConfigError until the Secret exists, then runs', async () => {
    const t = await testCluster();
    await t.cluster.client.create('pods', mysql());
    await t.cluster.reconcile();
    let pod = await t.pod('mysql');
    expect(podStatusText(pod)).toBe('CreateContainerConfigError');
    expect(pod.status.containerStatuses[0].state.waiting.message).toBe('secret "mysql-pass" not found');
    expect(pod.status.podIP).toBe('10.244.1.2');
    expect(await t.events('mysql')).toContain('Warning Failed Error: secret "mysql-pass" not found');
    await t.cluster.client.create('secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'mysql-pass', namespace: 'default' }, data: { other: 'eA==' } });
    await t.cluster.reconcile();
    pod = await t.pod('mysql');
    expect(pod.status.containerStatuses[0].state.waiting.message).toBe("couldn't find key password in Secret default/mysql-pass");
    await t.cluster.client.patch('secrets', 'default', 'mysql-pass', 'merge', { data: { password: 'eA==' } });
    await t.cluster.reconcile();
    pod = await t.pod('mysql');
    expect(podStatusText(pod)).toBe('Running');
    expect(podReadyText(pod)).toBe('1/1');
  });

  it('stays ContainerCreating with FailedMount while a secret volume is missing', async () => {
    const t = await testCluster();
    await t.cluster.client.create('pods', boundPod('secure', {
      spec: { volumes: [{ name: 'secret-volume', secret: { secretName: 'nginxsecret' } }, { name: 'configmap-volume', configMap: { name: 'nginxconfigmap' } }] },
    }));
    await t.cluster.reconcile();
    const pod = await t.pod('secure');
    expect(podStatusText(pod)).toBe('ContainerCreating');
    expect(pod.status.podIP).toBeUndefined();
    const events = await t.events('secure');
    expect(events).toContain('Warning FailedMount MountVolume.SetUp failed for volume "secret-volume" : secret "nginxsecret" not found');
    expect(events).toContain('Warning FailedMount MountVolume.SetUp failed for volume "configmap-volume" : configmap "nginxconfigmap" not found');
  });

  it('does not start a pod whose claim is missing', async () => {
    const t = await testCluster();
    await t.cluster.client.create('pods', boundPod('claim', { spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] } }));
    await t.cluster.reconcile();
    expect(podStatusText(await t.pod('claim'))).toBe('ContainerCreating');
    expect((await t.events('claim'))[0]).toMatch(/FailedMount Unable to attach or mount volumes: unmounted volumes=\[data\].*persistentvolumeclaims "data" not found/);
  });
});
