/**
 * The horizontal pod autoscaler controller (pkg/controller/podautoscaler), every 15 s of cluster
 * time per autoscaler: reads its target's scale (the replicas of a Deployment, ReplicaSet or
 * StatefulSet), brings a target below minReplicas or above maxReplicas into range, and otherwise
 * computes replicas from the metrics. This cluster serves no resource metrics API (like kind
 * without metrics-server), so a metric cannot be read: the autoscaler reports it as kube-controller-
 * manager does there (ScalingActive False FailedGetResourceMetric, the Warning events, TARGETS
 * `cpu: <unknown>/80%`) and leaves the replicas as they are.
 */
import type { Client } from '../api/client.js';
import { isStatusError } from '../api/errors.js';
import { EventRecorder } from '../api/event-recorder.js';
import { getOptional } from '../api/get-optional.js';
import type { Registry } from '../api/registry.js';
import type { KubeObject } from '../api/types.js';
import { type Clock, rfc3339 } from '../util/clock.js';
import { deepEqual } from '../api/kinds/workload-validation.js';
import { keyOf, type ReconcileContext, type ReconcileResult, type Reconciler, splitKey } from './reconciler.js';
import { resourceOf } from '../api/kind.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** --horizontal-pod-autoscaler-sync-period. */
export const HPA_SYNC_PERIOD_MS = 15_000;
/** What the resource metrics client answers when nothing serves metrics.k8s.io. */
const NO_METRICS_API = 'unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)';

interface Condition {
  type: string;
  status: 'True' | 'False';
  reason: string;
  message: string;
  lastTransitionTime?: string;
}

/** setCondition: replaces the condition of its type (its transition time kept unless the status changes), else appends it. */
function setCondition(status: any, c: Condition, now: string): void {
  const list: Condition[] = (status.conditions ??= []);
  const i = list.findIndex((x) => x.type === c.type);
  const at = i >= 0 && list[i]!.status === c.status ? list[i]!.lastTransitionTime : now;
  const next = { type: c.type, status: c.status, lastTransitionTime: at, reason: c.reason, message: c.message };
  if (i >= 0) list[i] = next;
  else list.push(next);
}

/** Why a metric could not be read, as the replica calculator words it (no metrics API here). */
function metricError(m: any): { reason: string; message: string } {
  switch (m?.type) {
    case 'Resource':
      return { reason: 'FailedGetResourceMetric', message: `failed to get ${m.resource?.name} utilization: unable to get metrics for resource ${m.resource?.name}: ${NO_METRICS_API}` };
    case 'ContainerResource':
      return { reason: 'FailedGetContainerResourceMetric', message: `failed to get ${m.containerResource?.name} utilization: unable to get metrics for resource ${m.containerResource?.name}: ${NO_METRICS_API}` };
    case 'Pods':
      return { reason: 'FailedGetPodsMetric', message: `unable to get metric ${m.pods?.metric?.name}: unable to fetch metrics from custom metrics API: the server could not find the metric ${m.pods?.metric?.name} for pods` };
    case 'Object':
      return { reason: 'FailedGetObjectMetric', message: `unable to get metric ${m.object?.metric?.name}: ${String(m.object?.describedObject?.kind ?? '').toLowerCase()} on ${m.object?.describedObject?.name}/unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered` };
    case 'External':
      return { reason: 'FailedGetExternalMetric', message: `unable to get external metric ${m.external?.metric?.name}: unable to fetch metrics from external metrics API: no external metrics API (external.metrics.k8s.io) registered` };
    default:
      return { reason: 'InvalidMetricSourceType', message: `unknown metric source type "${m?.type ?? ''}"` };
  }
}

