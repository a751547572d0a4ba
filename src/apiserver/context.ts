import type { KindDef } from '../api/kind.js';
import type { Registry } from '../api/registry.js';
import type { KubeObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import type { Clock } from '../util/clock.js';

/** What every step of the request pipeline may use. */
export interface ServerContext {
  store: Store;
  registry: Registry;
  clock: Clock;
  /** Uniform in [0, 1): generated names and IP/port picks (injected so tests are repeatable). */
  random: () => number;
  /** Called after an object has left the store (for the control loop's change feed). */
  onRemoved?: (key: string, obj: KubeObject, revision: number) => void;
}

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE';

export interface AdmissionAttributes {
  operation: Operation;
  kind: KindDef;
  /** The object being written (mutable); for DELETE, the stored object. */
  obj: KubeObject;
  old?: KubeObject;
  dryRun: boolean;
  ctx: ServerContext;
}

/**
 * An admission plugin: mutates and/or rejects (throwing a StatusError) a write before it is
 * validated and stored. `release` runs when an object leaves the store, to free what admit allocated.
 */
export interface AdmissionPlugin {
  name: string;
  /**
   * May mutate a.obj or throw. What it must record in the store (an allocation) it returns as a
   * callback, which the pipeline runs only once the object is actually stored (never for dry runs
   * or rejected requests).
   */
  admit?(a: AdmissionAttributes): void | (() => void);
  /**
   * kube-apiserver's validating phase: runs after the object's own validation, when a generated
   * name is set; may only reject (throw). Like admit, returns what to record once it is stored.
   */
  validate?(a: AdmissionAttributes): void | (() => void);
  release?(obj: KubeObject, kind: KindDef, ctx: ServerContext): void;
}
