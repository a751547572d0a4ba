/**
 * The scheduler's informer cache: the Snapshot and the SchedulingQueue, built once per process from a
 * list of what the scheduler looks at, then kept current object by object from the watch (never rebuilt
 * per pod or per pass). It also decides which changes are "relevant cluster events" that give
 * unschedulable pods another try: a node added or changed in a way that matters, a bound pod gone or
 * finished, a claim, volume or storage class changed, and — for pods with pod affinity or spread
 * constraints — a pod newly bound elsewhere.
 */
import type { Client } from '../api/client.js';
import { isStatusError } from '../api/errors.js';
import type { KubeObject } from '../api/types.js';
import { isForScheduler } from './queue.js';
import { SchedulingQueue } from './scheduling-queue.js';
import { Snapshot } from './snapshot.js';
import { WORKLOAD_RESOURCES, type WorkloadResource } from './workload-index.js';

/** Every resource the scheduler watches. */
export const WATCHED = ['nodes', 'pods', 'namespaces', ...WORKLOAD_RESOURCES, 'persistentvolumeclaims', 'persistentvolumes', 'storageclasses'] as const;

export const podKey = (pod: KubeObject) => `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}`;

const isTerminal = (pod: KubeObject) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

/** Pods whose fit depends on other pods' placement. */
const dependsOnPods = (pod: KubeObject) =>
  !!(pod.spec?.affinity?.podAffinity || pod.spec?.affinity?.podAntiAffinity || (pod.spec?.topologySpreadConstraints ?? []).length > 0);

/** What of a node the filters read. */
function nodeFingerprint(node: KubeObject): string {
  return JSON.stringify([node.metadata.labels, node.spec?.taints, node.spec?.unschedulable, node.status?.allocatable]);
}

export class SchedulerCache {
  snapshot: Snapshot | undefined;
  readonly queue = new SchedulingQueue();
  /** A relevant change for every unschedulable pod since the last pass. */
  private moveAll = false;
  /** A pod was bound or removed elsewhere: unschedulable pods that depend on other pods get a try. */
  private movePodDependent = false;

  get built(): boolean {
    return this.snapshot !== undefined;
  }

  /** Lists everything once and builds the snapshot and the queue of pending pods. */
  async build(client: Client, now: number): Promise<Snapshot> {
    // a kind this cluster does not serve (e.g. replicationcontrollers) simply has no objects
    const list = (resource: string) =>
      client.list(resource).then(
        (l) => l.items,
        (e: unknown) => {
          if (isStatusError(e) && e.code === 404) return [];
          throw e;
        },
      );
    const [nodes, pods, namespaces, services, replicationControllers, replicaSets, statefulSets, persistentVolumeClaims, persistentVolumes, storageClasses] =
      await Promise.all(WATCHED.map(list));
    const snapshot = new Snapshot({ nodes, pods, namespaces, services, replicationControllers, replicaSets, statefulSets, persistentVolumeClaims, persistentVolumes, storageClasses });
    for (const p of pods) if (isForScheduler(p)) this.queue.seen(podKey(p), p, now);
    this.snapshot = snapshot;
    return snapshot;
  }

  /**
   * A watch event. Before the cache is built only pending pods matter (the build lists the rest as it is
   * then); afterwards every change is applied. Returns whether a scheduling pass is wanted.
   */
  observe(resource: string, obj: KubeObject, type: 'put' | 'delete', now: number): boolean {
    if (resource === 'pods') return this.observePod(obj, type, now);
    if (!this.snapshot) {
      // the build will list these as they are; what is left is whether they warrant a retry
      if (resource === 'namespaces' || (WORKLOAD_RESOURCES as readonly string[]).includes(resource) || (resource === 'nodes' && type === 'delete')) return false;
      this.moveAll = true;
      return true;
    }
    const s = this.snapshot;
    const name = obj.metadata.name ?? '';
    const ns = obj.metadata.namespace ?? 'default';
    const gone = type === 'delete';
    switch (resource) {
      case 'nodes': {
        if (gone) {
          s.removeNode(name);
          return false;
        }
        const old = s.getNode(name);
        if (old && nodeFingerprint(old.node) === nodeFingerprint(obj)) return false;
        s.setNode(obj);
        this.moveAll = true;
        return true;
      }
      case 'namespaces':
        s.setNamespaceLabels(name, gone ? undefined : (obj.metadata.labels ?? {}));
        return false;
      case 'persistentvolumeclaims':
        if (gone) s.volumes.removeClaim(ns, name);
        else s.volumes.setClaim(obj);
        break;
      case 'persistentvolumes':
        if (gone) s.volumes.removeVolume(name);
        else s.volumes.setVolume(obj);
        break;
      case 'storageclasses':
        if (gone) s.volumes.removeClass(name);
        else s.volumes.setClass(obj);
        break;
      default:
        if ((WORKLOAD_RESOURCES as readonly string[]).includes(resource)) {
          if (gone) s.workloads.remove(resource as WorkloadResource, ns, name);
          else s.workloads.set(resource as WorkloadResource, obj);
        }
        return false;
    }
    this.moveAll = true;
    return this.queue.size > 0;
  }

  private observePod(pod: KubeObject, type: 'put' | 'delete', now: number): boolean {
    const key = podKey(pod);
    const s = this.snapshot;
    if (type === 'put' && isForScheduler(pod)) {
      if (s?.hasPod(key)) s.removePod(key); // the assumed placement of a binding that did not land
      this.queue.seen(key, pod, now);
      return true;
    }
    this.queue.forget(key);
    if (!s) {
      if (!pod.spec?.nodeName || (type === 'put' && !isTerminal(pod))) return false;
      this.moveAll = true;
      return true;
    }
    const wasAssigned = s.hasPod(key);
    if (type === 'delete' || !pod.spec?.nodeName || isTerminal(pod)) {
      if (!wasAssigned) return false;
      s.removePod(key);
      this.moveAll = true;
      return this.queue.size > 0;
    }
    const current = s.podInfo(key);
    if (current && current.pod.spec?.nodeName === pod.spec.nodeName && current.terminating === !!pod.metadata.deletionTimestamp && sameLabels(current.labels, pod.metadata.labels ?? {})) {
      return false;
    }
    s.addPod(pod);
    if (!wasAssigned) {
      this.movePodDependent = true;
      return this.queue.size > 0;
    }
    return false;
  }

  /** Applies the moves the observed changes call for (once per pass). */
  applyMoves(now: number): void {
    if (this.moveAll) this.queue.moveUnschedulable(now);
    else if (this.movePodDependent) this.queue.moveUnschedulable(now, dependsOnPods);
    this.moveAll = false;
    this.movePodDependent = false;
  }
}

function sameLabels(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (a[k] !== b[k]) return false;
  return true;
}
