import { deepFreeze } from '../util/deep-freeze.js';

/** Set by the test suite: shared objects are deep-frozen, to catch a reader that changes one. */
const FREEZE_SHARED = process.env.POCKETKUBE_FREEZE_SHARED === '1';

/** A stored object handed out without a copy (informers, hand-overs): frozen under the test suite. */
export function readOnly<T>(obj: T): T {
  return FREEZE_SHARED ? deepFreeze(obj) : obj;
}
