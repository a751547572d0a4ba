import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/api/types.js';
import { isLess, naturalLess, sortObjects } from '../../../src/cli/printers/sort-by.js';

function obj(name: string, extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Thing', metadata: { name, namespace: 'default' }, ...extra } as KubeObject;
}
const names = (objs: KubeObject[]) => objs.map((o) => o.metadata.name);

describe('--sort-by', () => {
  it('orders timestamps, restart counts and quantities as kubectl does', () => {
    const pods = [
      obj('c', { metadata: { name: 'c', creationTimestamp: '2026-01-01T10:00:09Z' }, status: { containerStatuses: [{ restartCount: 10 }] } }),
      obj('a', { metadata: { name: 'a', creationTimestamp: '2026-01-01T10:00:10Z' }, status: { containerStatuses: [{ restartCount: 2 }] } }),
      obj('b', { metadata: { name: 'b', creationTimestamp: '2025-12-31T23:59:59Z' }, status: { containerStatuses: [{ restartCount: 0 }] } }),
    ];
    expect(names(sortObjects(pods, '.metadata.creationTimestamp'))).toEqual(['b', 'c', 'a']);
    expect(names(sortObjects(pods, '{.status.containerStatuses[0].restartCount}'))).toEqual(['b', 'a', 'c']);
    const pvs = [obj('big', { spec: { capacity: { storage: '1Ti' } } }), obj('mid', { spec: { capacity: { storage: '10Gi' } } }), obj('small', { spec: { capacity: { storage: '512Mi' } } }), obj('g', { spec: { capacity: { storage: '2G' } } })];
    expect(names(sortObjects(pvs, 'spec.capacity.storage'))).toEqual(['small', 'g', 'mid', 'big']);
  });

  it('puts objects without the field first and keeps found order for ties', () => {
    const list = [obj('x', { v: 'b' }), obj('y'), obj('z', { v: 'a' }), obj('w', { v: 'a' })];
    expect(names(sortObjects(list, '.v'))).toEqual(['y', 'z', 'w', 'x']);
  });

  it('compares strings in natural order when they are not quantities', () => {
    const list = ['web-10', 'web-9', 'web-1', 'api'].map((n) => obj(n));
    expect(names(sortObjects(list, '.metadata.name'))).toEqual(['api', 'web-1', 'web-9', 'web-10']);
    expect(naturalLess('a2', 'a10')).toBe(true);
    expect(naturalLess('a010', 'a10')).toBe(false);
    expect(naturalLess('1abc', 'abc')).toBe(true);
    expect(isLess(false, true)).toBe(true);
  });

  it("fails in kubectl's words when no object has the field", () => {
    expect(() => sortObjects([obj('a')], '.spec.nope')).toThrow('couldn\'t find any field with path "{.spec.nope}" in the list of objects');
    expect(sortObjects([], '.spec.nope')).toEqual([]);
  });
});
