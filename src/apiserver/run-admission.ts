import type { AdmissionAttributes, AdmissionPlugin } from './context.js';

/** Runs the chain in order; returns the callbacks to run once the object is stored. */
export function runAdmission(plugins: AdmissionPlugin[], a: AdmissionAttributes): (() => void)[] {
  const onStored: (() => void)[] = [];
  for (const p of plugins) {
    const f = p.admit?.(a);
    if (f) onStored.push(f);
  }
  return a.dryRun ? [] : onStored;
}
