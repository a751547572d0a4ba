/** The control loop's bounds and checkpoint sizes (src/cluster.ts runs the loop). */

/** Bounds of one reconcile() call, so a misbehaving controller cannot loop forever. */
export const MAX_ROUNDS = 200;
export const MAX_RECONCILES = 1_000_000;
/**
 * Pending writes after which the loop commits at the end of a round (a checkpoint), so a big
 * scale-up holds a few rounds of writes in memory, not all of them. At a round's end every change
 * collected so far has been reconciled, so a process killed after a checkpoint resumes from it.
 * (Writes counted in store entries: an object write is about three. Measured on 0 → 30,000 pods:
 * 20,000 took 32–34 s and ~600 MB, 60,000 26–27 s and ~700 MB, 150,000 26 s and ~900 MB; a pod
 * whose writes straddle checkpoints is written to disk more than once.)
 */
export const CHECKPOINT_WRITES = 60_000;
/** Heap size past which a checkpoint also collects garbage (see util/heap.ts: and past 1.5× what was live). */
export const CHECKPOINT_HEAP_BYTES = 192 * 2 ** 20;
/** Bound of one advanceStepwise() (a controller that keeps asking for 0 ms cannot hang it). */
export const MAX_ADVANCE_STEPS = 100_000;
