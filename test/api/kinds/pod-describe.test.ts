import { describe, expect, it } from 'vitest';
import { podKind } from '../../../src/api/kinds/pod.js';
import { describePodTemplate } from '../../../src/api/kinds/pod-template-describe.js';
import { DescribeWriter } from '../../../src/api/describe-writer.js';
import { fakeClient } from './helpers.js';

const now = new Date('2026-01-01T01:00:00Z');

function runningPod(): any {
  const pod: any = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name: 'web', namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z', labels: { app: 'web', tier: 'frontend' },
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'u', controller: true }],
    },
    spec: {
      nodeName: 'node-1',
      // what the Priority admission plugin sets (no PriorityClass named, none the default)
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
      volumes: [{ name: 'content', emptyDir: {} }],
      containers: [{
        name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }],
        resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m', memory: '64Mi' } },
        livenessProbe: { httpGet: { path: '/healthz', port: 80 } },
        env: [{ name: 'MODE', value: 'production' }, { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'api', key: 'token' } } }],
        volumeMounts: [{ name: 'content', mountPath: '/usr/share/nginx/html', readOnly: true }],
      }],
    },
  };
  podKind.defaults!(pod);
  podKind.prepareForCreate!(pod);
  Object.assign(pod.status, {
    phase: 'Running', hostIP: '172.18.0.3', podIP: '10.244.1.5', podIPs: [{ ip: '10.244.1.5' }], startTime: '2026-01-01T00:00:05Z',
    conditions: ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True' })),
    containerStatuses: [{
      name: 'nginx', containerID: 'containerd://abc', image: 'nginx:1.25', imageID: 'docker.io/library/nginx@sha256:def',
      ready: true, restartCount: 0, started: true, state: { running: { startedAt: '2026-01-01T00:00:10Z' } },
    }],
  });
  return pod;
}

describe('describe pod', () => {
  it('matches kubectl 1.32 layout for a running pod', async () => {
    const out = await podKind.describe!(runningPod(), { client: fakeClient({}), now });
    await expect(out).toMatchFileSnapshot('./golden/pod-running.txt');
  });

  it('shows a pending, unscheduled pod', async () => {
    const pod: any = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'a', image: 'busybox', command: ['sh', '-c', 'sleep 1'] }] } };
    podKind.defaults!(pod);
    podKind.prepareForCreate!(pod);
    const out = await podKind.describe!(pod, { client: fakeClient({}), now });
    expect(out).toContain('Node:             <none>\n');
    expect(out).toContain('Status:           Pending\nIP:               \nIPs:              <none>\n');
    expect(out).toContain('    Command:\n      sh\n      -c\n      sleep 1\n');
    expect(out).toContain('    Environment:  <none>\n    Mounts:       <none>\nVolumes:          <none>\nQoS Class:        BestEffort\n');
  });

  it('shows terminated and last states with exit codes', async () => {
    const pod = runningPod();
    pod.status.containerStatuses[0] = {
      name: 'nginx', ready: false, restartCount: 2,
      state: { waiting: { reason: 'CrashLoopBackOff' } },
      lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: '2026-01-01T00:58:00Z', finishedAt: '2026-01-01T00:59:00Z' } },
    };
    const out = await podKind.describe!(pod, { client: fakeClient({}), now }) as string;
    expect(out).toContain([
      '    State:          Waiting',
      '      Reason:       CrashLoopBackOff',
      '    Last State:     Terminated',
      '      Reason:       Error',
      '      Exit Code:    1',
      '      Started:      Thu, 01 Jan 2026 00:58:00 +0000',
      '      Finished:     Thu, 01 Jan 2026 00:59:00 +0000',
      '    Ready:          False',
      '    Restart Count:  2',
    ].join('\n'));
  });
});

describe('describe pod template', () => {
  it('prints the Pod Template block workloads use', () => {
    const w = new DescribeWriter();
    describePodTemplate(w, {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: {} }] },
    });
    expect(w.toString()).toBe([
      'Pod Template:',
      '  Labels:  app=web',
      '  Containers:',
      '   nginx:',
      '    Image:         nginx:1.14.2',
      '    Port:          80/TCP',
      '    Host Port:     0/TCP',
      '    Environment:   <none>',
      '    Mounts:        <none>',
      '  Volumes:         <none>',
      '  Node-Selectors:  <none>',
      '  Tolerations:     <none>',
      '',
    ].join('\n'));
  });
});
