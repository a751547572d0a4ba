/**
 * The scheduling queue's bookkeeping (scheduling_queue.go): which unbound pods are ready to be tried now
 * (active), which wait out their back-off, which were found unschedulable and wait for a relevant cluster
 * change (or at most 5 minutes), and which are held back by scheduling gates.
 *
 * Back-off per pod: 1 s after the first failed attempt, doubling up to 10 s, counted from the last attempt.
 * This state lives in memory like the real scheduler's queue; what must survive the process is the
 * PodScheduled condition in the store and the delayed keys the reconciler returns.
 */
import type { KubeObject } from '../api/types.js';
import { isGated } from './queue.js';

export const INITIAL_BACKOFF_MS = 1_000;
export const MAX_BACKOFF_MS = 10_000;
/** podMaxInUnschedulablePodsDuration: an unschedulable pod is retried at least this often. */
export const MAX_UNSCHEDULABLE_MS = 5 * 60_000;

type State = 'active' | 'backoff' | 'unschedulable' | 'gated';

interface Entry {
  pod: KubeObject;
  state: State;
  attempts: number;
  /** Cluster time of the last attempt (-Infinity: long ago / unknown). */
  lastAttempt: number;
}

/** calculateBackoffDuration: 1 s doubled per further attempt, capped at 10 s. */
export function backoffMs(attempts: number): number {
  let d = INITIAL_BACKOFF_MS;
  for (let i = 1; i < attempts; i++) {
    d *= 2;
    if (d > MAX_BACKOFF_MS) return MAX_BACKOFF_MS;
  }
  return d;
}

/** What an unschedulable pod's re-evaluation depends on: anything but status and bookkeeping metadata. */
function fingerprint(pod: KubeObject): string {
  const { resourceVersion: _rv, managedFields: _mf, generation: _g, ...meta } = pod.metadata as Record<string, unknown>;
  return JSON.stringify([meta, pod.spec]);
}

/** Whether the pod was marked unschedulable by a scheduler attempt (survives the process in its status). */
function markedUnschedulable(pod: KubeObject): boolean {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (pod.status?.conditions ?? []).some((c: any) => c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable');
}

export class SchedulingQueue {
  private readonly entries = new Map<string, Entry>();

  get size(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /**
   * A pending pod as the watch (or the initial list) shows it. New pods are active (or gated); a pod found
   * unschedulable stays put unless something other than its status changed (then it moves, as on an event).
   */
  seen(key: string, pod: KubeObject, now: number): void {
    const e = this.entries.get(key);
    if (!e) {
      const state: State = isGated(pod) ? 'gated' : markedUnschedulable(pod) ? 'unschedulable' : 'active';
      this.entries.set(key, { pod, state, attempts: state === 'unschedulable' ? 1 : 0, lastAttempt: -Infinity });
      return;
    }
    const changed = (e.state === 'unschedulable' || e.state === 'gated') && fingerprint(e.pod) !== fingerprint(pod);
    e.pod = pod;
    if (e.state === 'gated') {
      if (!isGated(pod)) e.state = 'active';
    } else if (changed) {
      this.move(e, now);
    }
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  /** The pod object the queue holds (the newest seen or written). */
  pod(key: string): KubeObject | undefined {
    return this.entries.get(key)?.pod;
  }

  /** A pod's timers are checked: back-off over → active; unschedulable for 5 minutes → active. */
  wake(key: string, now: number): void {
    const e = this.entries.get(key);
    if (!e) return;
    if (e.state === 'backoff' && now >= e.lastAttempt + backoffMs(e.attempts)) e.state = 'active';
    else if (e.state === 'unschedulable' && now >= e.lastAttempt + MAX_UNSCHEDULABLE_MS) e.state = 'active';
  }

  /** A relevant cluster change: unschedulable pods (those `which` accepts) move to active or back-off. */
  moveUnschedulable(now: number, which: (pod: KubeObject) => boolean = () => true): void {
    for (const e of this.entries.values()) if (e.state === 'unschedulable' && which(e.pod)) this.move(e, now);
  }

  private move(e: Entry, now: number): void {
    e.state = now >= e.lastAttempt + backoffMs(e.attempts) ? 'active' : 'backoff';
  }

  /** The pods to try in this pass. */
  active(): KubeObject[] {
    const out: KubeObject[] = [];
    for (const e of this.entries.values()) if (e.state === 'active') out.push(e.pod);
    return out;
  }

  /** An attempt failed: the pod waits for a relevant change; returns ms until its 5-minute retry. */
  failed(key: string, pod: KubeObject, now: number): number {
    const e = this.entries.get(key);
    if (!e) return MAX_UNSCHEDULABLE_MS;
    e.pod = pod;
    e.attempts++;
    e.lastAttempt = now;
    e.state = 'unschedulable';
    return MAX_UNSCHEDULABLE_MS;
  }

  /** ms until a waiting pod's next timed retry (back-off end, or the 5-minute retry); undefined if none is due. */
  retryIn(key: string, now: number): number | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.state === 'backoff') return Math.max(0, e.lastAttempt + backoffMs(e.attempts) - now);
    if (e.state === 'unschedulable') return Number.isFinite(e.lastAttempt) ? Math.max(0, e.lastAttempt + MAX_UNSCHEDULABLE_MS - now) : MAX_UNSCHEDULABLE_MS;
    return undefined;
  }

  /** Pods waiting out their back-off, with the ms left (delayed keys to set). */
  backoffDue(now: number): Map<string, number> {
    const out = new Map<string, number>();
    for (const [key, e] of this.entries) if (e.state === 'backoff') out.set(key, Math.max(0, e.lastAttempt + backoffMs(e.attempts) - now));
    return out;
  }
}
