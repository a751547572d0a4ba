/**
 * The loop of commands that wait (`wait`, `get --watch`): the cluster follows wall time (cluster
 * time = wall clock + the stored offset), so waiting means letting wall time pass. Each turn reads
 * what other processes committed, runs the control loop for whatever is due now, commits and
 * releases the write lock (others may write while this process sleeps), then looks again; it
 * sleeps until the next delayed key falls due, or one poll interval, whichever comes first.
 * Nothing here jumps the cluster's clock: `cluster advance` is the way to make time pass faster.
 */
import type { Connection } from '../../client/embedded.js';

/** How often a waiting command looks for changes made by other processes (wall ms). */
export const POLL_MS = 250;

export interface TickLoopOptions {
  /** Wall-clock epoch ms after which the loop gives up (undefined: never). */
  deadline?: number;
  /** Ends the loop early (SIGINT). */
  signal?: AbortSignal;
  pollMs?: number;
  /** Injected for tests. */
  wallNow?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Why the loop ended. */
export type TickOutcome = 'done' | 'deadline' | 'aborted';

export function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Brings the connection up to date: others' commits read, due work done, own work committed. */
export async function settle(conn: Connection): Promise<void> {
  const cluster = conn.cluster;
  if (!cluster) return;
  cluster.refresh();
  await cluster.reconcile();
  await cluster.commitAndRelease();
}

/** Wall milliseconds until something may change by itself: the next due key, at most one poll. */
export function pauseLength(conn: Connection, pollMs: number): number {
  const due = conn.cluster?.nextDue();
  if (due === undefined) return pollMs;
  return Math.max(0, Math.min(pollMs, due - conn.now().getTime()));
}

/**
 * Settles the cluster and calls `step` until it returns true, the deadline passes (`step` has
 * then been called once at or after the deadline) or the signal aborts.
 */
export async function tickUntil(conn: Connection, step: () => Promise<boolean>, opts: TickLoopOptions = {}): Promise<TickOutcome> {
  const wallNow = opts.wallNow ?? Date.now;
  const sleep = opts.sleep ?? sleepFor;
  const pollMs = opts.pollMs ?? POLL_MS;
  for (;;) {
    if (opts.signal?.aborted) return 'aborted';
    await settle(conn);
    if (await step()) return 'done';
    const left = opts.deadline === undefined ? Number.POSITIVE_INFINITY : opts.deadline - wallNow();
    if (left <= 0) return 'deadline';
    await sleep(Math.max(1, Math.min(left, pauseLength(conn, pollMs))), opts.signal);
  }
}