export function horizontalPodAutoscalerReconciler(registry: Registry, clock: Clock): Reconciler {
  const recorders = new WeakMap<Client, EventRecorder>();
  const recorder = (client: Client) => {
    let r = recorders.get(client);
    if (!r) recorders.set(client, (r = new EventRecorder(client, clock, { component: 'horizontal-pod-autoscaler' })));
    return r;
  };

  /** The target's resource and scale (spec.replicas), or why it cannot be read. */
  async function targetScale(client: Client, hpa: KubeObject): Promise<{ resource: string; replicas: number } | { error: string }> {
    const ref = hpa.spec?.scaleTargetRef ?? {};
    const apiVersion = String(ref.apiVersion ?? '');
    const group = apiVersion.includes('/') ? apiVersion.split('/')[0]! : '';
    const kind = registry.forManifest(apiVersion || 'v1', ref.kind) ?? registry.kinds.find((k) => k.group === group && k.kind === ref.kind);
    if (!kind) return { error: `no matches for kind "${ref.kind}" in group "${group}"` };
    if (!kind.scaleSubresource) return { error: 'the server could not find the requested resource' };
    const target = await getOptional(client, resourceOf(kind), hpa.metadata.namespace, ref.name);
    if (!target) return { error: `${kind.group ? `${kind.plural}.${kind.group}` : kind.plural} "${ref.name}" not found` };
    return { resource: resourceOf(kind), replicas: target.spec?.replicas ?? 1 };
  }

  async function sync(hpa: KubeObject, ctx: ReconcileContext): Promise<void> {
    const { client } = ctx;
    const rec = recorder(client);
    const now = rfc3339(ctx.clock.now());
    const before = hpa.status ?? {};
    const status: any = structuredClone(before);
    const write = async () => {
      if (!deepEqual(status, before)) await client.updateStatus('horizontalpodautoscalers', { ...hpa, status });
    };
    const scale = await targetScale(client, hpa);
    if ('error' in scale) {
      setCondition(status, { type: 'AbleToScale', status: 'False', reason: 'FailedGetScale', message: `the HPA controller was unable to get the target's current scale: ${scale.error}` }, now);
      await write();
      await rec.event(hpa, 'Warning', 'FailedGetScale', scale.error);
      return;
    }
    setCondition(status, { type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message: "the HPA controller was able to get the target's current scale" }, now);
    const current = scale.replicas;
    const min = hpa.spec?.minReplicas ?? 1;
    const max = hpa.spec?.maxReplicas ?? 0;
    let desired: number;
    let reason: string;
    if (current === 0 && min !== 0) {
      setCondition(status, { type: 'ScalingActive', status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero' }, now);
      Object.assign(status, { currentReplicas: current, desiredReplicas: 0 });
      delete status.currentMetrics;
      await write();
      return;
    } else if (current > max) {
      [desired, reason] = [max, 'Current number of replicas above Spec.MaxReplicas'];
    } else if (current < min) {
      [desired, reason] = [min, 'Current number of replicas below Spec.MinReplicas'];
    } else {
      // computeReplicasForMetrics: no metric can be read, so none proposes a count
      const metrics: any[] = hpa.spec?.metrics ?? [];
      const errors = metrics.map(metricError);
      for (const e of errors) await rec.event(hpa, 'Warning', e.reason, e.message);
      const first = errors[0];
      if (first) setCondition(status, { type: 'ScalingActive', status: 'False', reason: first.reason, message: `the HPA was unable to compute the replica count: ${first.message}` }, now);
      status.currentReplicas = current;
      status.desiredReplicas ??= 0;
      status.currentMetrics = metrics.map(() => ({ type: '' }));
      await write();
      if (first) await rec.event(hpa, 'Warning', 'FailedComputeMetricsReplicas', `invalid metrics (${errors.length} invalid out of ${metrics.length}), first error is: ${first.message}`);
      return;
    }
    const ref = hpa.spec.scaleTargetRef;
    try {
      await client.patch(scale.resource, hpa.metadata.namespace, ref.name, 'merge', { spec: { replicas: desired } });
    } catch (e) {
      if (!isStatusError(e)) throw e;
      setCondition(status, { type: 'AbleToScale', status: 'False', reason: 'FailedUpdateScale', message: `the HPA controller was unable to update the target scale: ${e.message}` }, now);
      await write();
      await rec.event(hpa, 'Warning', 'FailedRescale', `New size: ${desired}; reason: ${reason}; error: ${e.message}`);
      return;
    }
    setCondition(status, { type: 'AbleToScale', status: 'True', reason: 'SucceededRescale', message: `the HPA controller was able to update the target scale to ${desired}` }, now);
    Object.assign(status, { currentReplicas: current, desiredReplicas: desired, lastScaleTime: now });
    delete status.currentMetrics;
    await write();
    await rec.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`);
  }

  /** When this process last synced each autoscaler (cluster ms). */
  const synced = new Map<string, number>();

  return {
    name: 'horizontal-pod-autoscaler',
    watches: [{ resource: 'horizontalpodautoscalers', keys: (o) => [keyOf(o)] }],
    /**
     * kube-controller-manager queues an autoscaler a sync period after each change it sees and
     * after each sync (enqueueHPA: AddRateLimited with a fixed 15 s), so it syncs 15 s after its
     * creation and every 15 s from then on; its own status writes do not make it sync sooner. Here
     * the syncs fall on that grid (creation + k × 15 s); a change seen between two of them waits
     * for the next.
     */
    async reconcile(key: string, ctx: ReconcileContext): Promise<ReconcileResult | void> {
      const { namespace, name } = splitKey(key);
      const hpa = await getOptional(ctx.client, 'horizontalpodautoscalers', namespace, name);
      if (!hpa || hpa.metadata.deletionTimestamp) {
        synced.delete(key);
        return;
      }
      const now = ctx.clock.now().getTime();
      const created = Date.parse(hpa.metadata.creationTimestamp ?? '') || now;
      const periods = Math.max(1, Math.floor((now - created) / HPA_SYNC_PERIOD_MS));
      const gridPoint = created + periods * HPA_SYNC_PERIOD_MS;
      const last = synced.get(key);
      if (now < gridPoint || (last !== undefined && last >= gridPoint)) {
        const next = now < gridPoint ? gridPoint : gridPoint + HPA_SYNC_PERIOD_MS;
        return { requeueAfter: next - now };
      }
      synced.set(key, now);
      await sync(hpa, ctx);
      return { requeueAfter: gridPoint + HPA_SYNC_PERIOD_MS - now };
    },
  };
}
