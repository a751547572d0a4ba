/** The control loop's bounds and checkpoint sizes (src/cluster.ts runs the loop). */

/** Bounds of one reconcile() call, so a misbehaving controller cannot loop forever. */
export const MAX_ROUNDS = 200;
export const MAX_RECONCILES = 1_000_000;
/**
 * Pending writes after which the loop commits at the end of a round (a checkpoint), so a big
 * scale-up holds a few rounds of writes in memory, not all of them. At a round's end every change
 * collected so far has been reconciled, so a process killed after a checkpoint resumes from it.
 * (Writes counted in store entries: an object write is about three. A pod whose writes straddle
 * checkpoints is written to disk more than once, but a smaller batch holds fewer objects and LMDB
 * keeps fewer dirty pages: measured on 0 → 30,000 pods in 2026-12, 20,000 peaked at 444–467 MB
 * against 484–530 MB for 60,000, for about 5% more time — the noise of this machine is larger.
 * Earlier builds, with far more writes per pod, paid 25% more time for 20,000.)
 */
export const CHECKPOINT_WRITES = 20_000;
/**
 * Heap size past which a checkpoint also collects garbage (see util/heap.ts: and past 1.5× what was
 * live). Measured on 0 → 30,000 pods in 2026-12, with about 80 MB live at the end: 144 MB peaked at
 * 346–349 MB RSS against 361–375 MB for 160 MB, in the same time; 128 MB took 10% longer for no
 * less memory (a collection at every checkpoint). Bound it again when what stays live changes.
 */
export const CHECKPOINT_HEAP_BYTES = 144 * 2 ** 20;
/** Bound of one advanceStepwise() (a controller that keeps asking for 0 ms cannot hang it). */
export const MAX_ADVANCE_STEPS = 100_000;
