import type { PropagationPolicy } from '../../api/client.js';

/**
 * kubectl delete's option rules (DeleteFlags.ToOptions / Complete / Validate): cascade strategy,
 * the effective grace period, and the warnings to print.
 */
export interface DeleteSettings {
  propagationPolicy: PropagationPolicy;
  /** Effective grace period; -1 = not given (the server's default applies). */
  gracePeriod: number;
  warnings: string[];
}

export function cascadeStrategy(value: string | undefined, warnings: string[]): PropagationPolicy {
  const v = (value ?? 'background').toLowerCase();
  switch (v) {
    case 'background':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
      return 'Orphan';
    case 'true':
      warnings.push('warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.');
      return 'Background';
    case 'false':
      warnings.push('warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.');
      return 'Orphan';
    default:
      throw new Error(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`);
  }
}

export function deleteSettings(flags: { cascade?: string; 'grace-period': number; now: boolean; force: boolean }): DeleteSettings {
  const warnings: string[] = [];
  const propagationPolicy = cascadeStrategy(flags.cascade, warnings);
  let grace = flags['grace-period'];
  if (flags.now) {
    if (grace !== -1) throw new Error('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  if (grace === 0 && !flags.force) grace = 1;
  if (flags.force && grace < 0) grace = 0;
  if (grace === 0 && flags.force) {
    warnings.push('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.');
  } else if (grace > 0 && flags.force) {
    throw new Error('--force and --grace-period greater than 0 cannot be specified together');
  }
  return { propagationPolicy, gracePeriod: grace, warnings };
}
