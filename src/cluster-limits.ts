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
 * Heap in use past which the loop asks, at a round's end, for a collection (see util/heap.ts): past
 * this and past HEAP_GROWTH times what the last collection found live. Measured on 0 → 30,000 pods
 * in 2026-12 (~90 MB live at the end), peak RSS (maxRSS) in three interleaved runs: 100 MB and
 * 1.2×, 286–291 MB; 116 MB and 1.5×, 301–311 MB; 90 MB and 1.15×, 281–285 MB in no less time
 * (15.6–16.0 s against 14.3–16.0 s). Since the store unmaps what it read at checkpoints
 * (lmdb-store.ts, remap), 112 MB and 1.2× peak at 282–285 MB against 288–297 MB for the build
 * before with 100 MB, in the same time (4 interleaved runs, 11.4–12.3 s each).
 */
export const HEAP_BOUND_BYTES = 112 * 2 ** 20;
export const HEAP_GROWTH = 1.2;
/** Bound of one advanceStepwise() (a controller that keeps asking for 0 ms cannot hang it). */
export const MAX_ADVANCE_STEPS = 100_000;
