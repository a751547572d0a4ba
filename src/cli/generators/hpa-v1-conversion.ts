/**
 * autoscaling/v1 ⇄ autoscaling/v2 HorizontalPodAutoscaler as the API server converts them
 * (pkg/apis/autoscaling/v1/conversion.go). kubectl 1.32's `autoscale` sends and reads v1 through
 * its typed client; this cluster serves v2 only, so the command converts on both sides. v1 holds
 * one metric, the CPU utilization target. Not written: the round-trip annotations
 * (`autoscaling.alpha.kubernetes.io/metrics|current-metrics|behavior|conditions`) in which v1 keeps
 * v2's other metrics, behavior and conditions — a HorizontalPodAutoscaler that `autoscale` has
 * just created has none of them.
 */
import type { KubeObject } from '../../api/types.js';
import { structOrderedMeta, typed } from './meta.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const isCpu = (m: any, field: 'target' | 'current'): boolean =>
  m?.type === 'Resource' && m.resource?.name === 'cpu' && m.resource?.[field]?.averageUtilization != null;

/** v1 → v2 for a create: the CPU target becomes a Resource metric; status is left to the server. */
export function hpaV1ToV2(hpa: KubeObject): KubeObject {
  const spec = hpa.spec ?? {};
  const out: Record<string, unknown> = { scaleTargetRef: spec.scaleTargetRef };
  if (spec.minReplicas != null) out.minReplicas = spec.minReplicas;
  out.maxReplicas = spec.maxReplicas;
  if (spec.targetCPUUtilizationPercentage != null) {
    out.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage } } }];
  }
  return typed('HorizontalPodAutoscaler', 'autoscaling/v2', { metadata: hpa.metadata, spec: out });
}

/** v2 → v1, in the v1 struct's field order (what kubectl's typed client decodes and prints). */
export function hpaV2ToV1(hpa: KubeObject): KubeObject {
  const spec = hpa.spec ?? {};
  const status = hpa.status ?? {};
  const ref = spec.scaleTargetRef ?? {};
  const outSpec: Record<string, unknown> = { scaleTargetRef: { kind: ref.kind ?? '', name: ref.name ?? '', ...(ref.apiVersion ? { apiVersion: ref.apiVersion } : {}) } };
  if (spec.minReplicas != null) outSpec.minReplicas = spec.minReplicas;
  outSpec.maxReplicas = spec.maxReplicas ?? 0;
  const target = ((spec.metrics ?? []) as any[]).find((m) => isCpu(m, 'target'));
  if (target) outSpec.targetCPUUtilizationPercentage = target.resource.target.averageUtilization;

  const outStatus: Record<string, unknown> = {};
  if (status.observedGeneration != null) outStatus.observedGeneration = status.observedGeneration;
  if (status.lastScaleTime != null) outStatus.lastScaleTime = status.lastScaleTime;
  outStatus.currentReplicas = status.currentReplicas ?? 0;
  outStatus.desiredReplicas = status.desiredReplicas ?? 0;
  // the last CPU utilization reported wins, as the conversion's loop leaves it
  const current = ((status.currentMetrics ?? []) as any[]).filter((m) => isCpu(m, 'current')).pop();
  if (current) outStatus.currentCPUUtilizationPercentage = current.resource.current.averageUtilization;

  return typed('HorizontalPodAutoscaler', 'autoscaling/v1', { metadata: structOrderedMeta(hpa.metadata), spec: outSpec, status: outStatus });
}
