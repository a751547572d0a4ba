/**
 * autoscale's side of autoscaling/v1 ⇄ v2. kubectl 1.32's `autoscale` sends and reads v1 through
 * its typed client; the command creates the v2 object (what the server stores) and prints the
 * server's answer back in v1, converted as the server converts (api/kinds/hpa-v1-conversion.ts).
 */
import { hpaToV1 } from '../../api/kinds/hpa-v1-conversion.js';
import type { KubeObject } from '../../api/types.js';
import { structOrderedMeta, typed } from './meta.js';

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

/**
 * v2 → v1 as the server converts it (api/kinds/hpa-v1-conversion.ts: the round-trip annotations
 * included), in the v1 struct's field order (what kubectl's typed client decodes and prints).
 */
export function hpaV2ToV1(hpa: KubeObject): KubeObject {
  const v1 = hpaToV1(hpa);
  const ref = v1.spec.scaleTargetRef ?? {};
  const spec = { ...v1.spec, scaleTargetRef: { kind: ref.kind ?? '', name: ref.name ?? '', ...(ref.apiVersion ? { apiVersion: ref.apiVersion } : {}) } };
  return typed('HorizontalPodAutoscaler', 'autoscaling/v1', { metadata: structOrderedMeta(v1.metadata), spec, status: v1.status });
}
