import { describe, expect, it } from 'vitest';
import { podReadyText, podRestartsText, podStatusText } from '../../src/api/kinds/pod-status.js';
import { boundPod, containerState, testCluster } from './helpers.js';

describe('kubelet: bind → running', () => {
  it('starts a bound pod in the same tick: Running, Ready, IP from the node CIDR, conditions and events', async () => {
    const t = await testCluster();
    await t.cluster.client.create('pods', boundPod('web'));
    await t.cluster.reconcile();
    const pod = await t.pod('web');
    expect(pod.status.phase).toBe('Running');
    expect(podStatusText(pod)).toBe('Running');
    expect(podReadyText(pod)).toBe('1/1');
    expect(pod.status.hostIP).toBe('172.18.0.2');
    expect(pod.status.podIP).toBe('10.244.1.2');
    expect(pod.status.podIPs).toEqual([{ ip: '10.244.1.2' }]);
    expect(pod.status.startTime).toBe('2026-01-01T00:00:00Z');
    expect(pod.status.qosClass).toBe('BestEffort');
    expect(pod.status.conditions.map((c: { type: string; status: string }) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True',
    ]);
    const cs = pod.status.containerStatuses[0];
    expect(cs).toMatchObject({ name: 'app', ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:1.27', state: { running: { startedAt: '2026-01-01T00:00:00Z' } } });
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect((await t.events('web')).sort()).toEqual([
      'Normal Created Created container app',
      'Normal Pulled Successfully pulled image "nginx:1.27" in 0s (0s including waiting). Image size: 0 bytes.',
      'Normal Pulling Pulling image "nginx:1.27"',
      'Normal Started Started container app',
    ]);
  });

  it('pulls an image once per node: later pods find it present, and the node lists it', async () => {
    const t = await testCluster();
    await t.cluster.client.create('pods', boundPod('first'));
    await t.cluster.reconcile();
    const node = await t.cluster.client.get('nodes', undefined, 'pocketkube-node-1');
    expect(node.status.images).toEqual([{ names: [expect.stringMatching(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/), 'docker.io/library/nginx:1.27'], sizeBytes: 0 }]);
    await t.cluster.client.create('pods', boundPod('second'));
    await t.cluster.client.create('pods', boundPod('always', { spec: { containers: [{ name: 'app', image: 'nginx:1.27', imagePullPolicy: 'Always' }] } }));
    await t.cluster.reconcile();
    expect((await t.events('second')).filter((e) => e.includes(' Pull'))).toEqual(['Normal Pulled Container image "nginx:1.27" already present on machine']);
    expect((await t.events('always')).filter((e) => e.includes(' Pull')).sort()).toEqual([
      'Normal Pulled Successfully pulled image "nginx:1.27" in 0s (0s including waiting). Image size: 0 bytes.',
      'Normal Pulling Pulling image "nginx:1.27"',
    ]);
    expect((await t.cluster.client.get('nodes', undefined, 'pocketkube-node-1')).status.images).toHaveLength(1);
  });

  it('gives distinct IPs to pods on one node', async () => {
    const t = await testCluster();
    for (const n of ['a', 'b', 'c']) await t.cluster.client.create('pods', boundPod(n));
    await t.cluster.reconcile();
    const ips = await Promise.all(['a', 'b', 'c'].map(async (n) => (await t.pod(n)).status.podIP));
    expect(new Set(ips).size).toBe(3);
    for (const ip of ips) expect(ip).toMatch(/^10\.244\.1\.\d+$/);
  });

  it('honours start and ready delays in simulated time', async () => {
    const t = await testCluster();
    await t.cluster.client.create('pods', boundPod('slow', { annotations: { 'pocketkube.io/start-delay': '5s', 'pocketkube.io/ready-delay': '10s' } }));
    await t.cluster.reconcile();
    let pod = await t.pod('slow');
    expect(podStatusText(pod)).toBe('ContainerCreating');
    expect(pod.status.podIP).toBeUndefined();
    await t.advance(5_000);
    pod = await t.pod('slow');
    expect(podStatusText(pod)).toBe('Running');
    expect(podReadyText(pod)).toBe('0/1');
    expect(pod.status.conditions.find((c: { type: string }) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app]' });
    await t.advance(10_000);
    pod = await t.pod('slow');
    expect(podReadyText(pod)).toBe('1/1');
    expect(pod.status.conditions.find((c: { type: string }) => c.type === 'Ready').lastTransitionTime).toBe('2026-01-01T00:00:15Z');
  });
});

describe('kubelet: exits and restart policies', () => {
  it('runs a Job pod to completion: Succeeded / Completed', async () => {
    const t = await testCluster();
    // A real owner: a pod whose owner does not exist is (rightly) collected by the garbage collector.
    const job = await t.cluster.client.create('jobs', {
      apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j', namespace: 'default' },
      spec: { suspend: true, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'app', image: 'perl:5.34' }] } } },
    });
    const owned = boundPod('pi', { spec: { restartPolicy: 'Never' } });
    owned.metadata.ownerReferences = [{ apiVersion: 'batch/v1', kind: 'Job', name: 'j', uid: job.metadata.uid!, controller: false }];
    await t.cluster.client.create('pods', owned);
    await t.cluster.reconcile();
    const pod = await t.pod('pi');
    expect(pod.status.phase).toBe('Succeeded');
    expect(podStatusText(pod)).toBe('Completed');
    expect(podReadyText(pod)).toBe('0/1');
    expect(pod.status.conditions.find((c: { type: string }) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
  });

  it('fails a pod with restartPolicy Never and a non-zero exit', async () => {
    const t = await testCluster();
    await t.cluster.client.create('pods', boundPod('bad', { annotations: { 'pocketkube.io/run-duration': '3s', 'pocketkube.io/exit-code': '2' }, spec: { restartPolicy: 'Never' } }));
    await t.cluster.reconcile();
    expect(podStatusText(await t.pod('bad'))).toBe('Running');
    await t.advance(3_000);
    const pod = await t.pod('bad');
    expect(pod.status.phase).toBe('Failed');
    expect(podStatusText(pod)).toBe('Error');
    expect(pod.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 2, reason: 'Error', startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:00:03Z' });
  });

  it('backs off a crash loop 10s, 20s, 40s … capped at 300s', async () => {
    const t = await testCluster();
    await t.cluster.client.create('pods', boundPod('crash', { annotations: { 'pocketkube.io/crash-after': '5s' } }));
    await t.cluster.reconcile();
    await t.advance(5_000);
    let pod = await t.pod('crash');
    expect(podStatusText(pod)).toBe('Error');
    await t.advance(1_000);
    pod = await t.pod('crash');
    expect(podStatusText(pod)).toBe('CrashLoopBackOff');
    expect(pod.status.containerStatuses[0].state.waiting.message).toBe(`back-off 10s restarting failed container=app pod=crash_default(${pod.metadata.uid})`);
    expect(pod.status.phase).toBe('Running');
    // restart times: each run lasts 5s, then back-off d: starts at 0, 15, 40, 85, 170, 335, 640, 945
    const starts = [15, 40, 85, 170, 335, 640, 945];
    let prev = 6;
    for (const [i, s] of starts.entries()) {
      await t.advance((s - prev) * 1000 - 1);
      pod = await t.pod('crash');
      expect(pod.status.containerStatuses[0].restartCount).toBe(i);
      await t.advance(1);
      pod = await t.pod('crash');
      expect(pod.status.containerStatuses[0].restartCount).toBe(i + 1);
      expect(containerState(pod)).toBe('running ready=true');
      await t.advance(6_000);
      prev = s + 6;
    }
    pod = await t.pod('crash');
    expect(pod.status.containerStatuses[0].state.waiting.message).toMatch(/^back-off 5m0s restarting/);
    expect(pod.status.containerStatuses[0].lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(podRestartsText(pod, t.cluster.now())).toBe('7 (1s ago)');
    // 8 back-offs, but the kubelet's spam budget for the pod (25 events at once, then one per 5
    // minutes) held the last ones back: the stored count lags, as on a real cluster
    expect((await t.events('crash')).find((e) => e.startsWith('Warning BackOff'))).toBe(`Warning BackOff Back-off restarting failed container app in pod crash_default(${pod.metadata.uid}) x6`);
  });

  it('replays a crash loop in one late sync exactly as step by step', async () => {
    const t = await testCluster();
    await t.cluster.client.create('pods', boundPod('crash', { annotations: { 'pocketkube.io/crash-after': '5s' } }));
    await t.cluster.reconcile();
    t.clock.advance(300_000);
    await t.cluster.client.patch('pods', 'default', 'crash', 'merge', { metadata: { labels: { poke: 'x' } } });
    await t.cluster.reconcile();
    const pod = await t.pod('crash');
    // runs start at 0, 15, 40, 85, 170 → 4 restarts; the run from 170 crashed at 175, next start 335
    expect(pod.status.containerStatuses[0].restartCount).toBe(4);
    expect(pod.status.containerStatuses[0].state.waiting.message).toMatch(/^back-off 2m40s/);
  });

  it('resets the back-off after 10 minutes of running', async () => {
    const t = await testCluster();
    await t.cluster.client.create('pods', boundPod('long', { annotations: { 'pocketkube.io/crash-after': '11m' } }));
    await t.cluster.reconcile();
    await t.advance(11 * 60_000 + 1_000);
    let pod = await t.pod('long');
    expect(pod.status.containerStatuses[0].state.waiting.message).toMatch(/^back-off 10s/);
    await t.advance(9_000 + 11 * 60_000 + 1_000);
    pod = await t.pod('long');
    expect(pod.status.containerStatuses[0].restartCount).toBe(1);
    expect(pod.status.containerStatuses[0].state.waiting.message).toMatch(/^back-off 10s/);
  });

  it('restarts only failed containers with OnFailure', async () => {
    const t = await testCluster();
    await t.cluster.client.create('pods', boundPod('of', { annotations: { 'pocketkube.io/run-duration': '1s' }, spec: { restartPolicy: 'OnFailure' } }));
    await t.cluster.reconcile();
    await t.advance(1_000);
    const pod = await t.pod('of');
    expect(pod.status.phase).toBe('Succeeded');
    expect(pod.status.containerStatuses[0].restartCount).toBe(0);
  });
});

describe('kubelet: image pulls and probes', () => {
  it('reports ErrImagePull then ImagePullBackOff, and starts once the pull can succeed', async () => {
    const t = await testCluster();
    await t.cluster.client.create('pods', boundPod('img', { annotations: { 'pocketkube.io/image-pull': 'fail' } }));
    await t.cluster.reconcile();
    let pod = await t.pod('img');
    expect(podStatusText(pod)).toBe('ErrImagePull');
    await t.advance(1_000);
    pod = await t.pod('img');
    expect(podStatusText(pod)).toBe('ImagePullBackOff');
    expect(pod.status.containerStatuses[0].state.waiting.message).toBe('Back-off pulling image "nginx:1.27"');
    expect(await t.events('img')).toContain('Warning Failed Error: ErrImagePull');
    expect(await t.events('img')).toContain('Warning Failed Error: ImagePullBackOff');
    await t.cluster.client.patch('pods', 'default', 'img', 'merge', { metadata: { annotations: { 'pocketkube.io/image-pull': null } } });
    await t.cluster.reconcile();
    expect(podStatusText(await t.pod('img'))).toBe('Running');
  });

  it('restarts a container whose liveness probe fails after failureThreshold periods', async () => {
    const t = await testCluster();
    await t.cluster.client.create('pods', boundPod('live', {
      annotations: { 'pocketkube.io/liveness': 'fail' },
      spec: { containers: [{ name: 'app', image: 'nginx', livenessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 5, periodSeconds: 5, failureThreshold: 2 } }] },
    }));
    await t.cluster.reconcile();
    await t.advance(14_999);
    expect(containerState(await t.pod('live'))).toBe('running ready=true');
    await t.advance(1);
    const pod = await t.pod('live');
    expect(containerState(pod)).toBe('terminated Error 137');
    const events = await t.events('live');
    expect(events).toContain('Warning Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 500 x2');
    expect(events).toContain('Normal Killing Container app failed liveness probe, will be restarted');
    await t.advance(11_000);
    expect((await t.pod('live')).status.containerStatuses[0].restartCount).toBe(1);
  });

  it('keeps a container with a failing readiness probe running but not ready', async () => {
    const t = await testCluster();
    await t.cluster.client.create('pods', boundPod('rd', { annotations: { 'pocketkube.io/readiness': 'fail' } }));
    await t.cluster.reconcile();
    await t.advance(30_000);
    const pod = await t.pod('rd');
    expect(podStatusText(pod)).toBe('Running');
    expect(podReadyText(pod)).toBe('0/1');
    expect((await t.events('rd')).some((e) => e.startsWith('Warning Unhealthy Readiness probe failed: HTTP probe failed with statuscode: 500'))).toBe(true);
  });
});
