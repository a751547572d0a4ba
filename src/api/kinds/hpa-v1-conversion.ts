/**
 * HorizontalPodAutoscaler autoscaling/v2 (stored) ⇄ autoscaling/v1 (also served), as the API server
 * converts them (facts of pkg/apis/autoscaling/v1/conversion.go):
 * - spec: v1's targetCPUUtilizationPercentage is v2's Resource metric `cpu` with a Utilization
 *   target (the first such metric); a v1 object without any metric gets the default 80% one;
 * - status: v1's currentCPUUtilizationPercentage is the utilization of a `cpu` Resource metric;
 * - what v1 has no field for rides in annotations, as JSON: the other metrics
 *   (`autoscaling.alpha.kubernetes.io/metrics`, v1 MetricSpecs), every current metric
 *   (`…/current-metrics`, v1 MetricStatuses, cpu included to keep its raw value), the conditions
 *   (`…/conditions`) and the behavior (`…/behavior`, marshalled from the internal Go type: its
 *   field names are capitalised, `{"ScaleUp":{"StabilizationWindowSeconds":0,…}}`). Reading v1
 *   back takes them out of the annotations again, so v2 → v1 → v2 loses nothing.
 */
import type { KubeObject } from '../types.js';
import { metricSpecFromV1, metricSpecToV1, metricStatusFromV1, metricStatusToV1 } from './hpa-v1-metrics.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const HPA_METRICS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/metrics';
export const HPA_CURRENT_METRICS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/current-metrics';
export const HPA_CONDITIONS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/conditions';
export const HPA_BEHAVIOR_ANNOTATION = 'autoscaling.alpha.kubernetes.io/behavior';
const ROUND_TRIP = [HPA_METRICS_ANNOTATION, HPA_CURRENT_METRICS_ANNOTATION, HPA_CONDITIONS_ANNOTATION, HPA_BEHAVIOR_ANNOTATION];

const V1 = 'autoscaling/v1';
const V2 = 'autoscaling/v2';

/** KindDef.convert of the HorizontalPodAutoscaler: obj in either served version, shown in `to`. */
export function convertHorizontalPodAutoscaler(obj: KubeObject, to: string): KubeObject {
  if (obj.apiVersion === to) return obj;
  if (to === V1 && obj.apiVersion === V2) return hpaToV1(obj);
  if (to === V2 && obj.apiVersion === V1) return hpaFromV1(obj);
  return { ...obj, apiVersion: to };
}

const isCpuUtilization = (m: any, field: 'target' | 'current'): boolean =>
  m?.type === 'Resource' && m.resource?.name === 'cpu' && m.resource?.[field]?.averageUtilization != null;

/** Metadata without the round-trip annotations (none left: no annotations map). */
function withoutRoundTrip(meta: KubeObject['metadata']): KubeObject['metadata'] {
  const annotations = { ...(meta.annotations ?? {}) };
  for (const a of ROUND_TRIP) delete annotations[a];
  const out: KubeObject['metadata'] = { ...meta, annotations };
  if (Object.keys(annotations).length === 0) delete out.annotations;
  return out;
}

/** The internal Go type's field names: `scaleUp` → `ScaleUp`, nested; nil pointers as null. */
function goNames(v: any): any {
  if (Array.isArray(v)) return v.map(goNames);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k[0]!.toUpperCase() + k.slice(1), goNames(x)]));
}

/** The behavior annotation read back (encoding/json matches names case-insensitively; null is nil). */
function jsonNames(v: any): any {
  if (Array.isArray(v)) return v.map(jsonNames);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null).map(([k, x]) => [k[0]!.toLowerCase() + k.slice(1), jsonNames(x)]));
}

function behaviorToGo(b: any): unknown {
  const rules = (r: any) => (r == null ? null : {
    StabilizationWindowSeconds: r.stabilizationWindowSeconds ?? null,
    SelectPolicy: r.selectPolicy ?? null,
    Policies: r.policies == null ? null : goNames(r.policies),
  });
  return { ScaleUp: rules(b.scaleUp), ScaleDown: rules(b.scaleDown) };
}

function conditionToV1(c: any): Record<string, unknown> {
  const out: Record<string, unknown> = { type: c.type, status: c.status, lastTransitionTime: c.lastTransitionTime ?? null };
  if (c.reason) out.reason = c.reason;
  if (c.message) out.message = c.message;
  return out;
}

