/**
 * How commands that wait for a state (`rollout status`, `scale --current-replicas` follow-ups,
 * `replace --force`, `events -w`) let time pass: the same wall-time loop as `wait` and
 * `get --watch` (src/cli/watch/tick-loop.ts). The cluster follows wall time; due work runs when it
 * is due; the write lock is released while the command sleeps. `cluster advance` is how a user
 * makes time pass faster — waiting never moves the cluster's clock by itself.
 */
import type { Connection } from '../../client/embedded.js';
import { type TickLoopOptions, tickUntil } from '../watch/tick-loop.js';

export class WaitTimeout extends Error {
  constructor() {
    super('timed out waiting for the condition');
  }
}

export interface WaitOptions extends Pick<TickLoopOptions, 'pollMs' | 'wallNow' | 'sleep' | 'signal'> {
  /** Wall milliseconds to wait at most; 0 = no limit. */
  timeoutMs: number;
}

/**
 * Calls `check` after every settle of the cluster until it returns true; throws WaitTimeout once
 * the deadline passes (having checked once more at the deadline).
 */
export async function waitFor(conn: Connection, check: () => Promise<boolean>, opts: WaitOptions): Promise<void> {
  const wallNow = opts.wallNow ?? Date.now;
  const deadline = opts.timeoutMs > 0 ? wallNow() + opts.timeoutMs : undefined;
  const outcome = await tickUntil(conn, check, { ...opts, deadline });
  if (outcome === 'deadline') throw new WaitTimeout();
}
