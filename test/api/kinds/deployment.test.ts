import { describe, expect, it } from 'vitest';
import { deploymentKind } from '../../../src/api/kinds/deployment.js';
import type { KubeObject } from '../../../src/api/types.js';
import { messages } from './helpers.js';
import { created, NOW, row, selectorClient } from './workload-helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

function manifest(): any {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'nginx-deployment', labels: { app: 'nginx' } },
    spec: {
      replicas: 3, selector: { matchLabels: { app: 'nginx' } },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }] }] } },
    },
  };
}

function running(): KubeObject {
  const d = created(deploymentKind, manifest());
  d.metadata.annotations = { 'deployment.kubernetes.io/revision': '1' };
  d.status = {
    observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3,
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
    ],
  };
  return d;
}

function replicaSet(d: KubeObject, name: string, hash: string, template: any, replicas: number, created: string): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {
      name, namespace: 'default', creationTimestamp: created, labels: { app: 'nginx', 'pod-template-hash': hash },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name!, uid: d.metadata.uid!, controller: true }],
    },
    spec: {
      replicas, selector: { matchLabels: { app: 'nginx', 'pod-template-hash': hash } },
      template: { ...JSON.parse(JSON.stringify(template)), metadata: { labels: { app: 'nginx', 'pod-template-hash': hash } } },
    },
    status: { replicas },
  };
}

describe('Deployment defaults', () => {
  it('fills replicas, RollingUpdate 25%/25%, history limit and progress deadline', () => {
    const d = created(deploymentKind, { ...manifest(), spec: { ...manifest().spec, replicas: undefined } });
    expect(d.spec.replicas).toBe(1);
    expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
    expect(d.spec.revisionHistoryLimit).toBe(10);
    expect(d.spec.progressDeadlineSeconds).toBe(600);
    expect(d.spec.template.spec.restartPolicy).toBe('Always');
    expect(d.status).toEqual({});
  });

  it('gives Recreate no rollingUpdate', () => {
    const m = manifest();
    m.spec.strategy = { type: 'Recreate' };
    expect(created(deploymentKind, m).spec.strategy).toEqual({ type: 'Recreate' });
  });
});

describe('Deployment validation', () => {
  const validate = (d: KubeObject): string[] => messages(deploymentKind.validate!(d));

  it('accepts a valid deployment', () => {
    expect(validate(created(deploymentKind, manifest()))).toEqual([]);
  });

  it('rejects a selector that does not match the template labels with the 1.32 message', () => {
    const m = manifest();
    m.spec.template.metadata.labels = { app: 'x' };
    expect(validate(created(deploymentKind, m))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`',
    ]);
  });

  it('requires a selector', () => {
    const m = manifest();
    delete m.spec.selector;
    expect(validate(created(deploymentKind, m))).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`',
    ]);
  });

  it('rejects an empty selector', () => {
    const m = manifest();
    m.spec.selector = {};
    expect(validate(created(deploymentKind, m))).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    ]);
  });

  it('rejects negative replicas and restartPolicy Never', () => {
    const m = manifest();
    m.spec.replicas = -1;
    m.spec.template.spec.restartPolicy = 'Never';
    expect(validate(created(deploymentKind, m))).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]);
  });

  it('rejects maxSurge and maxUnavailable both 0', () => {
    const m = manifest();
    m.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } };
    expect(validate(created(deploymentKind, m))).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    ]);
  });

  it('rejects bad percentages, more than 100% and rollingUpdate with Recreate', () => {
    const m = manifest();
    m.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 'abc', maxUnavailable: '120%' } };
    expect(validate(created(deploymentKind, m))).toEqual([
      'spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"abc"}: ' +
        "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"120%"}: must not be greater than 100%',
    ]);
    const r = manifest();
    r.spec.strategy = { type: 'Recreate', rollingUpdate: { maxSurge: 1 } };
    expect(validate(created(deploymentKind, r))).toEqual([
      "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ]);
  });

  it('checks progressDeadlineSeconds against minReadySeconds', () => {
    const m = manifest();
    m.spec.minReadySeconds = 700;
    expect(validate(created(deploymentKind, m))).toEqual(['spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds']);
  });

  it('keeps the selector immutable on update', () => {
    const old = created(deploymentKind, manifest());
    const next = JSON.parse(JSON.stringify(old));
    next.spec.selector = { matchLabels: { app: 'web2' } };
    next.spec.template.metadata.labels = { app: 'web2' };
    expect(messages(deploymentKind.validateUpdate!(next, old))).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
    expect(deploymentKind.validateUpdate!(JSON.parse(JSON.stringify(old)), old)).toEqual([]);
  });

  it('bumps the generation on annotation-only changes', () => {
    const old = created(deploymentKind, manifest());
    old.metadata.generation = 4;
    const next = JSON.parse(JSON.stringify(old));
    next.metadata.annotations = { note: 'x' };
    deploymentKind.prepareForUpdate!(next, old);
    expect(next.metadata.generation).toBe(5);
  });
});

describe('Deployment columns and describe', () => {
  it('prints READY, UP-TO-DATE, AVAILABLE, AGE and the wide cells', () => {
    const d = running();
    d.status.readyReplicas = 2;
    d.spec.selector = { matchLabels: { app: 'nginx' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] };
    expect(row(deploymentKind, d, true)).toEqual({
      NAME: 'nginx-deployment', READY: '2/3', 'UP-TO-DATE': '3', AVAILABLE: '3', AGE: '60m',
      CONTAINERS: 'nginx', IMAGES: 'nginx:1.14.2', SELECTOR: 'app=nginx,tier in (a,b)',
    });
  });

  it('describes a rolled-out deployment with its ReplicaSets', async () => {
    const d = running();
    const rs = replicaSet(d, 'nginx-deployment-66b6c48dd5', '66b6c48dd5', d.spec.template, 3, '2026-01-01T00:00:00Z');
    const oldTemplate = JSON.parse(JSON.stringify(d.spec.template));
    oldTemplate.spec.containers[0].image = 'nginx:1.13';
    const old = replicaSet(d, 'nginx-deployment-5d59d67564', '5d59d67564', oldTemplate, 0, '2025-12-31T00:00:00Z');
    const text = await deploymentKind.describe!(d, { client: selectorClient({ replicasets: [rs, old] }), now: NOW });
    await expect(text).toMatchFileSnapshot('./golden/deployment.txt');
  });

  it('omits the ReplicaSet lines when there are none', async () => {
    const text = await deploymentKind.describe!(running(), { client: selectorClient({}), now: NOW });
    expect(text).not.toContain('OldReplicaSets:');
    expect(text).toContain('Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable\n');
  });
});
