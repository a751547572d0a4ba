/**
 * Waiting in simulated time (DESIGN rule 5): run the control loop; when the cluster is quiet, jump
 * its clock to the next delayed key (a back-off, a minReadySeconds, a progress deadline) instead of
 * sleeping — never past the deadline. With nothing due and no deadline, wait on the wall clock
 * (cluster time moves with it), as kubectl would wait until interrupted.
 */
import type { Connection } from '../../client/embedded.js';

export class WaitTimeout extends Error {
  constructor() {
    super('timed out waiting for the condition');
  }
}

export interface TickOptions {
  /** Simulated milliseconds to wait at most; 0 = no limit. */
  timeoutMs: number;
  /** How long to sleep (wall clock) when nothing is due; tests shorten it. */
  idleSleepMs?: number;
  /** Called whenever simulated time jumps (spinner text). */
  onAdvance?: (ms: number) => void;
}

/**
 * Calls `check` after every settle of the cluster until it returns true; throws WaitTimeout once
 * the deadline passes (checking once more at the deadline).
 */
export async function waitSimulated(conn: Connection, check: () => Promise<boolean>, opts: TickOptions): Promise<void> {
  const cluster = conn.cluster;
  const start = conn.now().getTime();
  const deadline = opts.timeoutMs > 0 ? start + opts.timeoutMs : Number.POSITIVE_INFINITY;
  for (;;) {
    await cluster?.reconcile();
    if (await check()) return;
    const now = conn.now().getTime();
    if (now >= deadline) throw new WaitTimeout();
    const due = cluster?.store.nextDue();
    if (cluster && due !== undefined) {
      const jump = Math.max(0, Math.min(due, deadline) - now);
      await cluster.advance(jump);
      if (jump > 0) opts.onAdvance?.(jump);
      continue;
    }
    if (cluster && Number.isFinite(deadline)) {
      await cluster.advance(deadline - now);
      opts.onAdvance?.(deadline - now);
      continue;
    }
    await new Promise((r) => setTimeout(r, opts.idleSleepMs ?? 1000));
  }
}
