import { describe, expect, it } from 'vitest';
import { controllerRevisionKind } from '../../../src/api/kinds/controller-revision.js';
import { daemonSetKind } from '../../../src/api/kinds/daemon-set.js';
import { replicaSetKind } from '../../../src/api/kinds/replica-set.js';
import { statefulSetKind } from '../../../src/api/kinds/stateful-set.js';
import { messages } from './helpers.js';
import { daemonSet, pod, replicaSet, statefulSet } from './workload-fixtures.js';
import { created, NOW, row, selectorClient } from './workload-helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

describe('ReplicaSet', () => {
  it('defaults replicas to 1 and starts with status.replicas 0', () => {
    const rs = created(replicaSetKind, {
      apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r' },
      spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } },
    });
    expect(rs.spec.replicas).toBe(1);
    expect(rs.status).toEqual({ replicas: 0 });
    expect(replicaSetKind.validate!(rs)).toEqual([]);
  });

  it('reports a template without containers and a mismatching selector', () => {
    const rs = replicaSet();
    rs.spec.template = { metadata: { labels: { tier: 'backend' } }, spec: { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' } };
    expect(messages(replicaSetKind.validate!(rs))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"tier":"backend"}: `selector` does not match template `labels`',
      'spec.template.spec.containers: Required value',
    ]);
  });

  it('prints DESIRED, CURRENT, READY and the wide SELECTOR', () => {
    expect(row(replicaSetKind, replicaSet(), true)).toEqual({
      NAME: 'frontend', DESIRED: '3', CURRENT: '3', READY: '2', AGE: '60m',
      CONTAINERS: 'php-redis', IMAGES: 'us-docker.pkg.dev/google-samples/containers/gke/gb-frontend:v5', SELECTOR: 'tier=frontend',
    });
  });

  it('describes pods it controls by phase', async () => {
    const rs = replicaSet();
    const pods = [pod('frontend-a', { tier: 'frontend' }, rs, 'Running'), pod('frontend-b', { tier: 'frontend' }, rs, 'Running'),
      pod('frontend-c', { tier: 'frontend' }, rs, 'Pending'), pod('other', { tier: 'frontend' }, undefined, 'Running')];
    await expect(await replicaSetKind.describe!(rs, { client: selectorClient({ pods }), now: NOW })).toMatchFileSnapshot('./golden/replicaset.txt');
  });
});

