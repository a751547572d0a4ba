/** Objects the workload / storage / RBAC kind tests describe (also the inputs of their golden files). */
import { cronJobKind } from '../../../src/api/kinds/cron-job.js';
import { daemonSetKind } from '../../../src/api/kinds/daemon-set.js';
import { jobKind } from '../../../src/api/kinds/job.js';
import { persistentVolumeClaimKind } from '../../../src/api/kinds/persistent-volume-claim.js';
import { persistentVolumeKind } from '../../../src/api/kinds/persistent-volume.js';
import { replicaSetKind } from '../../../src/api/kinds/replica-set.js';
import { statefulSetKind } from '../../../src/api/kinds/stateful-set.js';
import { storageClassKind } from '../../../src/api/kinds/storage-class.js';
import type { KubeObject } from '../../../src/api/types.js';
import { created } from './workload-helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const container = (name: string, image: string, port?: number): any => ({ name, image, ...(port ? { ports: [{ containerPort: port }] } : {}) });

export function pod(name: string, labels: Record<string, string>, owner: KubeObject | undefined, phase: string): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name, namespace: 'default', labels, uid: `uid-${name}`,
      ownerReferences: owner ? [{ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true }] : undefined,
    },
    spec: { containers: [container('c', 'busybox')] },
    status: { phase },
  };
}

export function replicaSet(): KubeObject {
  const rs = created(replicaSetKind, {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {
      name: 'frontend', labels: { app: 'guestbook', tier: 'frontend' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'front', uid: 'dep-uid', controller: true }],
    },
    spec: {
      replicas: 3, selector: { matchLabels: { tier: 'frontend' } },
      template: { metadata: { labels: { tier: 'frontend' } }, spec: { containers: [container('php-redis', 'us-docker.pkg.dev/google-samples/containers/gke/gb-frontend:v5')] } },
    },
  });
  rs.status = { replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 };
  return rs;
}

export function statefulSet(): KubeObject {
  const sts = created(statefulSetKind, {
    apiVersion: 'apps/v1', kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      serviceName: 'nginx', replicas: 2, selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ ...container('nginx', 'registry.k8s.io/nginx-slim:0.21', 80), volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }] },
      },
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  });
  sts.status = { replicas: 2, readyReplicas: 1, availableReplicas: 1, currentReplicas: 2, updatedReplicas: 2 };
  return sts;
}

export function daemonSet(): KubeObject {
  const ds = created(daemonSetKind, {
    apiVersion: 'apps/v1', kind: 'DaemonSet',
    metadata: { name: 'fluentd-elasticsearch', namespace: 'kube-system', labels: { 'k8s-app': 'fluentd-logging' } },
    spec: {
      selector: { matchLabels: { name: 'fluentd-elasticsearch' } },
      template: {
        metadata: { labels: { name: 'fluentd-elasticsearch' } },
        spec: {
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
          containers: [{ ...container('fluentd-elasticsearch', 'quay.io/fluentd_elasticsearch/fluentd:v2.5.2'),
            resources: { limits: { memory: '200Mi' }, requests: { cpu: '100m', memory: '200Mi' } },
            volumeMounts: [{ name: 'varlog', mountPath: '/var/log' }] }],
          volumes: [{ name: 'varlog', hostPath: { path: '/var/log' } }],
        },
      },
    },
  });
  ds.status = { currentNumberScheduled: 2, desiredNumberScheduled: 2, numberMisscheduled: 0, numberReady: 2, updatedNumberScheduled: 2, numberAvailable: 2 };
  return ds;
}

export function job(): KubeObject {
  const j = created(jobKind, {
    apiVersion: 'batch/v1', kind: 'Job',
    metadata: { name: 'pi' },
    spec: {
      backoffLimit: 4,
      template: { spec: { containers: [{ ...container('pi', 'perl:5.34.0'), command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] }], restartPolicy: 'Never' } },
    },
  }, '8a9b6c2e-1111-4222-8333-444455556666');
  j.status = { startTime: '2026-01-01T00:00:05Z', completionTime: '2026-01-01T00:00:47Z', succeeded: 1, ready: 0, active: 0,
    conditions: [{ type: 'SuccessCriteriaMet', status: 'True' }, { type: 'Complete', status: 'True' }] };
  return j;
}

export function cronJob(): KubeObject {
  const cj = created(cronJobKind, {
    apiVersion: 'batch/v1', kind: 'CronJob',
    metadata: { name: 'hello' },
    spec: {
      schedule: '* * * * *',
      jobTemplate: { spec: { template: { spec: { containers: [{ ...container('hello', 'busybox:1.28'), command: ['/bin/sh', '-c', 'date; echo Hello'] }], restartPolicy: 'OnFailure' } } } },
    },
  });
  cj.status = { lastScheduleTime: '2026-01-01T00:59:00Z', active: [{ kind: 'Job', namespace: 'default', name: 'hello-29433659' }] };
  return cj;
}

export function persistentVolume(): KubeObject {
  const pv = created(persistentVolumeKind, {
    apiVersion: 'v1', kind: 'PersistentVolume',
    metadata: { name: 'task-pv-volume', labels: { type: 'local' } },
    spec: { storageClassName: 'manual', capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/mnt/data' } },
  });
  pv.metadata.finalizers = ['kubernetes.io/pv-protection'];
  pv.spec.claimRef = { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'task-pv-claim', uid: 'claim-uid', apiVersion: 'v1' };
  pv.status = { phase: 'Bound' };
  return pv;
}

export function persistentVolumeClaim(bound: boolean): KubeObject {
  const pvc = created(persistentVolumeClaimKind, {
    apiVersion: 'v1', kind: 'PersistentVolumeClaim',
    metadata: { name: 'task-pv-claim' },
    spec: { storageClassName: 'manual', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '3Gi' } } },
  });
  pvc.metadata.finalizers = ['kubernetes.io/pvc-protection'];
  if (bound) {
    pvc.metadata.annotations = { 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' };
    pvc.spec.volumeName = 'task-pv-volume';
    pvc.status = { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } };
  }
  return pvc;
}

export function storageClass(): KubeObject {
  return created(storageClassKind, {
    apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass',
    metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'rancher.io/local-path',
    volumeBindingMode: 'WaitForFirstConsumer',
  } as KubeObject);
}

export function role(): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role',
    metadata: { name: 'pod-reader', namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z' },
    rules: [
      { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'watch', 'list'] },
      { apiGroups: [''], resources: ['pods'], verbs: ['delete'] },
      { apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'], verbs: ['get', 'patch'] },
    ],
  };
}

export function roleBinding(): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding',
    metadata: { name: 'read-pods', namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z' },
    subjects: [
      { kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' },
      { kind: 'Group', name: 'devs', apiGroup: 'rbac.authorization.k8s.io' },
      { kind: 'ServiceAccount', name: 'robot', namespace: 'ci' },
    ],
    roleRef: { kind: 'Role', name: 'pod-reader', apiGroup: 'rbac.authorization.k8s.io' },
  };
}
