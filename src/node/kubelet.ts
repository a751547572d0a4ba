/**
 * The kubelets of all simulated nodes, as one reconciler keyed by pod (`namespace/name`). Each sync
 * reads the pod and its node through the API, runs the simulated runtime (pod-runtime.ts) up to
 * now, writes the status and the events, and asks to be called again when the next stage is due.
 *
 * Two more key spaces wake pods that wait on something else: `node:<name>` (a node came back: its
 * pods are synced) and `namespace:<ns>` (a Secret, ConfigMap or claim changed: blocked pods there
 * are synced).
 */
import type { Client, WriteOptions } from '../api/client.js';
import { isStatusError } from '../api/errors.js';
import { EventRecorder } from '../api/event-recorder.js';
import { getOptional, peekOptional } from '../api/get-optional.js';
import { handOver } from '../api/hand-over.js';
import { deepEqual } from '../api/patch/json-value.js';
import type { KubeObject } from '../api/types.js';
import { keyOf, type ReconcileContext, type ReconcileResult, type Reconciler } from '../controllers/reconciler.js';
import { rfc3339 } from '../util/clock.js';
import { cloneJson } from '../util/json-clone.js';
import { containerConfigError, fetcher, mountErrors, referencesConfig } from './config-check.js';
import { PodIPAllocator } from './ip-allocator.js';
import { Echoes } from './echoes.js';
import { NodeImages } from './node-images.js';
import { nodeIsDown } from './node-state.js';
import { applyPodConditions } from './pod-status-builder.js';
import { sandboxDueAt, syncPod } from './pod-runtime.js';
import { podBehaviour } from './runtime-config.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const NODE_KEY = 'node:';
const NAMESPACE_KEY = 'namespace:';
const rfc = (ms: number) => rfc3339(new Date(ms));
/**
 * The kubelet's pod status writes, as metadata.managedFields name their manager; typed (see
 * internalClient): the bodies are built here, as a Go client's are.
 */
const KUBELET_WRITES: WriteOptions = Object.freeze({ fieldManager: 'kubelet', typed: true });

function internalIP(node: KubeObject): string {
  return (node.status?.addresses ?? []).find((a: any) => a.type === 'InternalIP')?.address ?? '';
}

export class Kubelet {
  private readonly ips: PodIPAllocator;
  /**
   * The pod versions this process just wrote: a sync of the version the kubelet itself wrote has
   * nothing new to do — what falls due later comes back as a delayed key (skipping it also keeps a
   * just-failed pull visible as ErrImagePull until the next sync).
   */
  readonly podEchoes = new Echoes();
  /** Node versions this process wrote (image lists): they wake nothing either. */
  readonly nodeEchoes = new Echoes();
  /**
   * The nodes as last seen (the kubelet's node lister): filled by its watch and by its own reads and
   * writes, so a sync reads its node from here instead of the API. Every later change of a node comes
   * through the watch, which keeps this as new as the pods it is used with.
   */
  private readonly nodes = new Map<string, KubeObject>();
  private readonly images = new NodeImages();

  constructor(private readonly client: Client) {
    this.ips = new PodIPAllocator(client);
  }

  private recorder(ctx: ReconcileContext, node: string): EventRecorder {
    return new EventRecorder(ctx.client, ctx.clock, { component: 'kubelet', host: node });
  }

  /** Graceful deletion: stop the containers, then remove the pod once they are down. */
  private async terminate(pod: KubeObject, ctx: ReconcileContext, now: number): Promise<ReconcileResult | void> {
    const meta = pod.metadata;
    const graceMs = (meta.deletionGracePeriodSeconds ?? 0) * 1000;
    const requestedAt = new Date(meta.deletionTimestamp!).getTime() - graceMs;
    const stopAt = requestedAt + Math.min(graceMs, podBehaviour(pod).stopDelay);
    const all: any[] = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
    const running = all.filter((cs) => cs.state?.running);
    const toKill = running.filter((cs) => cs.started !== false || cs.ready);
    if (toKill.length > 0) {
      const rec = this.recorder(ctx, pod.spec.nodeName);
      const initNames = new Set((pod.spec?.initContainers ?? []).map((c: any) => c.name));
      for (const cs of toKill) {
        await rec.event(pod, 'Normal', 'Killing', `Stopping container ${cs.name}`, `spec.${initNames.has(cs.name) ? 'initContainers' : 'containers'}{${cs.name}}`);
        cs.ready = false;
        cs.started = false;
      }
      if (now < stopAt) {
        applyPodConditions(pod, rfc(now));
        pod = await ctx.client.updateStatus('pods', pod, KUBELET_WRITES);
      }
    }
    if (now < stopAt && running.length > 0) return { requeueAfter: stopAt - now };
    try {
      await ctx.client.delete('pods', meta.namespace, meta.name!, { gracePeriodSeconds: 0, preconditions: { uid: meta.uid } });
    } catch (e) {
      if (!isStatusError(e) || (e.code !== 404 && e.code !== 409)) throw e;
    }
    this.ips.release(pod.spec.nodeName, pod.status?.podIP);
  }

