import { describe, expect, it } from 'vitest';
import { deepEqual } from '../../../src/api/patch/json-value.js';

describe('deepEqual', () => {
  it('compares JSON values by their own keys and values, at every depth', () => {
    const pod = { metadata: { name: 'p', labels: { a: '1' } }, spec: { containers: [{ name: 'c', ports: [80, 443] }] }, status: null };
    expect(deepEqual(pod, JSON.parse(JSON.stringify(pod)))).toBe(true);
    expect(deepEqual(pod, { ...pod, spec: { containers: [{ name: 'c', ports: [80, 444] }] } })).toBe(false);
    expect(deepEqual(pod, { ...pod, status: undefined })).toBe(false);
    expect(deepEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(deepEqual({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(deepEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    // the same number of keys, not the same keys
    expect(deepEqual({ a: undefined }, { b: undefined })).toBe(false);
    expect(deepEqual([1, [2]], [1, [2]])).toBe(true);
    expect(deepEqual([1, 2], [1, 2, 3])).toBe(false);
    expect(deepEqual([], {})).toBe(false);
    expect(deepEqual({}, [])).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
    expect(deepEqual('1', 1)).toBe(false);
  });

  it('counts own keys only', () => {
    const inherited = Object.create({ extra: 1 }) as Record<string, unknown>;
    inherited.a = 1;
    expect(deepEqual(inherited, { a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, inherited)).toBe(true);
  });
});
