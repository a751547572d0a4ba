/**
 * Handing an object over to the in-process API server, instead of having it copied.
 *
 * A create copies what it is sent (the server fills in defaults and metadata, and the sender may
 * use its object again) and returns a copy of what it stored (the sender may change it). A writer
 * that builds a fresh object for one create and never touches it again — the event recorder, the
 * ReplicaSet controller's pods — can hand it over instead: the server takes the object itself and
 * returns the stored object itself, which the writer only reads, as it would an informer's object.
 * Two copies fewer per Event and per pod of a scale-up.
 *
 * Only the embedded API server honours the mark; a client that sends objects over the wire copies
 * them anyway. Under the test suite (POCKETKUBE_FREEZE_SHARED=1) what a hand-over stores is frozen,
 * so a writer that changes it afterwards fails loudly.
 */
const handedOver = new WeakSet<object>();

/** Marks obj as given to the next create it is sent to; returns it. */
export function handOver<T extends object>(obj: T): T {
  handedOver.add(obj);
  return obj;
}

/** Whether obj was handed over (the mark is used up). */
export function takeOver(obj: object): boolean {
  return handedOver.delete(obj);
}
