import type { AdmissionAttributes, AdmissionPlugin } from './context.js';

/**
 * Runs one phase of the chain in order (`admit`: mutating, before validation; `validate`: after
 * it); returns the callbacks to run once the object is stored.
 */
export function runAdmission(plugins: AdmissionPlugin[], a: AdmissionAttributes, phase: 'admit' | 'validate' = 'admit'): (() => void)[] {
  const onStored: (() => void)[] = [];
  for (const p of plugins) {
    const f = p[phase]?.(a);
    if (f) onStored.push(f);
  }
  return a.dryRun ? [] : onStored;
}
