/** `kubectl autoscale` (autoscale.go): its checks of --min/--max and the HorizontalPodAutoscaler it builds. */
import type { KubeObject } from '../../api/types.js';
import { objectMeta, typed } from './meta.js';

export interface AutoscaleInput {
  /** `--name`; the target's name when empty. */
  name?: string;
  /** The object autoscaled: its apiVersion and kind as the server maps them, and its name. */
  target: { apiVersion: string; kind: string; name: string };
  /** Unset unless above 0 (the server defaults it to 1). */
  min: number;
  max: number;
  /** Unset when negative (the server's default policy applies). */
  cpuPercent: number;
}

/** AutoscaleOptions.Validate. */
export function validateAutoscale(min: number, max: number): void {
  if (max < 1) throw new Error(`--max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) throw new Error(`--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
}

/** createHorizontalPodAutoscaler: kubectl 1.32 builds an autoscaling/v1 object, without a namespace. */
export function generateAutoscaler(input: AutoscaleInput): KubeObject {
  const spec: Record<string, unknown> = { scaleTargetRef: { kind: input.target.kind, name: input.target.name, apiVersion: input.target.apiVersion } };
  if (input.min > 0) spec.minReplicas = input.min;
  spec.maxReplicas = input.max;
  if (input.cpuPercent >= 0) spec.targetCPUUtilizationPercentage = input.cpuPercent;
  return typed('HorizontalPodAutoscaler', 'autoscaling/v1', {
    metadata: objectMeta({ name: input.name || input.target.name }),
    spec,
    status: { currentReplicas: 0, desiredReplicas: 0 },
  });
}
