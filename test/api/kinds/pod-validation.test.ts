import { describe, expect, it } from 'vitest';
import { podKind } from '../../../src/api/kinds/pod.js';
import { validatePodTemplateSpec } from '../../../src/api/kinds/pod-spec.js';
import { messages } from './helpers.js';

function pod(spec: any): any {
  const p: any = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec };
  podKind.defaults!(p);
  podKind.prepareForCreate!(p);
  return p;
}
const errorsOf = (spec: any): string[] => messages(podKind.validate!(pod(spec)));

describe('pod validation', () => {
  it('accepts a minimal pod', () => expect(errorsOf({ containers: [{ name: 'a', image: 'nginx' }] })).toEqual([]));

  it('requires containers and images', () => {
    expect(errorsOf({ containers: [] })).toEqual(['spec.containers: Required value']);
    expect(errorsOf({ containers: [{ name: 'a' }] })).toEqual(['spec.containers[0].image: Required value']);
  });

  it('checks container names', () => {
    expect(errorsOf({ containers: [{ name: 'a', image: 'x' }, { name: 'a', image: 'y' }] })).toEqual(['spec.containers[1].name: Duplicate value: "a"']);
    expect(errorsOf({ containers: [{ image: 'x' }] })).toEqual(['spec.containers[0].name: Required value']);
    const [msg] = errorsOf({ containers: [{ name: 'Web_1', image: 'x' }] });
    expect(msg).toMatch(/^spec\.containers\[0\]\.name: Invalid value: "Web_1": a lowercase RFC 1123 label must consist of/);
  });

  it('checks ports and protocols', () => {
    expect(errorsOf({ containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 70000 }] }] }))
      .toEqual(['spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive']);
    expect(errorsOf({ containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 80, protocol: 'HTTP' }] }] }))
      .toEqual(['spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"']);
  });

  it('checks restartPolicy and dnsPolicy', () => {
    expect(errorsOf({ restartPolicy: 'Sometimes', containers: [{ name: 'a', image: 'x' }] }))
      .toEqual(['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"']);
    expect(errorsOf({ dnsPolicy: 'Google', containers: [{ name: 'a', image: 'x' }] }))
      .toEqual(['spec.dnsPolicy: Unsupported value: "Google": supported values: "ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"']);
  });

  it('checks volumes and mounts', () => {
    expect(errorsOf({ containers: [{ name: 'a', image: 'x', volumeMounts: [{ name: 'x', mountPath: '/x' }] }] }))
      .toEqual(['spec.containers[0].volumeMounts[0].name: Not found: "x"']);
    expect(errorsOf({ volumes: [{ name: 'v', emptyDir: {} }, { name: 'v', emptyDir: {} }], containers: [{ name: 'a', image: 'x' }] }))
      .toEqual(['spec.volumes[1].name: Duplicate value: "v"']);
  });

  it('checks resources', () => {
    expect(errorsOf({ containers: [{ name: 'a', image: 'x', resources: { limits: { cpu: '1' }, requests: { cpu: '2' } } }] }))
      .toEqual(['spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1']);
    expect(errorsOf({ containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: 'lots' } } }] }))
      .toEqual(["spec.containers[0].resources.requests[cpu]: Invalid value: \"lots\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"]);
  });

  it('checks probes', () => {
    expect(errorsOf({ containers: [{ name: 'a', image: 'x', livenessProbe: { periodSeconds: 5 } }] }))
      .toEqual(['spec.containers[0].livenessProbe: Required value: must specify a handler type']);
    expect(errorsOf({ containers: [{ name: 'a', image: 'x', livenessProbe: { exec: { command: ['true'] }, successThreshold: 2 } }] }))
      .toEqual(['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1']);
  });

  it('checks env names', () => {
    expect(errorsOf({ containers: [{ name: 'a', image: 'x', env: [{ name: 'A=B', value: '1' }] }] }))
      .toEqual(['spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than \'=\'']);
  });

  it('validates a pod template under its own path', () => {
    expect(messages(validatePodTemplateSpec({ metadata: {}, spec: { containers: [{ name: 'a' }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' } }, 'spec.template')))
      .toEqual(['spec.template.spec.containers[0].image: Required value']);
  });
});

describe('pod update validation', () => {
  const base = () => pod({ containers: [{ name: 'a', image: 'nginx:1' }] });

  it('allows changing images, adding tolerations and binding', () => {
    const old = base();
    const next = structuredClone(old);
    next.spec.containers[0].image = 'nginx:2';
    next.spec.tolerations.push({ key: 'k', operator: 'Exists', effect: 'NoSchedule' });
    next.spec.nodeName = 'node-1';
    expect(podKind.validateUpdate!(next, old)).toEqual([]);
  });

  it('forbids other spec changes with the Kubernetes message', () => {
    const old = base();
    const next = structuredClone(old);
    next.spec.restartPolicy = 'Never';
    const [msg] = messages(podKind.validateUpdate!(next, old));
    expect(msg.split('\n')[0]).toBe('spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)');
    expect(msg).toContain('- \tRestartPolicy: "Always",');
    expect(msg).toContain('+ \tRestartPolicy: "Never",');
  });

  it('only lets activeDeadlineSeconds shrink', () => {
    const old = base();
    old.spec.activeDeadlineSeconds = 10;
    const next = structuredClone(old);
    next.spec.activeDeadlineSeconds = 20;
    expect(messages(podKind.validateUpdate!(next, old))).toEqual(['spec.activeDeadlineSeconds: Invalid value: 20: must be less than or equal to previous value']);
    next.spec.activeDeadlineSeconds = 5;
    expect(podKind.validateUpdate!(next, old)).toEqual([]);
  });

  it('forbids removing tolerations', () => {
    const old = base();
    const next = structuredClone(old);
    next.spec.tolerations = [];
    expect(messages(podKind.validateUpdate!(next, old))).toEqual(['spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds']);
  });
});
