/**
 * Protobuf field table: apps.v1. Field numbers from the generated.proto files of k8s.io/api and k8s.io/apimachinery (v1.32);
 * format: see ../schema-types.ts.
 */
import type { PackageTable } from '../schema-types.js';

export const APPS_V1: PackageTable = {
  pkg: 'apps.v1',
  messages: {
    DaemonSet: '1 metadata meta.v1.ObjectMeta, 2 spec DaemonSetSpec, 3 status DaemonSetStatus',
    DaemonSetCondition: '1 type s, 2 status s, 3 lastTransitionTime meta.v1.Time, 4 reason s, 5 message s',
    DaemonSetSpec: '1 selector meta.v1.LabelSelector, 2 template core.v1.PodTemplateSpec, ' +
      '3 updateStrategy DaemonSetUpdateStrategy, 4 minReadySeconds i32, 6 revisionHistoryLimit i32!',
    DaemonSetStatus: '1 currentNumberScheduled i32!, 2 numberMisscheduled i32!, 3 desiredNumberScheduled i32!, ' +
      '4 numberReady i32!, 5 observedGeneration i64, 6 updatedNumberScheduled i32, 7 numberAvailable i32, ' +
      '8 numberUnavailable i32, 9 collisionCount i32, 10 conditions DaemonSetCondition*',
    DaemonSetUpdateStrategy: '1 type s, 2 rollingUpdate RollingUpdateDaemonSet',
    Deployment: '1 metadata meta.v1.ObjectMeta, 2 spec DeploymentSpec, 3 status DeploymentStatus',
    DeploymentCondition: '1 type s, 2 status s, 4 reason s, 5 message s, 6 lastUpdateTime meta.v1.Time, ' +
      '7 lastTransitionTime meta.v1.Time',
    DeploymentSpec: '1 replicas i32!, 2 selector meta.v1.LabelSelector, 3 template core.v1.PodTemplateSpec, ' +
      '4 strategy DeploymentStrategy, 5 minReadySeconds i32, 6 revisionHistoryLimit i32!, 7 paused b, ' +
      '9 progressDeadlineSeconds i32!',
    DeploymentStatus: '1 observedGeneration i64, 2 replicas i32, 3 updatedReplicas i32, 4 availableReplicas i32, ' +
      '5 unavailableReplicas i32, 6 conditions DeploymentCondition*, 7 readyReplicas i32, 8 collisionCount i32',
    DeploymentStrategy: '1 type s, 2 rollingUpdate RollingUpdateDeployment',
    ReplicaSet: '1 metadata meta.v1.ObjectMeta, 2 spec ReplicaSetSpec, 3 status ReplicaSetStatus',
    ReplicaSetCondition: '1 type s, 2 status s, 3 lastTransitionTime meta.v1.Time, 4 reason s, 5 message s',
    ReplicaSetSpec: '1 replicas i32!, 2 selector meta.v1.LabelSelector, 3 template core.v1.PodTemplateSpec, 4 minReadySeconds i32',
    ReplicaSetStatus: '1 replicas i32!, 2 fullyLabeledReplicas i32, 3 observedGeneration i64, 4 readyReplicas i32, ' +
      '5 availableReplicas i32, 6 conditions ReplicaSetCondition*',
    RollingUpdateDaemonSet: '1 maxUnavailable intstr.IntOrString, 2 maxSurge intstr.IntOrString',
    RollingUpdateDeployment: '1 maxUnavailable intstr.IntOrString, 2 maxSurge intstr.IntOrString',
    RollingUpdateStatefulSetStrategy: '1 partition i32!, 2 maxUnavailable intstr.IntOrString',
    StatefulSet: '1 metadata meta.v1.ObjectMeta, 2 spec StatefulSetSpec, 3 status StatefulSetStatus',
    StatefulSetCondition: '1 type s, 2 status s, 3 lastTransitionTime meta.v1.Time, 4 reason s, 5 message s',
    StatefulSetOrdinals: '1 start i32!',
    StatefulSetPersistentVolumeClaimRetentionPolicy: '1 whenDeleted s, 2 whenScaled s',
    StatefulSetSpec: '1 replicas i32!, 2 selector meta.v1.LabelSelector, 3 template core.v1.PodTemplateSpec, ' +
      '4 volumeClaimTemplates core.v1.PersistentVolumeClaim*, 5 serviceName s, 6 podManagementPolicy s, ' +
      '7 updateStrategy StatefulSetUpdateStrategy, 8 revisionHistoryLimit i32!, 9 minReadySeconds i32, ' +
      '10 persistentVolumeClaimRetentionPolicy StatefulSetPersistentVolumeClaimRetentionPolicy, 11 ordinals StatefulSetOrdinals',
    StatefulSetStatus: '1 observedGeneration i64, 2 replicas i32!, 3 readyReplicas i32, 4 currentReplicas i32, ' +
      '5 updatedReplicas i32, 6 currentRevision s, 7 updateRevision s, 9 collisionCount i32, 10 conditions StatefulSetCondition*, ' +
      '11 availableReplicas i32',
    StatefulSetUpdateStrategy: '1 type s, 2 rollingUpdate RollingUpdateStatefulSetStrategy',
  },
};
