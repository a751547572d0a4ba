/**
 * kubectl wait's run (1.32): one deadline for the whole command; objects are waited for one after
 * another, each printed (`pod/web condition met`) as soon as its condition holds; an object that
 * fails is reported and the others are still waited for (kubectl's ContinueOnError). Waiting is
 * the shared tick loop (src/cli/watch/tick-loop.ts): wall time passes, the cluster keeps running.
 */
import { isStatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import type { Connection } from '../../client/embedded.js';
import { type TickLoopOptions, settle, tickUntil } from '../watch/tick-loop.js';
import { type WaitFor, conditionMet } from './condition.js';
import { type WaitSelection, type WaitTarget, readWaitTargets } from './targets.js';
import { resourceOf } from '../../api/kind.js';

/** kubectl: a negative --timeout waits a week. */
export const WEEK_MS = 168 * 3_600_000;

export interface WaitRun {
  waitFor: WaitFor;
  selection: WaitSelection;
  /** --timeout in ms (0 = look once, negative = a week). */
  timeoutMs: number;
  /** Prints one object whose condition is met. */
  print: (obj: KubeObject, target: WaitTarget) => void;
  loop?: Omit<TickLoopOptions, 'deadline'>;
}

const isNotFound = (e: unknown): boolean => isStatusError(e) && e.reason === 'NotFound';

/** Runs the wait; returns the errors to report (empty: every object met its condition). */
export async function runWait(conn: Connection, run: WaitRun): Promise<Error[]> {
  const wallNow = run.loop?.wallNow ?? Date.now;
  const timeoutMs = run.timeoutMs < 0 ? WEEK_MS : run.timeoutMs;
  const once = timeoutMs === 0;
  const deadline = wallNow() + timeoutMs;
  const loop = { ...run.loop, deadline };
  const read = () => readWaitTargets(conn.client, conn.registry, run.selection);
  const forDelete = run.waitFor.type === 'delete';

  await settle(conn);
  let found = await read();
  if (run.waitFor.type === 'create') {
    const outcome = await tickUntil(conn, async () => {
      found = await read();
      const other = found.errors.find((e) => !isNotFound(e));
      if (other) throw other;
      return found.errors.length === 0;
    }, loop);
    if (outcome !== 'done') return [new Error('timed out waiting for the condition')];
  }

  const errors = forDelete ? found.errors.filter((e) => !isNotFound(e)) : [...found.errors];
  for (const target of found.targets) {
    try {
      const obj = await waitOne(conn, target, run.waitFor, once, loop);
      run.print(obj, target);
    } catch (e) {
      errors.push(e instanceof Error ? e : new Error(String(e)));
    }
  }
  if (found.targets.length === 0 && errors.length === 0 && !forDelete) return [new Error('no matching resources found')];
  return errors;
}

/** Waits for one object; returns the object to print, or throws kubectl's error for it. */
async function waitOne(conn: Connection, target: WaitTarget, waitFor: WaitFor, once: boolean, loop: TickLoopOptions): Promise<KubeObject> {
  const { kind, obj } = target;
  const name = obj.metadata.name ?? '';
  const objectName = `${kind.plural}/${name}`;
  if (waitFor.type === 'create') return obj;
  const get = () => conn.client.get(resourceOf(kind), kind.namespaced ? obj.metadata.namespace : undefined, name);

  let last: KubeObject = obj;
  let step: () => Promise<boolean>;
  if (waitFor.type === 'delete') {
    step = async () => {
      try {
        const live = await get();
        return live.metadata.uid !== obj.metadata.uid;
      } catch (e) {
        if (isNotFound(e)) return true;
        throw e;
      }
    };
  } else {
    step = async () => {
      last = await get();
      return conditionMet(last, waitFor);
    };
  }
  if (once) {
    if (await step()) return last;
    throw new Error(`condition not met for ${objectName}`);
  }
  const outcome = await tickUntil(conn, step, loop);
  if (outcome === 'done') return last;
  if (outcome === 'aborted') throw new Error('interrupted');
  throw new Error(`timed out waiting for the condition on ${objectName}`);
}
