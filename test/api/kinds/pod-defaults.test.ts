import { describe, expect, it } from 'vitest';
import { podKind } from '../../../src/api/kinds/pod.js';
import { defaultPodTemplateSpec, imageTag } from '../../../src/api/kinds/pod-spec.js';
import { podQosClass } from '../../../src/api/kinds/pod-qos.js';
import { corpus } from './helpers.js';

function created(obj: any) {
  podKind.defaults!(obj);
  podKind.prepareForCreate!(obj);
  return obj;
}

describe('pod defaults', () => {
  it('gives the corpus nginx pod what a real cluster shows (minus the projected token volume and the admitted priority)', () => {
    const [pod] = corpus('website__content_en_examples_pods_pod-nginx.yaml');
    created(pod);
    expect(pod.spec).toEqual({
      containers: [{
        image: 'nginx',
        imagePullPolicy: 'IfNotPresent',
        name: 'nginx',
        resources: {},
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
      }],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      nodeSelector: { disktype: 'ssd' },
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
        { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
      ],
    });
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('defaults the dotfile pod volume, mounts and pull policy', () => {
    const pod = corpus('website__content_en_examples_secret_dotfile-secret.yaml')[1];
    created(pod);
    expect(pod.spec.volumes).toEqual([{ name: 'secret-volume', secret: { defaultMode: 420, secretName: 'dotfile-secret' } }]);
    expect(pod.spec.containers[0].imagePullPolicy).toBe('Always');
  });

  it('chooses imagePullPolicy from the tag', () => {
    expect(imageTag('nginx')).toBe('latest');
    expect(imageTag('nginx:1.25')).toBe('1.25');
    expect(imageTag('localhost:5000/app')).toBe('latest');
    expect(imageTag('localhost:5000/app:v2')).toBe('v2');
    expect(imageTag('nginx@sha256:abc')).toBe('');
    const pod: any = { metadata: { name: 'p' }, spec: { containers: [
      { name: 'a', image: 'nginx:latest' }, { name: 'b', image: 'nginx:1.25' }, { name: 'c', image: 'nginx@sha256:abc' },
    ] } };
    created(pod);
    expect(pod.spec.containers.map((c: any) => c.imagePullPolicy)).toEqual(['Always', 'IfNotPresent', 'IfNotPresent']);
  });

  it('defaults ports, probes, env field refs and copies limits into missing requests', () => {
    const pod: any = { metadata: { name: 'p' }, spec: { containers: [{
      name: 'a', image: 'app:1',
      ports: [{ containerPort: 80 }],
      livenessProbe: { httpGet: { port: 80 } },
      readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5 },
      env: [{ name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
      resources: { limits: { cpu: '0.5', memory: '128Mi' }, requests: { cpu: '250m' } },
    }] } };
    created(pod);
    const c = pod.spec.containers[0];
    expect(c.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    expect(c.livenessProbe).toEqual({ httpGet: { path: '/', port: 80, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(c.readinessProbe.periodSeconds).toBe(5);
    expect(c.env[0].valueFrom.fieldRef.apiVersion).toBe('v1');
    expect(c.resources).toEqual({ limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m', memory: '128Mi' } });
    expect(pod.status.qosClass).toBe('Burstable');
  });

  it('does not add a default toleration that is already tolerated', () => {
    const pod: any = { metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'x' }], tolerations: [{ operator: 'Exists' }] } };
    created(pod);
    expect(pod.spec.tolerations).toEqual([{ operator: 'Exists' }]);
  });

  it('keeps a given service account and mirrors it', () => {
    const pod: any = { metadata: { name: 'p' }, spec: { serviceAccountName: 'builder', containers: [{ name: 'a', image: 'x' }] } };
    created(pod);
    expect(pod.spec.serviceAccount).toBe('builder');
  });

  it('pod templates get spec defaults but no pod-only admission fields', () => {
    const tpl: any = { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'a', image: 'x', resources: { limits: { cpu: '1' } } }] } };
    defaultPodTemplateSpec(tpl);
    expect(tpl.spec.enableServiceLinks).toBeUndefined();
    expect(tpl.spec.tolerations).toBeUndefined();
    expect(tpl.spec.serviceAccountName).toBeUndefined();
    expect(tpl.spec.containers[0].resources).toEqual({ limits: { cpu: '1' } });
    expect(tpl.spec.dnsPolicy).toBe('ClusterFirst');
  });

  it('marks a gated pod SchedulingGated', () => {
    const pod: any = { metadata: { name: 'p', creationTimestamp: '2026-01-01T00:00:00Z' }, spec: { schedulingGates: [{ name: 'g' }], containers: [{ name: 'a', image: 'x' }] } };
    created(pod);
    expect(pod.status.conditions[0]).toMatchObject({ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' });
  });
});

describe('qos class', () => {
  const c = (resources: any) => ({ name: 'c', image: 'x', resources });
  it('BestEffort without requests or limits', () => expect(podQosClass({ containers: [c({})] })).toBe('BestEffort'));
  it('Guaranteed when cpu and memory limits equal requests everywhere', () => {
    expect(podQosClass({ containers: [c({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1000m', memory: '1024Mi' } })] })).toBe('Guaranteed');
  });
  it('Burstable when a limit is missing or differs', () => {
    expect(podQosClass({ containers: [c({ limits: { cpu: '1' }, requests: { cpu: '1' } })] })).toBe('Burstable');
    expect(podQosClass({ containers: [c({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } })] })).toBe('Burstable');
    expect(podQosClass({ containers: [c({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1', memory: '1Gi' } }), c({})] })).toBe('Burstable');
    // limits without requests (before defaulting copies them): GetPodQOS finds no requests to match
    expect(podQosClass({ containers: [c({ limits: { cpu: '1', memory: '1Gi' } })] })).toBe('Burstable');
    // only cpu and memory count; a zero quantity is none
    expect(podQosClass({ containers: [c({ requests: { 'ephemeral-storage': '1Gi', cpu: '0' } })] })).toBe('BestEffort');
  });
  it('adds up the init containers with the others', () => {
    const both = { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1', memory: '1Gi' } };
    expect(podQosClass({ containers: [c(both)], initContainers: [c(both)] })).toBe('Guaranteed');
    expect(podQosClass({ containers: [c(both)], initContainers: [c({ requests: { cpu: '1' } })] })).toBe('Burstable');
    expect(podQosClass({ containers: [c({})], initContainers: [c({ requests: { memory: '1Mi' } })] })).toBe('Burstable');
  });
});
