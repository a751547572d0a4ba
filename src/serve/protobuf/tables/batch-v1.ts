/**
 * Protobuf field table: batch.v1. Field numbers from the generated.proto files of k8s.io/api and k8s.io/apimachinery (v1.32);
 * format: see ../schema-types.ts.
 */
import type { PackageTable } from '../schema-types.js';

export const BATCH_V1: PackageTable = {
  pkg: 'batch.v1',
  messages: {
    CronJob: '1 metadata meta.v1.ObjectMeta, 2 spec CronJobSpec, 3 status CronJobStatus',
    CronJobSpec: '1 schedule s, 2 startingDeadlineSeconds i64!, 3 concurrencyPolicy s, 4 suspend b!, ' +
      '5 jobTemplate JobTemplateSpec, 6 successfulJobsHistoryLimit i32!, 7 failedJobsHistoryLimit i32!, 8 timeZone s',
    CronJobStatus: '1 active core.v1.ObjectReference*, 4 lastScheduleTime meta.v1.Time, 5 lastSuccessfulTime meta.v1.Time',
    Job: '1 metadata meta.v1.ObjectMeta, 2 spec JobSpec, 3 status JobStatus',
    JobCondition: '1 type s, 2 status s, 3 lastProbeTime meta.v1.Time, 4 lastTransitionTime meta.v1.Time, 5 reason s, 6 message s',
    JobSpec: '1 parallelism i32!, 2 completions i32!, 3 activeDeadlineSeconds i64!, 4 selector meta.v1.LabelSelector, ' +
      '5 manualSelector b!, 6 template core.v1.PodTemplateSpec, 7 backoffLimit i32!, 8 ttlSecondsAfterFinished i32!, ' +
      '9 completionMode s, 10 suspend b!, 11 podFailurePolicy PodFailurePolicy, 12 backoffLimitPerIndex i32!, ' +
      '13 maxFailedIndexes i32!, 14 podReplacementPolicy s, 15 managedBy s, 16 successPolicy SuccessPolicy',
    JobStatus: '1 conditions JobCondition*, 2 startTime meta.v1.Time, 3 completionTime meta.v1.Time, 4 active i32, ' +
      '5 succeeded i32, 6 failed i32, 7 completedIndexes s, 8 uncountedTerminatedPods UncountedTerminatedPods, 9 ready i32!, ' +
      '10 failedIndexes s, 11 terminating i32!',
    JobTemplateSpec: '1 metadata meta.v1.ObjectMeta, 2 spec JobSpec',
    PodFailurePolicy: '1 rules PodFailurePolicyRule*',
    PodFailurePolicyOnExitCodesRequirement: '1 containerName s, 2 operator s, 3 values i32*',
    PodFailurePolicyOnPodConditionsPattern: '1 type s, 2 status s',
    PodFailurePolicyRule: '1 action s, 2 onExitCodes PodFailurePolicyOnExitCodesRequirement, ' +
      '3 onPodConditions PodFailurePolicyOnPodConditionsPattern*',
    SuccessPolicy: '1 rules SuccessPolicyRule*',
    SuccessPolicyRule: '1 succeededIndexes s, 2 succeededCount i32!',
    UncountedTerminatedPods: '1 succeeded s*, 2 failed s*',
  },
};