describe('StatefulSet', () => {
  it('defaults policies, partition, retention and claim templates', () => {
    const sts = statefulSet();
    expect(sts.spec.podManagementPolicy).toBe('OrderedReady');
    expect(sts.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
    expect(sts.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
    expect(sts.spec.revisionHistoryLimit).toBe(10);
    expect(sts.spec.volumeClaimTemplates[0]).toEqual({
      apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'www', creationTimestamp: null },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
      status: { phase: 'Pending' },
    });
    expect(statefulSetKind.validate!(sts)).toEqual([]);
  });

  it('keeps an explicit RollingUpdate type without a rollingUpdate block', () => {
    const sts = created(statefulSetKind, {
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 's' },
      spec: { updateStrategy: { type: 'RollingUpdate' }, selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [] } } },
    });
    expect(sts.spec.updateStrategy).toEqual({ type: 'RollingUpdate' });
  });

  it('validates policies and restart policy', () => {
    const sts = statefulSet();
    sts.spec.podManagementPolicy = 'Random';
    sts.spec.persistentVolumeClaimRetentionPolicy.whenScaled = 'Keep';
    sts.spec.template.spec.restartPolicy = 'OnFailure';
    expect(messages(statefulSetKind.validate!(sts))).toEqual([
      'spec.podManagementPolicy: Invalid value: "Random": must be \'OrderedReady\' or \'Parallel\'',
      'spec.persistentVolumeClaimRetentionPolicy.whenScaled: Unsupported value: "Keep": supported values: "Retain", "Delete"',
      'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    ]);
  });

  it('forbids updates outside the mutable fields', () => {
    const old = statefulSet();
    const next = clone(old);
    next.spec.replicas = 5;
    expect(statefulSetKind.validateUpdate!(next, old)).toEqual([]);
    next.spec.serviceName = 'other';
    expect(messages(statefulSetKind.validateUpdate!(next, old))).toEqual([
      "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', " +
        "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ]);
  });

  it('prints READY and describes with claim templates', async () => {
    const sts = statefulSet();
    expect(row(statefulSetKind, sts, true)).toEqual({ NAME: 'web', READY: '1/2', AGE: '60m', CONTAINERS: 'nginx', IMAGES: 'registry.k8s.io/nginx-slim:0.21' });
    const pods = [pod('web-0', { app: 'nginx' }, sts, 'Running'), pod('web-1', { app: 'nginx' }, sts, 'Pending')];
    await expect(await statefulSetKind.describe!(sts, { client: selectorClient({ pods }), now: NOW })).toMatchFileSnapshot('./golden/statefulset.txt');
  });
});

describe('DaemonSet', () => {
  it('defaults the update strategy and the template generation annotation', () => {
    const ds = daemonSet();
    expect(ds.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(ds.spec.revisionHistoryLimit).toBe(10);
    expect(ds.metadata.annotations).toEqual({ 'deprecated.daemonset.template.generation': '1' });
    expect(daemonSetKind.validate!(ds)).toEqual([]);
  });

  it('bumps the template generation only when the template changes', () => {
    const old = daemonSet();
    const same = clone(old);
    same.spec.minReadySeconds = 5;
    daemonSetKind.prepareForUpdate!(same, old);
    expect(same.metadata.annotations!['deprecated.daemonset.template.generation']).toBe('1');
    const changed = clone(old);
    changed.spec.template.spec.containers[0].image = 'x:2';
    daemonSetKind.prepareForUpdate!(changed, old);
    expect(changed.metadata.annotations!['deprecated.daemonset.template.generation']).toBe('2');
  });

  it('validates the rolling update pair', () => {
    const ds = daemonSet();
    ds.spec.updateStrategy.rollingUpdate = { maxUnavailable: 1, maxSurge: 1 };
    expect(messages(daemonSetKind.validate!(ds))).toEqual([
      'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero',
    ]);
    ds.spec.updateStrategy.rollingUpdate = { maxUnavailable: 0, maxSurge: '0%' };
    expect(messages(daemonSetKind.validate!(ds))).toEqual(['spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0']);
  });

  it('prints NODE SELECTOR and describes', async () => {
    const ds = daemonSet();
    expect(row(daemonSetKind, ds, true)).toEqual({
      NAME: 'fluentd-elasticsearch', DESIRED: '2', CURRENT: '2', READY: '2', 'UP-TO-DATE': '2', AVAILABLE: '2',
      'NODE SELECTOR': 'kubernetes.io/os=linux', AGE: '60m', CONTAINERS: 'fluentd-elasticsearch',
      IMAGES: 'quay.io/fluentd_elasticsearch/fluentd:v2.5.2', SELECTOR: 'name=fluentd-elasticsearch',
    });
    await expect(await daemonSetKind.describe!(ds, { client: selectorClient({}), now: NOW })).toMatchFileSnapshot('./golden/daemonset.txt');
  });
});

describe('ControllerRevision', () => {
  it('prints the controller with its group and requires data', () => {
    const cr: any = {
      apiVersion: 'apps/v1', kind: 'ControllerRevision', revision: 2, data: { spec: {} },
      metadata: { name: 'web-7b5d8f9c4', namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z',
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'u', controller: true }] },
    };
    expect(row(controllerRevisionKind, cr)).toEqual({ NAME: 'web-7b5d8f9c4', CONTROLLER: 'statefulset.apps/web', REVISION: '2', AGE: '60m' });
    expect(messages(controllerRevisionKind.validate!({ ...cr, data: undefined, revision: -1 }))).toEqual([
      'data: Required value: data is mandatory',
      'revision: Invalid value: -1: must be greater than or equal to 0',
    ]);
    expect(row(controllerRevisionKind, { ...cr, metadata: { ...cr.metadata, ownerReferences: undefined } }).CONTROLLER).toBe('<none>');
  });
});
