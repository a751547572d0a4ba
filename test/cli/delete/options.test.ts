import { describe, expect, it } from 'vitest';
import { deleteSettings } from '../../../src/cli/delete/options.js';

const base = { cascade: 'background', 'grace-period': -1, now: false, force: false };

describe('deleteSettings', () => {
  it('maps --cascade, including the deprecated booleans', () => {
    expect(deleteSettings({ ...base, cascade: 'foreground' }).propagationPolicy).toBe('Foreground');
    const legacy = deleteSettings({ ...base, cascade: 'false' });
    expect(legacy.propagationPolicy).toBe('Orphan');
    expect(legacy.warnings).toEqual(['warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.']);
    expect(deleteSettings({ ...base, cascade: 'true' }).propagationPolicy).toBe('Background');
    expect(() => deleteSettings({ ...base, cascade: 'foo' })).toThrow('invalid cascade value (foo). Must be "background", "foreground", or "orphan"');
  });

  it('applies kubectl\'s grace-period rules', () => {
    expect(deleteSettings(base).gracePeriod).toBe(-1);
    expect(deleteSettings({ ...base, 'grace-period': 0 }).gracePeriod).toBe(1);
    expect(deleteSettings({ ...base, now: true }).gracePeriod).toBe(1);
    const forced = deleteSettings({ ...base, force: true });
    expect(forced.gracePeriod).toBe(0);
    expect(forced.warnings[0]).toMatch(/^Warning: Immediate deletion does not wait for confirmation/);
    expect(() => deleteSettings({ ...base, now: true, 'grace-period': 5 })).toThrow('--now and --grace-period cannot be specified together');
    expect(() => deleteSettings({ ...base, force: true, 'grace-period': 5 })).toThrow('--force and --grace-period greater than 0 cannot be specified together');
  });
});
