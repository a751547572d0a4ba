import { describe, expect, it } from 'vitest';
import { applyTaintChanges, conflictingChanges, parseTaints, splitTaintArgs, taintString } from '../../../src/cli/node/taint-spec.js';

describe('taint arguments (kubectl taint utils.go)', () => {
  it('splits resources from changes and refuses a resource after a change', () => {
    expect(splitTaintArgs(['nodes', 'a', 'b', 'k=v:NoSchedule', 'k2-'])).toEqual({ resources: ['nodes', 'a', 'b'], taints: ['k=v:NoSchedule', 'k2-'] });
    expect(() => splitTaintArgs(['nodes', 'k=v:NoSchedule', 'b'])).toThrow('all resources must be specified before taint changes: b');
  });

  it('parses adds and removals', () => {
    expect(parseTaints(['dedicated=special-user:NoSchedule', 'bar:NoExecute', 'gone-', 'some:PreferNoSchedule-'])).toEqual({
      add: [{ key: 'dedicated', value: 'special-user', effect: 'NoSchedule' }, { key: 'bar', effect: 'NoExecute' }],
      remove: [{ key: 'gone' }, { key: 'some', effect: 'PreferNoSchedule' }],
    });
    expect(parseTaints(['example.com/gpu=true:NoSchedule']).add[0]).toEqual({ key: 'example.com/gpu', value: 'true', effect: 'NoSchedule' });
  });

  it("words kubectl's parse errors", () => {
    expect(() => parseTaints(['k=v:Nope'])).toThrow('invalid taint effect: Nope, unsupported taint effect');
    expect(() => parseTaints(['k=v:'])).toThrow('invalid taint effect: , unsupported taint effect');
    expect(() => parseTaints(['a:b:NoSchedule'])).toThrow('invalid taint spec: a:b:NoSchedule');
    expect(() => parseTaints(['k=v=w:NoSchedule'])).toThrow('invalid taint spec: k=v=w:NoSchedule');
    expect(() => parseTaints(['k=-bad:NoSchedule'])).toThrow(/^invalid taint spec: k=-bad:NoSchedule, a valid label must be an empty string/);
    expect(() => parseTaints(['foo=bar'])).toThrow(/^invalid taint spec: foo=bar, name part must consist of alphanumeric characters/);
    expect(() => parseTaints(['a=b:NoSchedule', 'a=c:NoSchedule'])).toThrow('duplicated taints with the same key and effect: {a c NoSchedule <nil>}');
  });

  it('finds a key both added and removed', () => {
    expect(conflictingChanges(parseTaints(['a=b:NoSchedule', 'a-', 'c=d:NoSchedule', 'c:NoExecute-']))).toEqual(['{"a":""}']);
    expect(conflictingChanges(parseTaints(['a=b:NoSchedule', 'a:NoSchedule-']))).toEqual(['{"a":"NoSchedule"}']);
  });

  it('prints a taint as Taint.ToString does', () => {
    expect(taintString({ key: 'k', value: 'v', effect: 'NoSchedule' })).toBe('k=v:NoSchedule');
    expect(taintString({ key: 'k', effect: 'NoSchedule' })).toBe('k:NoSchedule');
    expect(taintString({ key: 'k' })).toBe('k');
  });
});

describe('applying taint changes to a node (reorganizeTaints)', () => {
  const old = [{ key: 'x', value: '1', effect: 'NoSchedule' }, { key: 'y', effect: 'NoExecute', timeAdded: '2026-01-01T00:00:00Z' }];

  it('puts added taints first and says tainted', () => {
    expect(applyTaintChanges('n1', old, parseTaints(['z=2:PreferNoSchedule']), false)).toEqual({
      taints: [{ key: 'z', value: '2', effect: 'PreferNoSchedule' }, ...old],
      operation: 'tainted',
    });
  });

  it('removes by key or by key and effect and says untainted', () => {
    expect(applyTaintChanges('n1', old, parseTaints(['x-']), false)).toEqual({ taints: [old[1]], operation: 'untainted' });
    expect(applyTaintChanges('n1', old, parseTaints(['y:NoExecute-']), false)).toEqual({ taints: [old[0]], operation: 'untainted' });
  });

  it('says modified for an add with a removal, or with --overwrite', () => {
    expect(applyTaintChanges('n1', old, parseTaints(['z=2:NoSchedule', 'x-']), false).operation).toBe('modified');
    expect(applyTaintChanges('n1', old, parseTaints(['x=9:NoSchedule']), true)).toEqual({
      taints: [{ key: 'x', value: '9', effect: 'NoSchedule' }, old[1]],
      operation: 'modified',
    });
  });

  it('refuses to change an existing taint without --overwrite, and a removal of a missing one', () => {
    expect(() => applyTaintChanges('n1', old, parseTaints(['x=9:NoSchedule']), false)).toThrow('node n1 already has x taint(s) with same effect(s) and --overwrite is false');
    expect(() => applyTaintChanges('n1', old, parseTaints(['nope:NoSchedule-']), false)).toThrow('taint "nope:NoSchedule" not found');
    expect(() => applyTaintChanges('n1', old, parseTaints(['nope-']), false)).toThrow('taint "nope" not found');
  });
});