  async syncPod(namespace: string, name: string, ctx: ReconcileContext): Promise<ReconcileResult | void> {
    const key = `${namespace}/${name}`;
    // read, never changed (syncPod works on a copy of the status; terminate gets a copy)
    const pod = await peekOptional(ctx.client, 'pods', namespace, name);
    const nodeName: string | undefined = pod?.spec?.nodeName;
    if (!pod || !nodeName) {
      this.podEchoes.forget(key);
      return;
    }
    const node = await this.node(nodeName, ctx);
    if (!node || nodeIsDown(node)) return;
    const now = ctx.clock.now().getTime();
    if (pod.metadata.deletionTimestamp) return this.terminate(cloneJson(pod), ctx, now);
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return;

    const get = fetcher(ctx.client, namespace);
    const refs = referencesConfig(pod);
    const mounts = refs && !pod.status?.podIP ? await mountErrors(pod, get) : [];
    // only a pod that references configuration can have its errors (a map per sync otherwise)
    const configErrors = refs ? new Map<string, string | undefined>() : undefined;
    if (configErrors) {
      for (const c of [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])]) configErrors.set(c.name, await containerConfigError(pod, c, get));
    }
    let podIP: string | undefined;
    if (!pod.status?.podIP && mounts.length === 0 && sandboxDueAt(pod, now) <= now) podIP = await this.ips.allocate(node, pod);

    const images = this.images.of(node);
    const known = images.size;
    const result = syncPod(pod, {
      now,
      hostIP: internalIP(node),
      podIP,
      mountErrors: mounts,
      configError: (spec) => configErrors?.get(spec.name),
      images,
      rfc,
    });
    if (images.size > known) {
      const written = await this.images.publish(ctx.client, nodeName, [...images].slice(known));
      if (written) {
        this.nodeEchoes.note(nodeName, written.metadata.resourceVersion);
        this.nodes.set(nodeName, written);
      }
    }
    let written = pod;
    if (!deepEqual(result.status, pod.status)) {
      // built for this write alone (syncPod's status is fresh): handed over, not copied
      const body = handOver({ ...pod, status: result.status });
      written = ctx.client.immediate?.updateStatus('pods', body, KUBELET_WRITES) ?? (await ctx.client.updateStatus('pods', body, KUBELET_WRITES));
      this.podEchoes.note(key, written.metadata.resourceVersion);
    }
    if (result.events.length > 0) {
      const rec = this.recorder(ctx, nodeName);
      for (const e of result.events) {
        // most are recorded at once (undefined): no await, which would suspend the sync for a turn
        const recording = rec.event(written, e.type, e.reason, e.message, e.fieldPath);
        if (recording) await recording;
      }
    }
    if (result.nextDue !== undefined) return { requeueAfter: Math.max(0, result.nextDue - now) };
  }

  /** A change of a node seen by the watch (the object is shared: read, never changed). */
  observeNode(node: KubeObject, type: 'put' | 'delete'): void {
    const name = node.metadata.name ?? '';
    if (type === 'delete') this.nodes.delete(name);
    else this.nodes.set(name, node);
  }

  private async node(name: string, ctx: ReconcileContext): Promise<KubeObject | undefined> {
    const cached = this.nodes.get(name);
    if (cached) return cached;
    const node = await getOptional(ctx.client, 'nodes', undefined, name);
    if (node) this.nodes.set(name, node);
    return node;
  }

  /** Syncs the pods of a namespace that wait on configuration (a Secret/ConfigMap/claim changed). */
  private async syncBlocked(namespace: string, ctx: ReconcileContext): Promise<void> {
    for (const p of (await ctx.client.list('pods', { namespace })).items) {
      if (!p.spec?.nodeName || !referencesConfig(p)) continue;
      const waiting = [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])].some((cs: any) => cs.state?.waiting);
      if (!p.status?.podIP || waiting) await this.syncPod(namespace, p.metadata.name!, ctx);
    }
  }

  private async syncNode(nodeName: string, ctx: ReconcileContext): Promise<void> {
    const node = await this.node(nodeName, ctx);
    if (!node || nodeIsDown(node)) return;
    for (const p of (await ctx.client.list('pods', { fieldSelector: `spec.nodeName=${nodeName}` })).items) {
      await this.syncPod(p.metadata.namespace!, p.metadata.name!, ctx);
    }
  }

  async reconcile(key: string, ctx: ReconcileContext): Promise<ReconcileResult | void> {
    if (key.startsWith(NODE_KEY)) return this.syncNode(key.slice(NODE_KEY.length), ctx);
    if (key.startsWith(NAMESPACE_KEY)) return this.syncBlocked(key.slice(NAMESPACE_KEY.length), ctx);
    const i = key.indexOf('/');
    if (i < 0) return;
    return this.syncPod(key.slice(0, i), key.slice(i + 1), ctx);
  }
}

/** Whether a change is news to the kubelet: anything but the echo of its own last write. */
const news = (echoes: Echoes, key: string, o: KubeObject, type: 'put' | 'delete') => !(type === 'put' && echoes.take(key, o.metadata.resourceVersion));

export function kubeletReconciler(client: Client): Reconciler {
  const kubelet = new Kubelet(client);
  const byNamespace = (o: KubeObject) => (o.metadata.namespace ? [`${NAMESPACE_KEY}${o.metadata.namespace}`] : []);
  return {
    name: 'kubelet',
    watches: [
      // the echoes of the kubelet's own writes are not queued at all
      { resource: 'pods', keys: (o, type) => (o.spec?.nodeName && news(kubelet.podEchoes, keyOf(o), o, type) ? [keyOf(o)] : []) },
      {
        resource: 'nodes',
        keys: (o, type) => {
          kubelet.observeNode(o, type);
          return news(kubelet.nodeEchoes, keyOf(o), o, type) ? [`${NODE_KEY}${o.metadata.name}`] : [];
        },
      },
      { resource: 'secrets', keys: byNamespace },
      { resource: 'configmaps', keys: byNamespace },
      { resource: 'persistentvolumeclaims', keys: byNamespace },
    ],
    reconcile: (key, ctx) => kubelet.reconcile(key, ctx),
    afterBatch: true,
  };
}
