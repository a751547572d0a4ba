/**
 * What the scheduler writes through the API: the binding (pods/binding: spec.nodeName and PodScheduled=True), the
 * PodScheduled=False condition and nominatedNodeName of a pod that did not fit, the preemption of victims
 * (DisruptionTarget condition, then a graceful delete), and the events that go with each.
 */
import type { Client, WriteOptions } from '../api/client.js';
import { EventRecorder } from '../api/event-recorder.js';
import { withPodCondition } from '../api/pod-condition.js';
import type { KubeObject } from '../api/types.js';
import type { Clock } from '../util/clock.js';
import { rfc3339 } from '../util/clock.js';
import { DEFAULT_SCHEDULER_NAME } from './queue.js';

/**
 * The scheduler's pod status writes, as metadata.managedFields name their manager; typed (see
 * internalClient): the bodies are built here, as a Go client's are.
 */
const SCHEDULER_WRITES: WriteOptions = Object.freeze({ fieldManager: 'kube-scheduler', typed: true });

/* eslint-disable @typescript-eslint/no-explicit-any */

export class PodSchedulingWriter {
  private readonly recorder: EventRecorder;

  constructor(
    private readonly client: Client,
    private readonly clock: Clock,
  ) {
    this.recorder = new EventRecorder(client, clock, { component: DEFAULT_SCHEDULER_NAME });
  }

  private now(): string {
    return rfc3339(this.clock.now());
  }

  /** Binds the pod to the node; returns the pod as stored afterwards. */
  async bind(pod: KubeObject, nodeName: string): Promise<KubeObject> {
    const { namespace, name, uid } = pod.metadata;
    const bound = this.client.immediate?.bind(namespace, name!, nodeName, { uid }) ?? (await this.client.bind(namespace, name!, nodeName, { uid }));
    const ns = bound.metadata.namespace ?? 'default';
    // most are recorded at once (undefined): no await, which would suspend the bind for a turn
    const recording = this.recorder.event(bound, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${bound.metadata.name} to ${nodeName}`);
    if (recording) await recording;
    return bound;
  }

  /** Records a failed attempt: PodScheduled=False (and the nomination), plus a FailedScheduling event. */
  async unschedulable(pod: KubeObject, reason: string, message: string, nominatedNodeName: string | undefined): Promise<KubeObject> {
    let status = withPodCondition(pod.status, { type: 'PodScheduled', status: 'False', reason, message }, this.now());
    const nominate = nominatedNodeName !== undefined && pod.status?.nominatedNodeName !== nominatedNodeName;
    if (nominate) status = { ...(status ?? pod.status), nominatedNodeName };
    let written = pod;
    if (status) written = await this.client.updateStatus('pods', { ...pod, status }, SCHEDULER_WRITES);
    await this.recorder.event(written, 'Warning', 'FailedScheduling', message);
    return written;
  }

  /** Evicts the victims of a preemption on `nodeName` for `preemptor`. */
  async preempt(preemptor: KubeObject, nodeName: string, victims: readonly KubeObject[]): Promise<void> {
    const schedulerName = preemptor.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME;
    for (const victim of victims) {
      let current = victim;
      try {
        current = await this.client.get('pods', victim.metadata.namespace, victim.metadata.name!);
        const status = withPodCondition(current.status, {
          type: 'DisruptionTarget',
          status: 'True',
          reason: 'PreemptionByScheduler',
          message: `${schedulerName}: preempting to accommodate a higher priority pod`,
        }, this.now());
        if (status) current = await this.client.updateStatus('pods', { ...current, status }, SCHEDULER_WRITES);
        await this.client.delete('pods', current.metadata.namespace, current.metadata.name!, { preconditions: { uid: current.metadata.uid } });
      } catch (e: any) {
        if (e?.code === 404) continue;
        throw e;
      }
      await this.recorder.event(current, 'Normal', 'Preempted', `Preempted by pod ${preemptor.metadata.uid} on node ${nodeName}`);
    }
  }
}
