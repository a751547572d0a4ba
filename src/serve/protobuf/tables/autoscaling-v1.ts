/**
 * Protobuf field table: autoscaling.v1 (the HorizontalPodAutoscaler kubectl autoscale sends, and
 * the Scale subresource's body). Field numbers from the generated.proto files of k8s.io/api and
 * k8s.io/apimachinery (v1.32); format: see ../schema-types.ts.
 */
import type { PackageTable } from '../schema-types.js';

export const AUTOSCALING_V1: PackageTable = {
  pkg: 'autoscaling.v1',
  messages: {
    CrossVersionObjectReference: '1 kind s, 2 name s, 3 apiVersion s',
    HorizontalPodAutoscaler: '1 metadata meta.v1.ObjectMeta, 2 spec HorizontalPodAutoscalerSpec, 3 status HorizontalPodAutoscalerStatus',
    HorizontalPodAutoscalerSpec: '1 scaleTargetRef CrossVersionObjectReference, 2 minReplicas i32!, 3 maxReplicas i32!, ' +
      '4 targetCPUUtilizationPercentage i32!',
    HorizontalPodAutoscalerStatus: '1 observedGeneration i64!, 2 lastScaleTime meta.v1.Time, 3 currentReplicas i32!, ' +
      '4 desiredReplicas i32!, 5 currentCPUUtilizationPercentage i32!',
    Scale: '1 metadata meta.v1.ObjectMeta, 2 spec ScaleSpec, 3 status ScaleStatus',
    ScaleSpec: '1 replicas i32',
    ScaleStatus: '1 replicas i32!, 2 selector s',
  },
};