/** v2 → v1 (keys in the v1 structs' order). */
export function hpaToV1(hpa: KubeObject): KubeObject {
  const spec = hpa.spec ?? {};
  const status = hpa.status ?? {};
  const metrics: any[] = spec.metrics ?? [];
  const current: any[] = status.currentMetrics ?? [];
  const conditions: any[] = status.conditions ?? [];

  const meta = withoutRoundTrip(hpa.metadata ?? {});
  const extra: Record<string, string> = {};
  const others = metrics.filter((m) => !isCpuUtilization(m, 'target'));
  if (others.length > 0) extra[HPA_METRICS_ANNOTATION] = JSON.stringify(others.map(metricSpecToV1));
  if (current.length > 0) extra[HPA_CURRENT_METRICS_ANNOTATION] = JSON.stringify(current.map(metricStatusToV1));
  if (spec.behavior != null) extra[HPA_BEHAVIOR_ANNOTATION] = JSON.stringify(behaviorToGo(spec.behavior));
  if (conditions.length > 0) extra[HPA_CONDITIONS_ANNOTATION] = JSON.stringify(conditions.map(conditionToV1));
  if (Object.keys(extra).length > 0) meta.annotations = { ...meta.annotations, ...extra };

  const outSpec: Record<string, unknown> = {};
  if (spec.scaleTargetRef !== undefined) outSpec.scaleTargetRef = spec.scaleTargetRef;
  if (spec.minReplicas != null) outSpec.minReplicas = spec.minReplicas;
  outSpec.maxReplicas = spec.maxReplicas ?? 0;
  const cpu = metrics.find((m) => isCpuUtilization(m, 'target'));
  if (cpu) outSpec.targetCPUUtilizationPercentage = cpu.resource.target.averageUtilization;

  const outStatus: Record<string, unknown> = {};
  if (status.observedGeneration != null) outStatus.observedGeneration = status.observedGeneration;
  if (status.lastScaleTime != null) outStatus.lastScaleTime = status.lastScaleTime;
  outStatus.currentReplicas = status.currentReplicas ?? 0;
  outStatus.desiredReplicas = status.desiredReplicas ?? 0;
  // every cpu utilization in turn: the last one wins, as the conversion's loop leaves it
  const cpuNow = current.filter((m) => isCpuUtilization(m, 'current')).pop();
  if (cpuNow) outStatus.currentCPUUtilizationPercentage = cpuNow.resource.current.averageUtilization;

  return { kind: hpa.kind, apiVersion: V1, metadata: meta, spec: outSpec, status: outStatus };
}

function parse(meta: KubeObject['metadata'], annotation: string): any {
  const text = meta.annotations?.[annotation];
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** v1 → v2. */
export function hpaFromV1(hpa: KubeObject): KubeObject {
  const spec = hpa.spec ?? {};
  const status = hpa.status;
  const meta = hpa.metadata ?? {};

  const outSpec: Record<string, unknown> = {};
  if (spec.scaleTargetRef !== undefined) outSpec.scaleTargetRef = spec.scaleTargetRef;
  if (spec.minReplicas != null) outSpec.minReplicas = spec.minReplicas;
  if (spec.maxReplicas != null) outSpec.maxReplicas = spec.maxReplicas;
  let metrics: unknown[] = [];
  if (spec.targetCPUUtilizationPercentage != null) {
    metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage } } }];
  }
  const others = parse(meta, HPA_METRICS_ANNOTATION);
  if (Array.isArray(others)) metrics = [...others.map(metricSpecFromV1), ...metrics];
  // v1 had the 80% CPU default in the controller: with every metric known, it is made explicit here
  outSpec.metrics = metrics.length > 0 ? metrics : [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  const behavior = jsonNames(parse(meta, HPA_BEHAVIOR_ANNOTATION) ?? null);
  if (behavior && typeof behavior === 'object' && Object.keys(behavior).length > 0) outSpec.behavior = behavior;

  const out: KubeObject = { kind: hpa.kind, apiVersion: V2, metadata: withoutRoundTrip(meta), spec: outSpec };
  const outStatus: Record<string, unknown> = {};
  for (const f of ['observedGeneration', 'lastScaleTime', 'currentReplicas', 'desiredReplicas']) if (status?.[f] != null) outStatus[f] = status[f];
  if (status?.currentCPUUtilizationPercentage != null) {
    outStatus.currentMetrics = [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: status.currentCPUUtilizationPercentage } } }];
  }
  const current = parse(meta, HPA_CURRENT_METRICS_ANNOTATION);
  if (Array.isArray(current)) outStatus.currentMetrics = current.map(metricStatusFromV1);
  const conditions = parse(meta, HPA_CONDITIONS_ANNOTATION);
  if (Array.isArray(conditions)) outStatus.conditions = conditions.map((c: any) => jsonNames(c));
  if (status !== undefined || Object.keys(outStatus).length > 0) out.status = outStatus;
  return out;
}
